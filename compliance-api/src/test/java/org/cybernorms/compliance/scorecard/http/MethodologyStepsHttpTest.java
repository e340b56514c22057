package org.cybernorms.compliance.scorecard.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cybernorms.compliance.scorecard.http.TrackerClient.basisTypes;
import static org.cybernorms.compliance.scorecard.http.TrackerClient.norm;
import static org.cybernorms.compliance.scorecard.http.TrackerClient.normScores;

/**
 * Each step of methodology v1 (docs/methodology.md, section 3), recorded through the write API and read back as a
 * scorecard over HTTP. Each test uses a state of its own.
 */
class MethodologyStepsHttpTest extends ScorecardStoreTest {

    private JsonNode scorecard(String state, String asOf) {
        return tracker.ok("/api/states/" + state + "/scorecard?asOf=" + asOf);
    }

    @Test
    void aReservedNormHasNoScoreAndIsLeftOutOfTheStateMean() {
        tracker.reserve("ARG", GGE, "13a", "2020-01-01");
        String commitment = tracker.commit("ARG", GGE, "13b", "2020-01-01", "2020-06-30");
        tracker.fulfil(commitment, "2020-06-01");

        TrackerClient.Answer answer = tracker.get("/api/states/ARG/scorecard?asOf=2021-01-01");

        assertThat(answer.body()).contains("\"norm\":\"13a\"").contains("\"status\":\"RESERVED\",\"score\":null");
        JsonNode card = answer.json();
        JsonNode reserved = norm(card, "13a");
        assertThat(reserved.get("status").asText()).isEqualTo("RESERVED");
        assertThat(reserved.get("score").isNull()).isTrue();
        assertThat(basisTypes(reserved)).containsExactly("NormAdded", "ReservationEntered");
        assertThat(normScores(card)).containsEntry("13b", "100.0");
        assertThat(card.get("score").asText())
                .as("(100 + 9 x 50) / 10 scored norms; counting 13a as 0 or 50 would give 50.0 or 54.5")
                .isEqualTo("55.0");
    }

    @Test
    void eachCommitmentOutcomeScoresItsPoints() {
        String onTime = tracker.commit("BRA", GGE, "13a", "2021-01-01", "2021-06-30");
        tracker.fulfil(onTime, "2021-06-30");
        String late = tracker.commit("BRA", GGE, "13b", "2021-01-01", "2021-06-30");
        tracker.fulfil(late, "2021-07-01");
        String withdrawn = tracker.commit("BRA", GGE, "13c", "2021-01-01", "2021-06-30");
        tracker.withdrawCommitment(withdrawn, "2021-03-01");
        tracker.commit("BRA", GGE, "13d", "2021-01-01", "2021-06-30");
        String notYetDue = tracker.commit("BRA", GGE, "13e", "2021-01-01", "2099-12-31");
        tracker.reportProgress(notYetDue, "2021-02-01");

        JsonNode card = scorecard("BRA", "2022-12-31");

        assertThat(normScores(card))
                .containsEntry("13a", "100.0")
                .containsEntry("13b", "50.0")
                .containsEntry("13c", "0.0")
                .containsEntry("13d", "0.0")
                .containsEntry("13e", "50.0");
        assertThat(card.get("score").asText()).as("(100 + 50 + 0 + 0 + 7 x 50) / 11").isEqualTo("45.5");
        assertCounts(norm(card, "13a"), 1, 1, 0, 0, 0, 0);
        assertCounts(norm(card, "13b"), 1, 0, 1, 0, 0, 0);
        assertCounts(norm(card, "13c"), 1, 0, 0, 0, 1, 0);
        assertCounts(norm(card, "13d"), 1, 0, 0, 1, 0, 0);
        assertCounts(norm(card, "13e"), 0, 0, 0, 0, 0, 1);
        assertThat(basisTypes(norm(card, "13c"))).containsExactly("NormAdded", "CommitmentMade",
                "CommitmentWithdrawn");
        assertThat(basisTypes(norm(card, "13d"))).containsExactly("NormAdded", "CommitmentMade");
        assertThat(basisTypes(norm(card, "13e"))).containsExactly("NormAdded");
    }

