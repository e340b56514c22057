package org.cybernorms.compliance.treaty.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.cybernorms.compliance.support.Api;
import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.cybernorms.compliance.support.ReadModels;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example of docs/methodology.md ("Scoring under a treaty") over HTTP, on the real store: Monaco stands in
 * France's place, so that France's record under un-gge-2015 in the other tests stays as they expect. A replay of the
 * read models rebuilds the same answers.
 */
class TreatyScorecardHttpTest extends EmbeddedStoreTest {

    private static final String TREATY = "draft-binding-scoring";
    private static final String STATE = "MCO";

    private JsonNode scorecard(String state, String query) {
        Api.Response answer = api.get("/api/states/" + state + "/scorecard?instrument=" + TREATY + "&" + query);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode line(JsonNode card, String norm) {
        for (JsonNode line : card.get("norms")) {
            if (line.get("norm").asText().equals(norm)) {
                return line;
            }
        }
        throw new AssertionError(norm + " is not in " + card);
    }

    private String violation(String instrument, String norm, String occurredOn, String reportedOn, String severity,
                             String reviewOn, String confirmedOn) {
        String id = api.create("/api/violations", """
                {"state":"%s","instrument":"%s","norm":"%s","occurredOn":"%s","reportedOn":"%s","severity":"%s",
                 "summary":"An operation against a grid operator","evidence":["https://example.org/report"]}"""
                .formatted(STATE, instrument, norm, occurredOn, reportedOn, severity), "violationId");
        assertThat(api.post("/api/violations/" + id + "/review", "{\"startedOn\":\"" + reviewOn + "\"}").status())
                .isEqualTo(200);
        assertThat(api.post("/api/violations/" + id + "/confirmation",
                "{\"confirmedOn\":\"" + confirmedOn + "\",\"finding\":\"Attributed\"}").status()).isEqualTo(200);
        return id;
    }

    private String commitment(String norm, String madeOn, String dueOn) {
        return api.create("/api/commitments", """
                {"state":"%s","instrument":"un-gge-2015","norm":"%s","description":"A national programme",
                 "madeOn":"%s","dueOn":"%s"}""".formatted(STATE, norm, madeOn, dueOn), "commitmentId");
    }

    @Test
    void scoresTheWorkedExampleAndAReplayRebuildsTheSameAnswers() throws InterruptedException {
        DraftBindingTreaty.create(api, TREATY);
        DraftBindingTreaty.participation(api, TREATY, STATE);

        String c13d = commitment("13d", "2024-03-01", "2024-12-31");
        assertThat(api.post("/api/commitments/" + c13d + "/fulfilment",
                "{\"fulfilledOn\":\"2024-11-15\",\"evidence\":\"Programme launched\"}").status()).isEqualTo(200);
        assertThat(api.post("/api/states/" + STATE + "/pledges", """
                {"instrument":"un-gge-2015","norm":"13f","pledgedOn":"2024-05-01","statement":"No damage"}""")
                .status()).isEqualTo(201);
        commitment("13e", "2024-01-10", "2024-06-30");
        violation("un-gge-2015", "13f", "2024-06-01", "2024-06-05", "HIGH", "2024-06-06", "2024-07-01");
        violation(TREATY, "art2", "2025-07-01", "2025-07-02", "MEDIUM", "2025-07-03", "2025-08-01");
        Instant beforeCrosswalk = Instant.now();

        assertThat(api.post("/api/crosswalks", """
                {"crosswalkId":"gge-to-draft-scoring","from":"un-gge-2015","to":"%s","title":"GGE onto the draft"}"""
                .formatted(TREATY)).status()).isEqualTo(201);
        for (String[] m : new String[][]{{"13d", "art1", "EQUIVALENT"}, {"13f", "art2", "EQUIVALENT"},
                {"13e", "art3", "RELATED"}}) {
            Api.Response mapped = api.post("/api/crosswalks/gge-to-draft-scoring/mappings", """
                    {"sourceNorm":"%s","targetNorm":"%s","relation":"%s","effectiveOn":"2025-01-01"}"""
                    .formatted(m[0], m[1], m[2]));
            assertThat(mapped.status()).as(mapped.text()).isEqualTo(201);
        }
        Instant known = Instant.now();

        // what changed the treaty scorecard at 2025-06-01 while the crosswalk was recorded: the two EQUIVALENT
        // mappings, each carrying a record across; the crosswalk itself and the RELATED mapping changed nothing
        JsonNode changes = api.get("/api/states/" + STATE + "/scorecard/changes?instrument=" + TREATY
                + "&asOf=2025-06-01&from=" + beforeCrosswalk + "&to=" + known).json().get("changes");
        List<String> changed = new ArrayList<>();
        changes.forEach(c -> changed.add(c.get("type").asText() + " " + c.get("scoreBefore") + " -> "
                + c.get("scoreAfter")));
        assertThat(changed).containsExactly("MappingAdded 50.0 -> 66.7", "MappingAdded 66.7 -> 75.0");

        JsonNode april = scorecard(STATE, "asOf=2025-04-01");
        assertThat(april.get("score").isNull()).isTrue();
        april.get("norms").forEach(l -> assertThat(l.get("status").asText()).isEqualTo("NOT_BINDING"));
        assertThat(april.get("treaty").get("binding").asBoolean()).isFalse();
        assertThat(april.get("treaty").get("standing").asText()).isEqualTo("CONSENTED");
        assertThat(april.get("treaty").get("reason").asText()).contains("2025-05-30");

        JsonNode june = scorecard(STATE, "asOf=2025-06-01");
        assertThat(line(june, "art1").get("score").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(line(june, "art2").get("score").decimalValue()).isEqualByComparingTo("75.0");
        assertThat(line(june, "art3").get("score").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(june.get("score").decimalValue()).isEqualByComparingTo("75.0");
        assertThat(june.get("score").toString()).isEqualTo("75.0");
        List<String> carried = new ArrayList<>();
        line(june, "art1").get("basis").forEach(b -> {
            if (b.has("crosswalk")) {
                carried.add(b.get("type").asText() + " " + b.get("crosswalk").asText() + " "
                        + b.get("sourceInstrument").asText() + " " + b.get("sourceNorm").asText());
            }
        });
        assertThat(carried).containsExactly(
                "CommitmentMade gge-to-draft-scoring un-gge-2015 13d",
                "CommitmentFulfilled gge-to-draft-scoring un-gge-2015 13d");

        JsonNode december = scorecard(STATE, "asOf=2025-12-31");
        assertThat(line(december, "art2").get("score").toString()).isEqualTo("66.6");
        assertThat(december.get("score").toString()).isEqualTo("72.2");

        JsonNode beforeMappings = scorecard(STATE, "asOf=2025-06-01&knownAt=" + beforeCrosswalk);
        beforeMappings.get("norms").forEach(l -> assertThat(l.get("score").toString()).isEqualTo("50.0"));
        assertThat(beforeMappings.get("score").toString()).isEqualTo("50.0");

        assertThat(scorecard("DEU", "asOf=2026-10-01").get("score").isNull()).isTrue();
        assertThat(scorecard("DEU", "asOf=2026-10-01").get("treaty").get("standing").asText())
                .isEqualTo("DENOUNCED");

        Api.Response basis = api.get("/api/states/" + STATE + "/scorecard/basis?instrument=" + TREATY
                + "&norm=art2&asOf=2025-12-31&knownAt=" + known);
        assertThat(basis.status()).as(basis.text()).isEqualTo(200);
        assertThat(basis.text()).contains("\"sourceNorm\":\"13f\"");

        JsonNode ranking = api.get("/api/scorecards?instrument=" + TREATY + "&asOf=2025-12-31&knownAt=" + known)
                .json();
        assertThat(ranking.get(0).get("state").asText()).isEqualTo(STATE);
        assertThat(ranking.get(0).get("score").toString()).isEqualTo("72.2");
        JsonNode usa = null;
        for (JsonNode standing : ranking) {
            if (standing.get("state").asText().equals("USA")) {
                usa = standing;
            }
        }
        assertThat(usa).as("a signatory is ranked, without a score").isNotNull();
        assertThat(usa.get("score").isNull()).isTrue();
        JsonNode history = api.get("/api/states/" + STATE + "/scorecard/history?instrument=" + TREATY
                + "&from=2025-04-01&to=2025-12-31&step=MONTH&knownAt=" + known).json();
        assertThat(history.get(0).get("date").asText()).isEqualTo("2025-04-30");
        assertThat(history.get(0).get("score").isNull()).as("not yet bound in April").isTrue();
        assertThat(history.get(1).get("score").toString()).as("bound from 2025-05-30").isEqualTo("75.0");
        assertThat(history.get(history.size() - 1).get("score").toString()).isEqualTo("72.2");

        List<String> answers = answers(known);
        Api.Response status = api.get("/api/instruments/" + TREATY + "/status?asOf=2025-06-01&knownAt=" + known);
        ReadModels.replay(api.as(ADMIN), Duration.ofMinutes(3));
        assertThat(answers(known)).as("the same answers after a replay").isEqualTo(answers);
        assertThat(api.get("/api/instruments/" + TREATY + "/status?asOf=2025-06-01&knownAt=" + known).text())
                .isEqualTo(status.text());
    }

    private List<String> answers(Instant known) {
        List<String> answers = new ArrayList<>();
        for (String asOf : List.of("2025-04-01", "2025-06-01", "2025-12-31")) {
            Api.Response answer = api.get("/api/states/" + STATE + "/scorecard?instrument=" + TREATY + "&asOf="
                    + asOf + "&knownAt=" + known);
            assertThat(answer.status()).isEqualTo(200);
            answers.add(answer.text());
        }
        return answers;
    }
}
