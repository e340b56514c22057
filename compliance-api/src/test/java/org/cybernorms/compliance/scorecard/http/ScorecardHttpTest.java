package org.cybernorms.compliance.scorecard.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cybernorms.compliance.scorecard.http.TrackerClient.basisTypes;
import static org.cybernorms.compliance.scorecard.http.TrackerClient.norm;
import static org.cybernorms.compliance.scorecard.http.TrackerClient.normScores;

/** The worked example of docs/methodology.md, recorded and read back over HTTP, and the scorecard's shape. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScorecardHttpTest extends ScorecardStoreTest {

    private static final List<String> GGE_NORMS =
            List.of("13a", "13b", "13c", "13d", "13e", "13f", "13g", "13h", "13i", "13j", "13k");

    private String commitmentA;
    private String commitmentB;

    /** France's facts of the worked example, recorded once for the class. */
    @BeforeAll
    void recordTheWorkedExample() {
        tracker = new TrackerClient(port, ADMIN_TOKEN);
        tracker.pledge("FRA", GGE, "13f", "2023-03-01");
        commitmentA = tracker.commit("FRA", GGE, "13g", "2023-01-15", "2024-06-01");
        commitmentB = tracker.commit("FRA", GGE, "13g", "2023-01-15", "2023-12-31");
        tracker.fulfil(commitmentB, "2024-02-15");
        tracker.fulfil(commitmentA, "2024-05-20");
    }

    @Test
    void workedExampleOnTenthOfJanuary2024Scores47_7WithTheOverdueCommitmentAtZero() {
        TrackerClient.Answer answer = tracker.get("/api/states/FRA/scorecard?asOf=2024-01-10");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.body()).contains("\"score\":47.7");
        JsonNode card = answer.json();
        assertThat(card.get("state").asText()).isEqualTo("FRA");
        assertThat(card.get("instrument").asText()).isEqualTo(GGE);
        assertThat(card.get("methodology").asText()).isEqualTo("v1");
        assertThat(card.get("asOf").asText()).isEqualTo("2024-01-10");
        assertThat(card.get("score").decimalValue()).isEqualByComparingTo("47.7");

        Map<String, String> scores = normScores(card);
        assertThat(scores.keySet()).containsExactlyElementsOf(GGE_NORMS);
        assertThat(scores).containsEntry("13f", "75.0").containsEntry("13g", "0.0");
        GGE_NORMS.stream().filter(n -> !n.equals("13f") && !n.equals("13g"))
                .forEach(n -> assertThat(scores).containsEntry(n, "50.0"));

        JsonNode n13g = norm(card, "13g");
        assertThat(n13g.get("status").asText()).isEqualTo("SCORED");
        assertThat(n13g.get("pledged").asBoolean()).isFalse();
        assertThat(n13g.get("commitments").get("evaluable").asInt()).isEqualTo(1);
        assertThat(n13g.get("commitments").get("overdue").asInt()).isEqualTo(1);
        assertThat(n13g.get("commitments").get("open").asInt()).isEqualTo(1);
        assertThat(basisTypes(n13g)).containsExactly("NormAdded", "CommitmentMade");
        JsonNode made = n13g.get("basis").get(1);
        assertThat(made.get("validOn").asText()).isEqualTo("2023-01-15");
        assertThat(made.get("eventId").asText()).isNotBlank();
        assertThat(Instant.parse(made.get("recordedAt").asText())).isBefore(Instant.now());

        JsonNode n13f = norm(card, "13f");
        assertThat(n13f.get("pledged").asBoolean()).isTrue();
        assertThat(n13f.get("title").asText()).isEqualTo("No damage to critical infrastructure");
        assertThat(basisTypes(n13f)).containsExactly("NormAdded", "NormPledged");
    }

    @Test
    void workedExampleAtTheEndOf2024Scores54_5WithOneCommitmentOnTimeAndOneLate() {
        JsonNode card = tracker.ok("/api/states/FRA/scorecard?instrument=un-gge-2015&asOf=2024-12-31");

        assertThat(card.get("score").decimalValue()).isEqualByComparingTo("54.5");
        Map<String, String> scores = normScores(card);
        assertThat(scores).containsEntry("13f", "75.0").containsEntry("13g", "75.0");
        GGE_NORMS.stream().filter(n -> !n.equals("13f") && !n.equals("13g"))
                .forEach(n -> assertThat(scores).containsEntry(n, "50.0"));

        JsonNode commitments = norm(card, "13g").get("commitments");
        assertThat(commitments.get("evaluable").asInt()).isEqualTo(2);
        assertThat(commitments.get("fulfilledOnTime").asInt()).isEqualTo(1);
        assertThat(commitments.get("fulfilledLate").asInt()).isEqualTo(1);
        assertThat(commitments.get("overdue").asInt()).isZero();
        assertThat(commitments.get("open").asInt()).isZero();
        assertThat(basisTypes(norm(card, "13g"))).containsExactly("NormAdded", "CommitmentMade", "CommitmentMade",
                "CommitmentFulfilled", "CommitmentFulfilled");
    }

    @Test
    void aStateWithoutFactsGetsTheBaseOf50OnEveryNormRatherThanNotFound() {
        JsonNode card = tracker.ok("/api/states/NZL/scorecard?asOf=2024-01-10");

        assertThat(card.get("score").asText()).isEqualTo("50.0");
        assertThat(normScores(card)).hasSize(11).allSatisfy((norm, score) -> assertThat(score).isEqualTo("50.0"));
        card.get("norms").forEach(line -> {
            assertThat(line.get("commitments").get("evaluable").asInt()).isZero();
            assertThat(line.get("violations").get("reported").asInt()).isZero();
            assertThat(basisTypes(line)).containsExactly("NormAdded");
        });
    }

    @Test
    void defaultsToUnGge2015TodayInUtcAndNow() {
        Instant before = Instant.now();
        JsonNode card = tracker.ok("/api/states/fra/scorecard");
        Instant after = Instant.now();

        assertThat(card.get("state").asText()).isEqualTo("FRA");
        assertThat(card.get("instrument").asText()).isEqualTo(GGE);
        assertThat(card.get("asOf").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(Instant.parse(card.get("knownAt").asText())).isBetween(before, after);
        assertThat(card.get("score").asText()).isEqualTo("54.5");
    }

    @Test
    void documentsTheScorecardEndpointsWithTheirCsvFormAndTheTieRule() {
        JsonNode doc = tracker.ok("/v3/api-docs");
        JsonNode paths = doc.get("paths");

        assertThat(paths.has("/api/states/{state}/scorecard")).isTrue();
        assertThat(paths.has("/api/states/{state}/scorecard/history")).isTrue();
        JsonNode ranking = paths.get("/api/scorecards").get("get");
        assertThat(ranking.get("description").asText()).contains("competition ranking", "1, 2, 2, 4");
        assertThat(ranking.get("responses").get("200").get("content").has("text/csv")).isTrue();
        assertThat(ranking.get("responses").has("404")).isTrue();
    }

    @Test
    void echoesTheKnownAtItWasAskedFor() {
        JsonNode card = tracker.ok("/api/states/FRA/scorecard?asOf=2024-12-31&knownAt=2020-01-01T00:00:00Z");

        assertThat(card.get("knownAt").asText()).isEqualTo("2020-01-01T00:00:00Z");
        assertThat(card.get("norms").size()).isZero();
        assertThat(card.has("score")).isTrue();
        assertThat(card.get("score").isNull()).as("no norm was known then, so no score").isTrue();
    }
}