    private static void assertCounts(JsonNode line, int evaluable, int onTime, int late, int overdue, int withdrawn,
                                     int open) {
        JsonNode counts = line.get("commitments");
        assertThat(new int[]{counts.get("evaluable").asInt(), counts.get("fulfilledOnTime").asInt(),
                counts.get("fulfilledLate").asInt(), counts.get("overdue").asInt(), counts.get("withdrawn").asInt(),
                counts.get("open").asInt()})
                .as("evaluable, fulfilledOnTime, fulfilledLate, overdue, withdrawn, open of %s", line.get("norm"))
                .containsExactly(evaluable, onTime, late, overdue, withdrawn, open);
    }

    @Test
    void aPledgeRaisesTheBaseTo75UntilItIsWithdrawnOrCommitmentsFallDue() {
        tracker.pledge("CAN", GGE, "13a", "2021-01-01");
        String withdrawn = tracker.pledge("CAN", GGE, "13b", "2021-01-01");
        tracker.withdrawPledge("CAN", withdrawn, "2021-06-01");
        tracker.pledge("CAN", GGE, "13c", "2021-01-01");
        String commitment = tracker.commit("CAN", GGE, "13c", "2021-01-01", "2021-06-30");
        tracker.fulfil(commitment, "2021-08-01");

        JsonNode before = scorecard("CAN", "2021-03-01");
        JsonNode after = scorecard("CAN", "2021-12-31");

        assertThat(normScores(before)).containsEntry("13a", "75.0").containsEntry("13b", "75.0")
                .containsEntry("13c", "75.0");
        assertThat(norm(before, "13b").get("pledged").asBoolean()).isTrue();
        assertThat(normScores(after)).containsEntry("13a", "75.0").containsEntry("13b", "50.0")
                .containsEntry("13c", "50.0");
        assertThat(after.get("score").asText()).as("(75 + 50 + 50 + 8 x 50) / 11").isEqualTo("52.3");
        assertThat(norm(after, "13a").get("pledged").asBoolean()).isTrue();
        assertThat(basisTypes(norm(after, "13a"))).containsExactly("NormAdded", "NormPledged");
        assertThat(norm(after, "13b").get("pledged").asBoolean()).isFalse();
        assertThat(basisTypes(norm(after, "13b"))).containsExactly("NormAdded", "NormPledged", "PledgeWithdrawn");
        assertThat(norm(after, "13c").get("pledged").asBoolean()).as("still pledged, but commitments decide")
                .isTrue();
        assertThat(basisTypes(norm(after, "13c"))).containsExactly("NormAdded", "CommitmentMade",
                "CommitmentFulfilled");
    }

    @Test
    void aConfirmedViolationCostsItsWeightHalvingEveryTwoYearsAndNeverBelowZero() {
        tracker.confirmedViolation("DNK", GGE, "13a", "2020-01-01", "HIGH");
        String dismissed = tracker.reportViolation("DNK", GGE, "13b", "2020-01-01", "2020-01-01", "HIGH");
        tracker.startReview(dismissed, "2020-01-01");
        tracker.dismiss(dismissed, "2020-01-02");
        String underReview = tracker.reportViolation("DNK", GGE, "13c", "2020-01-01", "2020-01-01", "CRITICAL");
        tracker.startReview(underReview, "2020-01-01");
        tracker.confirmedViolation("DNK", GGE, "13d", "2020-01-01", "CRITICAL");
        tracker.confirmedViolation("DNK", GGE, "13d", "2020-01-01", "HIGH");

        assertThat(normScores(scorecard("DNK", "2019-12-31"))).allSatisfy((n, score) -> assertThat(score)
                .as("nothing had happened yet").isEqualTo("50.0"));
        JsonNode sameDay = scorecard("DNK", "2020-01-01");
        assertThat(normScores(sameDay)).containsEntry("13a", "30.0").containsEntry("13d", "0.0");
        assertThat(normScores(scorecard("DNK", "2021-12-31"))).as("730 days on, half the weight")
                .containsEntry("13a", "40.0");
        JsonNode fourYears = scorecard("DNK", "2023-12-31");
        assertThat(normScores(fourYears)).as("1460 days on, a quarter").containsEntry("13a", "45.0")
                .containsEntry("13b", "50.0").containsEntry("13c", "50.0");

        JsonNode violations = norm(fourYears, "13a").get("violations");
        assertThat(violations.get("reported").asInt()).isEqualTo(1);
        assertThat(violations.get("confirmed").asInt()).isEqualTo(1);
        assertThat(basisTypes(norm(fourYears, "13a"))).containsExactly("NormAdded", "ViolationReported",
                "ViolationConfirmed");
        assertThat(norm(fourYears, "13b").get("violations").get("dismissed").asInt()).isEqualTo(1);
        assertThat(basisTypes(norm(fourYears, "13b"))).containsExactly("NormAdded");
        assertThat(norm(fourYears, "13c").get("violations").get("underReview").asInt()).isEqualTo(1);
    }

