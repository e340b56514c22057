package org.cybernorms.compliance.assistance.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.cybernorms.compliance.support.Api;
import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rebuilding every read model from the event log gives back exactly the same assistance answers. Uruguay requests,
 * Paraguay and an organisation offer, in 2019 and 2020. The log holds a gap for good (a refused duplicate
 * registration consumes a global index that never holds an event): the replay must still complete, and writes after
 * it must not wait out the read-your-writes bound.
 */
class AssistanceReplayHttpTest extends EmbeddedStoreTest {

    private static final String REPLAY = "/api/admin/projections/replay";

    private List<String> answers(Instant knownAt, String request, String offer) {
        String at = "&knownAt=" + knownAt;
        List<String> answers = new ArrayList<>();
        for (String path : List.of(
                "/api/states/URY/assistance?asOf=2020-12-31" + at,
                "/api/states/URY/assistance?asOf=2019-06-30" + at,
                "/api/states/PRY/assistance?asOf=2020-12-31" + at,
                "/api/assistance/rankings?asOf=2020-12-31" + at,
                "/api/states/URY/scorecard?asOf=2020-12-31" + at,
                "/api/assistance/requests?state=URY",
                "/api/assistance/requests/" + request,
                "/api/assistance/offers/" + offer)) {
            Api.Response response = api.get(path);
            assertThat(response.status()).as(path + ": " + response.text()).isEqualTo(200);
            answers.add(response.text());
        }
        return answers;
    }

    @Test
    void replayingEveryProjectionGivesIdenticalAssistanceAnswers() throws InterruptedException {
        AssistanceClient assistance = new AssistanceClient(api);
        assistance.register("replay-partner", "2018-01-01");
        assertThat(api.post("/api/assistance/organisations", "{\"organisationId\":\"replay-partner\","
                + "\"name\":\"Again\",\"registeredOn\":\"2018-01-01\"}").status()).isEqualTo(409);
        String request = assistance.request("URY", null, "2019-03-01");
        String paraguay = assistance.offer(request, "PRY", "2019-04-01");
        String org = assistance.offer(request, "org:replay-partner", "2019-03-20");
        assistance.decline(org, "2019-03-25");
        assistance.accept(paraguay, "2019-04-10");
        assistance.deliver(paraguay, "2019-05-01");
        assistance.deliver(paraguay, "2020-02-01");
        assistance.complete(paraguay, "2020-02-15");
        assistance.close(request, "FULFILLED", "2020-03-01");
        assistance.request("URY", "PRY", "2020-06-01");
        Instant knownAt = Instant.now();
        List<String> before = answers(knownAt, request, paraguay);
        assertThat(before.get(0)).contains("\"daysToFirstOffer\":19", "\"daysToFirstDelivery\":61");
        assertThat(before.get(3)).contains("{\"party\":\"PRY\",\"deliveries\":2,\"offers\":1,");

        Api.Response started = api.as(ADMIN).post(REPLAY, "");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        JsonNode status = awaitCompletion(Duration.ofSeconds(120));

        List<String> processors = new ArrayList<>();
        status.get("processors").forEach(p -> {
            processors.add(p.get("name").asText());
            assertThat(p.get("position").asLong()).as("%s caught up", p.get("name"))
                    .isEqualTo(p.get("head").asLong());
        });
        assertThat(processors).contains("assistance", "scorecards", "instruments");
        assertThat(answers(knownAt, request, paraguay)).containsExactlyElementsOf(before);

        long writeStarted = System.nanoTime();
        assistance.request("URY", null, "2020-07-01");
        assertThat(Duration.ofNanos(System.nanoTime() - writeStarted)).as("a write after the replay answers promptly")
                .isLessThan(Duration.ofSeconds(9));
    }

    private JsonNode awaitCompletion(Duration bound) throws InterruptedException {
        Api admin = api.as(ADMIN);
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            JsonNode status = admin.get(REPLAY).json();
            String state = status.get("status").asText();
            assertThat(state).as(status.toString()).isNotEqualTo("failed");
            if (state.equals("completed")) {
                return status;
            }
            assertThat(System.nanoTime()).as("replay did not complete within %s: %s", bound, status)
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
