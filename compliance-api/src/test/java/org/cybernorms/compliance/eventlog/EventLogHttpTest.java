package org.cybernorms.compliance.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import org.cybernorms.compliance.support.Api;
import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cybernorms.compliance.support.EventLogClient.await;
import static org.cybernorms.compliance.support.EventLogClient.cloudEvent;
import static org.cybernorms.compliance.support.EventLogClient.lines;

/** The event log over HTTP: CloudEvents lines, paging with after and limit, and every filter. */
class EventLogHttpTest extends EmbeddedStoreTest {

    private static final String[][] STATES = {{"NOR", "ISL"}, {"SWE", "DNK"}, {"FIN", "LTU"}, {"LVA", "MLT"},
            {"CYP", "LUX"}, {"SVN", "SVK"}, {"ROU", "BGR"}, {"GRC", "PRT"}};
    private static int next;

    private Api historian;
    private String nor;
    private String isl;
    private long before;
    private Instant startedAt;

    @BeforeEach
    void recordAStory() {
        historian = api.as(HISTORIAN);
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        before = head == null ? 0 : head;
        startedAt = Instant.now();
        nor = STATES[next][0];
        isl = STATES[next][1];
        next++;
        assertThat(api.post("/api/states/" + nor + "/participation",
                "{\"instrument\":\"un-gge-2015\",\"action\":\"SIGNED\",\"date\":\"2016-02-01\"}").status())
                .isEqualTo(200);
        api.post("/api/states/" + nor + "/pledges", "{\"instrument\":\"un-gge-2015\",\"norm\":\"13f\","
                + "\"pledgedOn\":\"2017-03-01\",\"statement\":\"We will not damage critical infrastructure.\"}");
        String commitment = api.create("/api/commitments", """
                {"state":"%s","instrument":"un-gge-2015","norm":"13g","description":"Adopt a strategy",
                 "madeOn":"2018-01-15","dueOn":"2019-06-01"}""".formatted(nor), "commitmentId");
        api.post("/api/commitments/" + commitment + "/fulfilment",
                "{\"fulfilledOn\":\"2019-05-20\",\"evidence\":\"Strategy adopted\"}");
        api.create("/api/violations", """
                {"state":"%s","instrument":"un-gge-2015","norm":"13f","occurredOn":"2020-02-24",
                 "reportedOn":"2020-03-01","severity":"HIGH","summary":"Wiper attack",
                 "evidence":["https://example.org/advisory/1.pdf"],"reportingBody":"A monitoring body"}""".formatted(isl),
                "violationId");
    }

    private List<JsonNode> page(String query, int expected) {
        return await(historian, "/api/events?after=" + before + query, lines -> lines.size() >= expected);
    }