    @Test
    void aRemedyHalvesThePenaltyOfAConfirmedViolation() {
        String remedied = tracker.confirmedViolation("EGY", GGE, "13a", "2020-01-01", "HIGH");
        tracker.remedy(remedied, "2021-06-01");
        tracker.confirmedViolation("EGY", GGE, "13b", "2020-01-01", "HIGH");

        JsonNode card = scorecard("EGY", "2021-12-31");

        assertThat(normScores(card)).as("20 x 0.5 (two years) x 0.5 (remedied); unremedied 20 x 0.5")
                .containsEntry("13a", "45.0").containsEntry("13b", "40.0");
        assertThat(norm(card, "13a").get("violations").get("remedied").asInt()).isEqualTo(1);
        assertThat(basisTypes(norm(card, "13a"))).containsExactly("NormAdded", "ViolationReported",
                "ViolationConfirmed", "ViolationRemedied");
        assertThat(normScores(scorecard("EGY", "2021-05-31"))).as("not yet remedied")
                .doesNotContainEntry("13a", "45.0");
    }

    @Test
    void aRetiredNormLeavesTheScorecardFromItsRetirementDate() {
        tracker.createInstrument("retire-test", "2020-01-01", "r1", "r2", "r3");
        tracker.pledge("FIN", "retire-test", "r3", "2020-06-01");
        tracker.retireNorm("retire-test", "r3", "2022-01-01");

        JsonNode before = tracker.ok("/api/states/FIN/scorecard?instrument=retire-test&asOf=2021-12-31");
        JsonNode after = tracker.ok("/api/states/FIN/scorecard?instrument=retire-test&asOf=2022-01-01");

        assertThat(normScores(before)).containsExactly(java.util.Map.entry("r1", "50.0"),
                java.util.Map.entry("r2", "50.0"), java.util.Map.entry("r3", "75.0"));
        assertThat(before.get("score").asText()).as("(50 + 50 + 75) / 3").isEqualTo("58.3");
        assertThat(normScores(after).keySet()).containsExactly("r1", "r2");
        assertThat(after.get("score").asText()).isEqualTo("50.0");
    }

    @Test
    void aScorecardKnownAtAnEarlierInstantIgnoresFactsRecordedAfterIt() throws InterruptedException {
        tracker.pledge("GHA", GGE, "13a", "2021-01-01");
        Thread.sleep(5);
        Instant between = Instant.now();
        Thread.sleep(5);
        tracker.pledge("GHA", GGE, "13b", "2020-01-01");

        JsonNode then = tracker.ok("/api/states/GHA/scorecard?asOf=2021-12-31&knownAt=" + between);
        JsonNode now = scorecard("GHA", "2021-12-31");

        assertThat(Instant.parse(then.get("knownAt").asText())).isEqualTo(between);
        assertThat(normScores(then)).containsEntry("13a", "75.0").containsEntry("13b", "50.0");
        assertThat(then.get("score").asText()).isEqualTo("52.3");
        JsonNode pledge = norm(then, "13a").get("basis").get(1);
        assertThat(Instant.parse(pledge.get("recordedAt").asText())).isBeforeOrEqualTo(between);
        assertThat(normScores(now)).containsEntry("13a", "75.0").containsEntry("13b", "75.0");
        assertThat(now.get("score").asText()).isEqualTo("54.5");
    }
}
