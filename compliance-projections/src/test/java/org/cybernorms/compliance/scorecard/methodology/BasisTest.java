package org.cybernorms.compliance.scorecard.methodology;

import org.cybernorms.compliance.scorecard.methodology.Fact.CommitmentMade;
import org.cybernorms.compliance.scorecard.methodology.Fact.NormAdded;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.violation.api.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cybernorms.compliance.scorecard.methodology.TestFacts.KNOWN_NOW;
import static org.cybernorms.compliance.scorecard.methodology.TestFacts.START;
import static org.cybernorms.compliance.scorecard.methodology.TestFacts.d;
import static org.cybernorms.compliance.scorecard.methodology.TestFacts.instrumentWith;

class BasisTest {

    private final MethodologyV1 v1 = new MethodologyV1();

    private NormScore line(TestFacts facts, String code, String asOf) {
        return v1.score(facts.input(), d(asOf), KNOWN_NOW).norms().stream()
                .filter(n -> n.norm().equals(NormCode.of(code)))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aScoredNormRestsOnItsDefinitionItsEvaluableCommitmentsAndItsConfirmedViolations() {
        TestFacts facts = new TestFacts(InstrumentId.UN_GGE_2015);
        NormAdded added = facts.addNorm("13g", "Protect critical infrastructure", d("2015-07-22"));
        var revised = facts.reviseNorm("13g", "Protect one's own critical infrastructure", d("2018-01-01"));
        facts.reviseNorm("13g", "A title from the future", d("2030-01-01"));
        facts.pledge("p", "13g", d("2019-01-01"));                     // outweighed by commitments
        CommitmentMade madeA = facts.commit("A", "13g", d("2020-01-01"), d("2021-01-01"));
        facts.progress("A", d("2020-06-01"));                           // no bearing on the score
        var fulfilledA = facts.fulfil("A", d("2020-12-01"));
        var madeB = facts.commit("B", "13g", d("2020-01-01"), d("2022-01-01"));
        var withdrawnB = facts.withdrawCommitment("B", d("2021-03-01"));
        facts.commit("C", "13g", d("2020-01-01"), d("2030-01-01"));    // not yet due
        var madeD = facts.commit("D", "13g", d("2020-01-01"), d("2021-06-01")); // overdue
        var reported = facts.report("v1", "13g", d("2021-01-10"), d("2021-02-01"), Severity.MEDIUM);
        facts.startReview("v1", d("2021-02-10"));
        facts.respond("v1", d("2021-02-20"));
        var confirmed = facts.confirm("v1", d("2021-05-01"));
        var remedied = facts.remedy("v1", d("2021-09-01"));
        facts.report("v2", "13g", d("2021-03-01"), d("2021-03-02"), Severity.LOW);
        facts.dismiss("v2", d("2021-04-01"));
        facts.report("v3", "13g", d("2021-07-01"), d("2021-07-02"), Severity.HIGH); // unconfirmed
        facts.reserve("13g", d("2030-01-01"));                          // after T

        NormScore line = line(facts, "13g", "2022-01-10");

        assertThat(line.status()).isEqualTo(NormStatus.SCORED);
        assertThat(line.basis()).containsExactly(
                added.ref(), revised.ref(),
                madeA.ref(), fulfilledA.ref(),
                madeB.ref(), withdrawnB.ref(),
                madeD.ref(),
                reported.ref(), confirmed.ref(), remedied.ref());
    }

    @Test
    void aReservedNormRestsOnItsDefinitionAndItsReservationFactsOnly() {
        TestFacts facts = instrumentWith("13f");
        NormAdded added = facts.added("13f");
        facts.pledge("p", "13f", d("2018-01-01"));
        facts.commit("c", "13f", d("2018-01-01"), d("2018-06-01"));
        var entered = facts.reserve("13f", d("2019-01-01"));
        var withdrawn = facts.withdrawReservation("13f", d("2019-06-01"));
        var enteredAgain = facts.reserve("13f", d("2020-01-01"));

        NormScore line = line(facts, "13f", "2021-01-01");

        assertThat(line.status()).isEqualTo(NormStatus.RESERVED);
        assertThat(line.basis()).containsExactly(added.ref(), entered.ref(), withdrawn.ref(), enteredAgain.ref());
    }

    @Test
    void aPledgedNormRestsOnItsActivePledgesOnly() {
        TestFacts facts = instrumentWith("13f");
        NormAdded added = facts.added("13f");
        facts.pledge("old", "13f", d("2018-01-01"));
        facts.withdrawPledge("old", d("2018-06-01"));
        var active = facts.pledge("new", "13f", d("2019-01-01"));

        assertThat(line(facts, "13f", "2021-01-01").basis()).containsExactly(added.ref(), active.ref());
    }

    @Test
    void aNormWhosePledgesWereWithdrawnRestsOnThePledgesAndTheirWithdrawals() {
        TestFacts facts = instrumentWith("13f");
        NormAdded added = facts.added("13f");
        var pledged = facts.pledge("p", "13f", d("2018-01-01"));
        var withdrawn = facts.withdrawPledge("p", d("2018-06-01"));

        NormScore line = line(facts, "13f", "2021-01-01");

        assertThat(line.score()).isEqualByComparingTo("50");
        assertThat(line.basis()).containsExactly(added.ref(), pledged.ref(), withdrawn.ref());
        // Before the withdrawal took effect, only the pledge counts.
        assertThat(line(facts, "13f", "2018-05-31").basis()).containsExactly(added.ref(), pledged.ref());
    }

    @Test
    void theBasisIsOrderedByRecordedTimeThenEventId() {
        TestFacts facts = instrumentWith("13g");                 // e001, recorded at START
        NormAdded added = facts.added("13g");
        Instant earlier = START.minusSeconds(60);
        facts.recordAt(earlier);
        var made = facts.commit("c", "13g", d("2020-01-01"), d("2020-06-01"));   // e002
        facts.recordAt(earlier);
        var fulfilled = facts.fulfil("c", d("2020-05-01"));                        // e003, same instant as e002

        assertThat(made.ref().recordedAt()).isEqualTo(fulfilled.ref().recordedAt());
        assertThat(line(facts, "13g", "2021-01-01").basis())
                .containsExactly(made.ref(), fulfilled.ref(), added.ref());
    }

    @Test
    void aLineCutToItsLatestBasisKeepsTheLastFactsOfTheOrderAndCountsThemAll() {
        TestFacts facts = instrumentWith("13g");
        facts.added("13g");
        List<FactRef> made = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            made.add(facts.commit("c" + i, "13g", d("2019-01-01"), d("2020-01-01")).ref()); // overdue: evaluable
        }
        NormScore full = line(facts, "13g", "2021-01-01");
        assertThat(full.basis()).hasSize(26);
        assertThat(full.basisTotal()).isEqualTo(26);

        NormScore cut = full.withLatestBasis(20);

        assertThat(cut.basis()).containsExactlyElementsOf(made.subList(5, 25));
        assertThat(cut.basis()).isEqualTo(full.basis().subList(6, 26));
        assertThat(cut.basisTotal()).isEqualTo(26);
        assertThat(cut.score()).isEqualTo(full.score());
        assertThat(cut.commitments()).isEqualTo(full.commitments());
        assertThat(full.withLatestBasis(26)).as("nothing to cut").isSameAs(full);
        assertThat(full.withLatestBasis(0).basis()).isEmpty();
    }

    @Test
    void aScorecardCutToItsLatestBasisCutsEveryLineAndKeepsItsScores() {
        TestFacts facts = instrumentWith("13f", "13g");
        for (int i = 0; i < 4; i++) {
            facts.commit("c" + i, "13g", d("2019-01-01"), d("2020-01-01"));
        }
        Scorecard full = v1.score(facts.input(), d("2021-01-01"), KNOWN_NOW);

        Scorecard cut = full.withLatestBasis(2);

        assertThat(cut.score()).isEqualTo(full.score());
        assertThat(cut.norms()).extracting(line -> line.basis().size()).containsExactly(1, 2);
        assertThat(cut.norms()).extracting(NormScore::basisTotal).containsExactly(1, 5);
        assertThat(cut.norm(NormCode.of("13g")).orElseThrow().basis())
                .isEqualTo(full.norm(NormCode.of("13g")).orElseThrow().basis().subList(3, 5));
        assertThat(cut.norm(NormCode.of("13h"))).as("not in force").isEmpty();
    }
}
