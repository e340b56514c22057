package org.cybernorms.compliance.scorecard.methodology;

import org.cybernorms.compliance.scorecard.methodology.TreatyScoring.Binding;
import org.cybernorms.compliance.scorecard.methodology.TreatyScoring.CarryingMapping;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.violation.api.Severity;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cybernorms.compliance.scorecard.methodology.TestFacts.KNOWN_NOW;
import static org.cybernorms.compliance.scorecard.methodology.TestFacts.d;
import static org.cybernorms.compliance.scorecard.methodology.TestFacts.n;

/** The worked example of docs/methodology.md, "Scoring under a treaty": FRA under draft-binding-2025. */
class TreatyScoringTest {

    private static final String CROSSWALK = "gge-2015-to-draft-binding";
    /** FRA is a party from 2025-05-30 (TreatyStatusTest derives it from the participation). */
    private static final Binding FRA_PARTY = new Binding(d("2025-05-30"), null);
    /** The EQUIVALENT mappings; 13e onto art3 is RELATED and carries nothing. */
    private static final List<CarryingMapping> EQUIVALENT = List.of(
            new CarryingMapping(CROSSWALK, "un-gge-2015", n("13d"), n("art1")),
            new CarryingMapping(CROSSWALK, "un-gge-2015", n("13f"), n("art2")));

    private final TreatyScoring scoring = new TreatyScoring();

    private static TestFacts treaty() {
        TestFacts treaty = new TestFacts(InstrumentId.of("draft-binding-2025"));
        treaty.addNorm("art1", "Cooperation against criminal use", d("2025-01-01"));
        treaty.addNorm("art2", "No damage to critical infrastructure", d("2025-01-01"));
        treaty.addNorm("art3", "Human rights online", d("2025-01-01"));
        treaty.report("v-art2", "art2", d("2025-07-01"), d("2025-07-02"), Severity.MEDIUM);
        treaty.startReview("v-art2", d("2025-07-03"));
        treaty.confirm("v-art2", d("2025-08-01"));
        return treaty;
    }

    /** FRA's facts under un-gge-2015. */
    private static List<Fact> gge() {
        TestFacts gge = TestFacts.unGge2015();
        gge.commit("c-13d", "13d", d("2024-03-01"), d("2024-12-31"));
        gge.fulfil("c-13d", d("2024-11-15"));
        gge.pledge("p-13f", "13f", d("2024-05-01"));
        gge.commit("c-13e", "13e", d("2024-01-10"), d("2024-06-30"));
        gge.report("v-13f", "13f", d("2024-06-01"), d("2024-06-05"), Severity.HIGH);
        gge.startReview("v-13f", d("2024-06-06"));
        gge.confirm("v-13f", d("2024-07-01"));
        return gge.input().stateFacts();
    }

    private Scorecard score(Binding binding, List<CarryingMapping> mappings, String asOf) {
        return scoring.score(treaty().input(), binding, mappings, Map.of("un-gge-2015", gge()), d(asOf), KNOWN_NOW);
    }

    private static NormScore line(Scorecard card, String norm) {
        return card.norms().stream().filter(l -> l.norm().equals(NormCode.of(norm))).findFirst().orElseThrow();
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    @Test
    void beforeTheTreatyBindsFranceEveryProvisionIsNotBindingAndThereIsNoScore() {
        Scorecard card = score(FRA_PARTY, EQUIVALENT, "2025-04-01");

        assertThat(card.score()).isNull();
        assertThat(card.norms()).extracting(NormScore::status).containsOnly(NormStatus.NOT_BINDING);
        assertThat(card.norms()).extracting(NormScore::score).containsOnlyNulls();
    }

    @Test
    void onFirstJuneTheCarriedCommitmentAndPledgeScoreAndTheOldViolationDoesNot() {
        Scorecard card = score(FRA_PARTY, EQUIVALENT, "2025-06-01");

        assertThat(line(card, "art1").score()).isEqualTo(dec("100.0"));
        assertThat(line(card, "art2").score()).as("the 2024 violation is older than entry into force")
                .isEqualTo(dec("75.0"));
        assertThat(line(card, "art2").violations().reported()).isZero();
        assertThat(line(card, "art3").score()).as("RELATED carries nothing: the overdue 13e commitment")
                .isEqualTo(dec("50.0"));
        assertThat(card.score()).isEqualTo(dec("75.0"));
    }

    @Test
    void carriedBasisEntriesNameTheCrosswalkTheSourceInstrumentAndTheSourceNorm() {
        Scorecard card = score(FRA_PARTY, EQUIVALENT, "2025-06-01");

        List<FactRef> carried = line(card, "art1").basis().stream().filter(ref -> ref.carried() != null).toList();
        assertThat(carried).extracting(FactRef::type).containsExactly("CommitmentMade", "CommitmentFulfilled");
        assertThat(carried).extracting(FactRef::carried)
                .containsOnly(new FactRef.Carried(CROSSWALK, "un-gge-2015", "13d"));
        assertThat(line(card, "art2").basis()).filteredOn(ref -> ref.carried() != null)
                .extracting(FactRef::type).containsExactly("NormPledged");
    }

    @Test
    void onLastDayOf2025TheDirectReportUnderTheTreatyDecaysToGive72_2() {
        Scorecard card = score(FRA_PARTY, EQUIVALENT, "2025-12-31");

        // art2 = 75 - 10 x 0.5^(183/730) = 66.595...
        assertThat(line(card, "art2").score()).isEqualTo(dec("66.6"));
        // (100 + 66.595... + 50) / 3 = 72.198...
        assertThat(card.score()).isEqualTo(dec("72.2"));
    }

    @Test
    void knownBeforeTheCrosswalkWasRecordedNothingIsCarried() {
        Scorecard card = score(FRA_PARTY, List.of(), "2025-06-01");

        assertThat(card.norms()).extracting(NormScore::score)
                .containsExactly(dec("50.0"), dec("50.0"), dec("50.0"));
        assertThat(card.score()).isEqualTo(dec("50.0"));
    }

    @Test
    void afterItsDenunciationTakesEffectGermanyHasNoScore() {
        Binding denounced = new Binding(d("2025-05-30"), d("2026-09-01"));

        assertThat(score(denounced, EQUIVALENT, "2026-08-31").score()).isNotNull();
        Scorecard card = score(denounced, EQUIVALENT, "2026-10-01");
        assertThat(card.score()).isNull();
        assertThat(card.norms()).extracting(NormScore::status).containsOnly(NormStatus.NOT_BINDING);
    }

    @Test
    void aStateTheTreatyNeverBoundHasNoScore() {
        assertThat(score(Binding.NEVER, EQUIVALENT, "2025-12-31").score()).isNull();
    }

    @Test
    void aViolationOnOrAfterEntryIntoForceCountsWhenCarried() {
        TestFacts gge = TestFacts.unGge2015();
        gge.report("v-late", "13f", d("2025-05-30"), d("2025-06-01"), Severity.HIGH);
        gge.confirm("v-late", d("2025-06-10"));
        Scorecard card = scoring.score(treaty().input(), FRA_PARTY, EQUIVALENT,
                Map.of("un-gge-2015", gge.input().stateFacts()), d("2025-06-30"), KNOWN_NOW);

        assertThat(line(card, "art2").violations().confirmed()).isEqualTo(1);
        assertThat(line(card, "art2").score()).isLessThan(dec("50.0"));
    }
}
