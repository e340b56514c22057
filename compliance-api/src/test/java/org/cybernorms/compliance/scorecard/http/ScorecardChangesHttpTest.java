package org.cybernorms.compliance.scorecard.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The events recorded between two moments that changed a state's scorecard, with the score before and after. */
class ScorecardChangesHttpTest extends ScorecardStoreTest {

    private static final String AS_OF = "2024-12-31";

    @Test
    void listsOnlyTheEventsThatChangedTheScorecardWithTheScoreBeforeAndAfter() throws InterruptedException {
        Instant from = Instant.now();
        Thread.sleep(5);
        tracker.pledge("PER", GGE, "13a", "2023-02-01");
        tracker.sign("PER", GGE, "2023-02-01");
        String commitment = tracker.commit("PER", GGE, "13c", "2023-02-01", "2023-09-30");
        tracker.fulfil(commitment, "2023-10-15");
        String violation = tracker.reportViolation("PER", GGE, "13d", "2023-05-01", "2023-05-02", "MEDIUM");
        assertThat(tracker.post("/api/violations/" + violation + "/response",
                Map.of("respondedOn", "2023-05-03", "text", "We deny it.")).status()).isEqualTo(200);
        tracker.pledge("URY", GGE, "13a", "2023-02-01");
        Thread.sleep(5);
        Instant to = Instant.now();

        JsonNode answer = tracker.ok("/api/states/PER/scorecard/changes?asOf=" + AS_OF + "&from=" + from
                + "&to=" + to);

        assertThat(answer.get("state").asText()).isEqualTo("PER");
        assertThat(answer.get("instrument").asText()).isEqualTo(GGE);
        assertThat(answer.get("asOf").asText()).isEqualTo(AS_OF);
        List<String> types = new ArrayList<>();
        answer.get("changes").forEach(c -> types.add(c.get("type").asText()));
        assertThat(types).as("a signature, the state's reply and another state's pledge change nothing here")
                .containsExactly("NormPledged", "CommitmentMade", "CommitmentFulfilled", "ViolationReported");

        JsonNode pledge = answer.get("changes").get(0);
        assertThat(pledge.get("scoreBefore").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(pledge.get("norms")).hasSize(1);
        JsonNode line = pledge.get("norms").get(0);
        assertThat(line.get("norm").asText()).isEqualTo("13a");
        assertThat(line.get("before").get("score").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(line.get("before").get("pledged").asBoolean()).isFalse();
        assertThat(line.get("after").get("score").decimalValue()).isEqualByComparingTo("75.0");
        assertThat(line.get("after").get("pledged").asBoolean()).isTrue();
        assertThat(pledge.get("sequence").asText()).hasSize(19);

        String previousAfter = null;
        for (JsonNode change : answer.get("changes")) {
            String after = change.get("scoreAfter").asText();
            JsonNode card = tracker.ok("/api/states/PER/scorecard?asOf=" + AS_OF + "&knownAt="
                    + change.get("recordedAt").asText());
            assertThat(card.get("score").asText()).as("the score with the event is the scorecard known then")
                    .isEqualTo(after);
            if (previousAfter != null) {
                assertThat(change.get("scoreBefore").asText()).isEqualTo(previousAfter);
            }
            previousAfter = after;
        }
        JsonNode reported = answer.get("changes").get(3);
        assertThat(reported.get("norms").get(0).get("after").get("violations").get("reported").asInt())
                .isEqualTo(1);

        assertThat(tracker.ok("/api/states/PER/scorecard/changes?asOf=" + AS_OF + "&from=" + to).get("changes"))
                .isEmpty();
    }

    @Test
    void refusesAMissingOrContradictoryWindow() {
        assertThat(tracker.get("/api/states/PER/scorecard/changes").errorFields()).containsExactly("from");
        assertThat(tracker.get("/api/states/PER/scorecard/changes?from=2025-01-02T00:00:00Z&to=2025-01-01T00:00:00Z")
                .errorFields()).containsExactly("from");
        assertThat(tracker.get("/api/states/PER/scorecard/changes?from=2025-01-01T00:00:00Z&to=2999-01-01T00:00:00Z")
                .errorFields()).containsExactly("to");
        TrackerClient.Answer unknown = tracker.get("/api/states/PER/scorecard/changes?instrument=no-such&from="
                + "2025-01-01T00:00:00Z");
        assertThat(unknown.status()).isEqualTo(404);
    }
}