    @Test
    void answersEachEventAsACloudEventLine() {
        Api.Response response = historian.get("/api/events?after=" + before + "&state=" + nor + "&limit=1");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/x-ndjson");

        List<JsonNode> lines = page("&state=" + nor, 4);

        assertThat(lines).hasSize(4);
        JsonNode signed = lines.get(0);
        assertThat(signed.get("specversion").asText()).isEqualTo("1.0");
        assertThat(signed.get("type").asText())
                .isEqualTo("org.cybernorms.compliance.participation.InstrumentSigned.v1");
        assertThat(signed.get("source").asText()).isEqualTo("urn:cybernorms:norms-compliance-tracker");
        assertThat(signed.get("subject").asText()).contains(nor);
        assertThat(signed.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(signed.get("validon").asText()).isEqualTo("2016-02-01");
        assertThat(signed.get("actor").asText()).startsWith("token:MONITOR");
        assertThat(signed.get("actorrole").asText()).isEqualTo("MONITOR");
        assertThat(signed.get("state").asText()).isEqualTo(nor);
        assertThat(signed.get("instrument").asText()).isEqualTo("un-gge-2015");
        assertThat(signed.has("norm")).as("a signature is about no norm").isFalse();
        assertThat(signed.get("data").get("signedOn").asText()).isEqualTo("2016-02-01");
        assertThat(signed.get("sequence").asText()).hasSize(19).matches("[0-9]+");
        assertThat(Long.parseLong(signed.get("sequence").asText())).isGreaterThan(before);
        assertThat(Instant.parse(signed.get("time").asText())).isAfterOrEqualTo(startedAt.minusSeconds(1));

        JsonNode made = lines.get(2);
        assertThat(made.get("type").asText()).isEqualTo("org.cybernorms.compliance.commitment.CommitmentMade.v1");
        assertThat(made.get("norm").asText()).isEqualTo("13g");
        assertThat(made.get("subject").asText()).isEqualTo(made.get("data").get("commitmentId").asText());
        assertThat(made.get("id").asText()).hasSize(36);
        assertThat(lines).extracting(l -> l.get("sequence").asText()).isSorted().doesNotHaveDuplicates();

        CloudEvent event = cloudEvent(made.toString());
        assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(event.getId()).isEqualTo(made.get("id").asText());
        assertThat(event.getType()).isEqualTo(made.get("type").asText());
        assertThat(event.getSubject()).isEqualTo(made.get("subject").asText());
        assertThat(event.getTime().toInstant()).isEqualTo(Instant.parse(made.get("time").asText()));
        assertThat(event.getExtension("sequence")).isEqualTo(made.get("sequence").asText());
        assertThat(event.getExtension("validon")).isEqualTo("2018-01-15");
        assertThat(event.getExtension("state")).isEqualTo(nor);
        assertThat(new String(event.getData().toBytes())).contains("\"dueOn\":\"2019-06-01\"");
    }

    @Test
    void pagesWithAfterAndLimitInAStableOrder() {
        List<JsonNode> all = page("", 5);
        assertThat(all).hasSizeGreaterThanOrEqualTo(5);

        List<JsonNode> first = page("&limit=2", 2);
        String resume = first.get(1).get("sequence").asText();
        List<JsonNode> second = lines(historian.get("/api/events?after=" + resume + "&limit=2").text());
        List<JsonNode> unpadded = lines(historian.get("/api/events?after=" + Long.parseLong(resume)
                + "&limit=2").text());

        assertThat(first).hasSize(2);
        assertThat(first).extracting(l -> l.get("id").asText())
                .containsExactly(all.get(0).get("id").asText(), all.get(1).get("id").asText());
        assertThat(second).extracting(l -> l.get("id").asText())
                .containsExactly(all.get(2).get("id").asText(), all.get(3).get("id").asText());
        assertThat(unpadded).isEqualTo(second);
    }

    @Test
    void filtersByInstrumentStateNormTypeAndRecordedTime() {
        page("", 5);

        assertThat(page("&state=" + isl, 1)).extracting(l -> l.get("type").asText())
                .containsExactly("org.cybernorms.compliance.violation.ViolationReported.v2");
        assertThat(page("&norm=13F", 2)).extracting(l -> l.get("state").asText()).containsExactly(nor, isl);
        assertThat(page("&type=CommitmentFulfilled", 1)).hasSize(1);
        assertThat(page("&type=org.cybernorms.compliance.commitment.CommitmentFulfilled.v1", 1)).hasSize(1);
        assertThat(page("&type=org.cybernorms.compliance.commitment.CommitmentFulfilled", 1)).hasSize(1);
        assertThat(page("&instrument=un-gge-2015&state=" + nor.toLowerCase() + "&norm=13g", 2)).extracting(l -> l.get("type").asText())
                .containsExactly("org.cybernorms.compliance.commitment.CommitmentMade.v1",
                        "org.cybernorms.compliance.commitment.CommitmentFulfilled.v1");
        assertThat(lines(historian.get("/api/events?after=" + before + "&instrument=no-such-thing").text()))
                .isEmpty();

        List<JsonNode> all = page("&state=" + nor, 4);
        Instant third = Instant.parse(all.get(2).get("time").asText());
        List<JsonNode> fromThird = page("&state=" + nor + "&from=" + third, 2);
        List<JsonNode> beforeThird = page("&state=" + nor + "&to=" + third, 2);
        assertThat(fromThird).allSatisfy(l -> assertThat(Instant.parse(l.get("time").asText()))
                .isAfterOrEqualTo(third));
        assertThat(beforeThird).allSatisfy(l -> assertThat(Instant.parse(l.get("time").asText()))
                .isBefore(third));
        assertThat(fromThird.size() + beforeThird.size()).isEqualTo(4);
    }

    @Test
    void refusesMalformedParametersWithAProblem() {
        for (String query : List.of("limit=0", "limit=1001", "after=-1", "after=abc", "type=NoSuchEvent",
                "state=XXX", "from=2025-01-02T00:00:00Z&to=2025-01-01T00:00:00Z", "from=yesterday")) {
            Api.Response response = historian.get("/api/events?" + query,
                    Map.of("Accept", "application/x-ndjson"));
            assertThat(response.status()).as(query + ": " + response.text()).isEqualTo(400);
            assertThat(response.contentType()).as(query).startsWith("application/problem+json");
        }
    }

    @Test
    void isForHistoriansAndAdminsOnly() {
        assertThat(api.get("/api/events?limit=1").status()).isEqualTo(403);
        assertThat(api.as(null).get("/api/events?limit=1").status()).isEqualTo(401);
        assertThat(api.as(ADMIN).get("/api/events?limit=1").status()).isEqualTo(200);
        assertThat(api.get("/api/events/export").status()).isEqualTo(403);
        assertThat(api.post("/api/events/verify", "", "application/x-ndjson").status()).isEqualTo(403);
    }
}
