package org.cybernorms.compliance.workspace;

import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The work queue counts what a monitoring body has to do: a new report awaits review, a review started 40 days ago
 * is a long one, a commitment due in 10 days is due soon and one due yesterday overdue, a request for assistance with
 * no offer is waiting. Each list grows by exactly the record made for it; a state may not open the queue.
 */
class WorkQueueHttpTest extends EmbeddedStoreTest {

    @Test
    void eachListCountsTheRecordsThatBelongInIt() {
        PageSession monitor = new PageSession(port);
        monitor.signIn(MONITOR);
        String before = monitor.get("/work").html();
        LocalDate today = LocalDate.now();

        api.create("/api/violations", """
                {"state":"ISL","instrument":"un-gge-2015","norm":"13c","occurredOn":"%s","reportedOn":"%s",
                 "severity":"LOW","summary":"Awaiting review"}""".formatted(today.minusDays(60), today.minusDays(59)),
                "violationId");
        String reviewed = api.create("/api/violations", """
                {"state":"ISL","instrument":"un-gge-2015","norm":"13c","occurredOn":"%s","reportedOn":"%s",
                 "severity":"LOW","summary":"A long review"}""".formatted(today.minusDays(60), today.minusDays(59)),
                "violationId");
        api.post("/api/violations/" + reviewed + "/review", "{\"startedOn\":\"" + today.minusDays(40) + "\"}");
        api.create("/api/commitments", """
                {"state":"ISL","instrument":"un-gge-2015","norm":"13g","description":"Due soon",
                 "madeOn":"%s","dueOn":"%s"}""".formatted(today.minusDays(100), today.plusDays(10)), "commitmentId");
        api.create("/api/commitments", """
                {"state":"ISL","instrument":"un-gge-2015","norm":"13g","description":"Overdue",
                 "madeOn":"%s","dueOn":"%s"}""".formatted(today.minusDays(100), today.minusDays(1)), "commitmentId");
        api.as(ESTONIA).create("/api/assistance/requests", """
                {"requester":"EST","instrument":"un-gge-2015","norm":"13h","area":"LEGAL_FRAMEWORKS",
                 "description":"Help with a cybercrime law","requestedOn":"%s"}""".formatted(today.minusDays(5)),
                "requestId");

        String after = monitor.get("/work").html();
        for (String list : new String[] {"awaiting-title", "long-title", "due-title", "overdue-title",
                "unanswered-title"}) {
            assertThat(count(after, list)).as(list).isEqualTo(count(before, list) + 1);
        }
        assertThat(after).contains("As of <time id=\"today\">" + today + "</time>");

        PageSession france = new PageSession(port);
        france.signIn(FRANCE);
        assertThat(france.get("/work").status()).isEqualTo(403);
    }

    private static int count(String html, String heading) {
        Matcher m = Pattern.compile("id=\"" + heading + "\">[^<]*(?:<span>[^<]*</span>[^<]*)?\\(<span>(\\d+)</span>\\)")
                .matcher(html);
        assertThat(m.find()).as("the heading " + heading).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
