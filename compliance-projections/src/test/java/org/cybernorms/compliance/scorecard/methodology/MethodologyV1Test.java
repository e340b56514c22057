package org.cybernorms.compliance.scorecard.methodology;

import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.violation.api.Severity;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cybernorms.compliance.scorecard.methodology.TestFacts.FRA;
import static org.cybernorms.compliance.scorecard.methodology.TestFacts.KNOWN_NOW;
import static org.cybernorms.compliance.scorecard.methodology.TestFacts.d;
import static org.cybernorms.compliance.scorecard.methodology.TestFacts.instrumentWith;
import static org.cybernorms.compliance.scorecard.methodology.TestFacts.unGge2015;

class MethodologyV1Test {

    private final MethodologyV1 v1 = new MethodologyV1();

    private Scorecard score(TestFacts facts, String asOf) {
        return v1.score(facts.input(), d(asOf), KNOWN_NOW);
    }

    private static NormScore norm(Scorecard card, String code) {
        return card.norms().stream()
                .filter(n -> n.norm().equals(NormCode.of(code)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no norm " + code + " on the scorecard"));
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    /** The worked example of docs/methodology.md. */
    private static TestFacts workedExample() {
        TestFacts facts = unGge2015();
        facts.pledge("p-13f", "13f", d("2023-03-01"));
        facts.commit("A", "13g", d("2023-01-15"), d("2024-06-01"));
        facts.commit("B", "13g", d("2023-01-15"), d("2023-12-31"));
        facts.fulfil("B", d("2024-02-15"));
        facts.fulfil("A", d("2024-05-20"));
        return facts;
    }

    /** The worked example of docs/methodology.md. */
    @Nested
    class WorkedExample {

        @Test
        void onTenthOfJanuary2024TheOverdueCommitmentScoresZeroAndTheStateScores47_7() {
            Scorecard card = score(workedExample(), "2024-01-10");

            assertThat(card.state()).isEqualTo(FRA);
            assertThat(card.instrument()).isEqualTo(InstrumentId.UN_GGE_2015);
            assertThat(card.methodology()).isEqualTo("v1");
            assertThat(card.asOf()).isEqualTo(d("2024-01-10"));
            assertThat(card.knownAt()).isEqualTo(KNOWN_NOW);
            assertThat(card.norms()).extracting(n -> n.norm().value())
                    .containsExactly("13a", "13b", "13c", "13d", "13e", "13f", "13g", "13h", "13i", "13j", "13k");
            assertThat(norm(card, "13f").score()).isEqualTo(dec("75.0"));
            assertThat(norm(card, "13f").pledged()).isTrue();
            assertThat(norm(card, "13g").score()).isEqualTo(dec("0.0"));
            assertThat(norm(card, "13g").commitments()).isEqualTo(new CommitmentCounts(1, 0, 0, 1, 0, 1));
            for (String other : new String[] {"13a", "13b", "13c", "13d", "13e", "13h", "13i", "13j", "13k"}) {
                assertThat(norm(card, other).score()).as(other).isEqualTo(dec("50.0"));
                assertThat(norm(card, other).status()).isEqualTo(NormStatus.SCORED);
            }
            // (75 + 0 + 9 x 50) / 11 = 47.727...
            assertThat(card.score()).isEqualTo(dec("47.7"));
        }

        @Test
        void onLastDayOf2024OneOnTimeAndOneLateFulfilmentGive75AndTheStateScores54_5() {
            Scorecard card = score(workedExample(), "2024-12-31");

            assertThat(norm(card, "13f").score()).isEqualTo(dec("75.0"));
            assertThat(norm(card, "13g").score()).isEqualTo(dec("75.0"));
            assertThat(norm(card, "13g").commitments()).isEqualTo(new CommitmentCounts(2, 1, 1, 0, 0, 0));
            assertThat(norm(card, "13a").score()).isEqualTo(dec("50.0"));
            // (75 + 75 + 9 x 50) / 11 = 54.545...
            assertThat(card.score()).isEqualTo(dec("54.5"));
        }
    }

    @Nested
    class Reservations {

        @Test
        void aReservedNormIsMarkedReservedHasNoScoreAndIsLeftOutOfTheStateMean() {
            TestFacts facts = unGge2015();
            facts.pledge("p-13c", "13c", d("2020-01-01"));
            facts.reserve("13f", d("2020-01-01"));

            Scorecard card = score(facts, "2021-01-01");

            NormScore reserved = norm(card, "13f");
            assertThat(reserved.status()).isEqualTo(NormStatus.RESERVED);
            assertThat(reserved.score()).isNull();
            assertThat(card.norms()).hasSize(11);
            // (75 + 9 x 50) / 10 norms
            assertThat(card.score()).isEqualTo(dec("52.5"));
        }

        @Test
        void aReservationWithdrawnByAsOfNoLongerCounts() {
            TestFacts facts = unGge2015();
            facts.pledge("p-13c", "13c", d("2020-01-01"));
            facts.reserve("13f", d("2020-01-01"));
            facts.withdrawReservation("13f", d("2020-06-01"));

            Scorecard after = score(facts, "2021-01-01");
            assertThat(norm(after, "13f").status()).isEqualTo(NormStatus.SCORED);
            assertThat(norm(after, "13f").score()).isEqualTo(dec("50.0"));
            // (75 + 10 x 50) / 11 = 52.27...
            assertThat(after.score()).isEqualTo(dec("52.3"));

            Scorecard before = score(facts, "2020-05-31");
            assertThat(norm(before, "13f").status()).isEqualTo(NormStatus.RESERVED);
            assertThat(before.score()).isEqualTo(dec("52.5"));
        }

        @Test
        void aReservationEnteredAfterAsOfDoesNotCountYet() {
            TestFacts facts = instrumentWith("13f");
            facts.reserve("13f", d("2022-01-01"));

            assertThat(norm(score(facts, "2021-12-31"), "13f").status()).isEqualTo(NormStatus.SCORED);
            assertThat(norm(score(facts, "2022-01-01"), "13f").status()).isEqualTo(NormStatus.RESERVED);
        }

        @Test
        void aReservationEnteredAgainAfterAWithdrawalCountsAgain() {
            TestFacts facts = instrumentWith("13f");
            facts.reserve("13f", d("2019-01-01"));
            facts.withdrawReservation("13f", d("2019-06-01"));
            facts.reserve("13f", d("2020-01-01"));

            assertThat(norm(score(facts, "2019-12-31"), "13f").status()).isEqualTo(NormStatus.SCORED);
            assertThat(norm(score(facts, "2020-01-01"), "13f").status()).isEqualTo(NormStatus.RESERVED);
        }

        @Test
        void whenEveryNormIsReservedTheStateHasNoScore() {
            TestFacts facts = instrumentWith("13a", "13b");
            facts.reserve("13a", d("2020-01-01"));
            facts.reserve("13b", d("2020-01-01"));

            Scorecard card = score(facts, "2021-01-01");

            assertThat(card.score()).isNull();
            assertThat(card.norms()).extracting(NormScore::status)
                    .containsExactly(NormStatus.RESERVED, NormStatus.RESERVED);
        }

        @Test
        void aReservedNormStillShowsItsPledgeAndCounts() {
            TestFacts facts = instrumentWith("13f");
            facts.pledge("p", "13f", d("2019-01-01"));
            facts.commit("c", "13f", d("2019-01-01"), d("2019-06-01"));
            facts.reserve("13f", d("2020-01-01"));

            NormScore line = norm(score(facts, "2021-01-01"), "13f");

            assertThat(line.score()).isNull();
            assertThat(line.pledged()).isTrue();
            assertThat(line.commitments()).isEqualTo(new CommitmentCounts(1, 0, 0, 1, 0, 0));
        }
    }

    @Nested
    class Commitments {

        private TestFacts oneCommitmentDue2023() {
            TestFacts facts = instrumentWith("13g");
            facts.commit("c", "13g", d("2022-01-01"), d("2023-01-01"));
            return facts;
        }

        @Test
        void aCommitmentFulfilledOnTimeScores100() {
            TestFacts facts = oneCommitmentDue2023();
            facts.fulfil("c", d("2022-12-31"));

            Scorecard card = score(facts, "2023-06-30");

            assertThat(norm(card, "13g").score()).isEqualTo(dec("100.0"));
            assertThat(norm(card, "13g").commitments()).isEqualTo(new CommitmentCounts(1, 1, 0, 0, 0, 0));
            assertThat(card.score()).isEqualTo(dec("100.0"));
        }

        @Test
        void aCommitmentFulfilledOnItsDueDateIsOnTime() {
            TestFacts facts = oneCommitmentDue2023();
            facts.fulfil("c", d("2023-01-01"));

            assertThat(norm(score(facts, "2023-01-01"), "13g").score()).isEqualTo(dec("100.0"));
        }

        @Test
        void aCommitmentFulfilledLateScores50() {
            TestFacts facts = oneCommitmentDue2023();
            facts.fulfil("c", d("2023-02-01"));

            NormScore line = norm(score(facts, "2023-06-30"), "13g");

            assertThat(line.score()).isEqualTo(dec("50.0"));
            assertThat(line.commitments()).isEqualTo(new CommitmentCounts(1, 0, 1, 0, 0, 0));
        }

        @Test
        void aWithdrawnCommitmentScoresZeroEvenBeforeItsDueDate() {
            TestFacts facts = oneCommitmentDue2023();
            facts.pledge("p", "13g", d("2022-01-01"));
            facts.withdrawCommitment("c", d("2022-06-01"));

            NormScore line = norm(score(facts, "2022-07-01"), "13g");

            assertThat(line.score()).isEqualTo(dec("0.0"));
            assertThat(line.commitments()).isEqualTo(new CommitmentCounts(1, 0, 0, 0, 1, 0));
        }

        @Test
        void anOverdueCommitmentScoresZero() {
            TestFacts facts = oneCommitmentDue2023();

            NormScore line = norm(score(facts, "2023-06-30"), "13g");

            assertThat(line.score()).isEqualTo(dec("0.0"));
            assertThat(line.commitments()).isEqualTo(new CommitmentCounts(1, 0, 0, 1, 0, 0));
        }

        @Test
        void aCommitmentStillOpenAtTheEndOfItsDueDateIsOverdue() {
            TestFacts facts = oneCommitmentDue2023();

            NormScore line = norm(score(facts, "2023-01-01"), "13g");

            assertThat(line.score()).isEqualTo(dec("0.0"));
            assertThat(line.commitments().overdue()).isEqualTo(1);
        }

        @Test
        void aCommitmentNotYetDueIsIgnoredAndTheNormFallsBackTo50() {
            TestFacts facts = oneCommitmentDue2023();

            NormScore line = norm(score(facts, "2022-06-30"), "13g");

            assertThat(line.score()).isEqualTo(dec("50.0"));
            assertThat(line.commitments()).isEqualTo(new CommitmentCounts(0, 0, 0, 0, 0, 1));
        }

        @Test
        void aCommitmentNotYetDueIsIgnoredAndTheNormFallsBackToThePledge() {
            TestFacts facts = oneCommitmentDue2023();
            facts.pledge("p", "13g", d("2022-01-01"));

            assertThat(norm(score(facts, "2022-06-30"), "13g").score()).isEqualTo(dec("75.0"));
        }

        @Test
        void aCommitmentMadeAfterAsOfDoesNotCountAtAll() {
            TestFacts facts = instrumentWith("13g");
            facts.commit("c", "13g", d("2022-01-01"), d("2021-12-31"));

            NormScore line = norm(score(facts, "2021-12-31"), "13g");

            assertThat(line.score()).isEqualTo(dec("50.0"));
            assertThat(line.commitments()).isEqualTo(CommitmentCounts.NONE);
        }

        @Test
        void theBaseIsTheMeanOfTheEvaluableCommitments() {
            TestFacts facts = instrumentWith("13g");
            facts.commit("a", "13g", d("2022-01-01"), d("2022-06-01"));
            facts.commit("b", "13g", d("2022-01-01"), d("2022-06-01"));
            facts.commit("c", "13g", d("2022-01-01"), d("2022-06-01"));
            facts.commit("open", "13g", d("2022-01-01"), d("2030-01-01"));
            facts.fulfil("a", d("2022-05-01"));
            facts.fulfil("b", d("2022-06-01"));
            facts.fulfil("c", d("2022-07-01"));

            NormScore line = norm(score(facts, "2022-12-31"), "13g");

            // 100 x (1 + 1 + 0.5) / 3 = 83.33...
            assertThat(line.score()).isEqualTo(dec("83.3"));
            assertThat(line.commitments()).isEqualTo(new CommitmentCounts(3, 2, 1, 0, 0, 1));
        }
    }

    @Nested
    class Pledges {

        @Test
        void aPledgeWithNoEvaluableCommitmentGives75() {
            TestFacts facts = instrumentWith("13f");
            facts.pledge("p", "13f", d("2020-01-01"));

            NormScore line = norm(score(facts, "2020-01-01"), "13f");

            assertThat(line.score()).isEqualTo(dec("75.0"));
            assertThat(line.pledged()).isTrue();
        }

        @Test
        void aPledgeWithdrawnByAsOfFallsBackTo50() {
            TestFacts facts = instrumentWith("13f");
            facts.pledge("p", "13f", d("2020-01-01"));
            facts.withdrawPledge("p", d("2021-01-01"));

            NormScore after = norm(score(facts, "2021-01-01"), "13f");
            assertThat(after.score()).isEqualTo(dec("50.0"));
            assertThat(after.pledged()).isFalse();

            assertThat(norm(score(facts, "2020-12-31"), "13f").score()).isEqualTo(dec("75.0"));
        }

        @Test
        void aPledgeMadeAfterAsOfDoesNotCount() {
            TestFacts facts = instrumentWith("13f");
            facts.pledge("p", "13f", d("2020-01-01"));

            assertThat(norm(score(facts, "2019-12-31"), "13f").score()).isEqualTo(dec("50.0"));
        }

        @Test
        void evaluableCommitmentsOutweighAPledge() {
            TestFacts facts = instrumentWith("13f");
            facts.pledge("p", "13f", d("2020-01-01"));
            facts.commit("c", "13f", d("2020-01-01"), d("2020-06-01"));

            NormScore line = norm(score(facts, "2020-12-31"), "13f");

            assertThat(line.score()).isEqualTo(dec("0.0"));
            assertThat(line.pledged()).isTrue();
        }
    }

    @Nested
    class Violations {

        private static final String T = "2024-01-10";

        private TestFacts confirmedHighViolation730DaysBeforeT() {
            TestFacts facts = instrumentWith("13c");
            facts.report("v", "13c", d("2022-01-10"), d("2022-02-01"), Severity.HIGH);
            facts.confirm("v", d("2022-06-01"));
            return facts;
        }

        @Test
        void aConfirmedHighViolationOneHalfLifeAgoCostsTenPoints() {
            assertThat(ChronoUnit.DAYS.between(d("2022-01-10"), d(T))).isEqualTo(730);
            TestFacts facts = confirmedHighViolation730DaysBeforeT();

            NormScore line = norm(score(facts, T), "13c");

            // 50 - 20 x 0.5^(730/730) = 40
            assertThat(line.score()).isEqualTo(dec("40.0"));
            assertThat(line.violations()).isEqualTo(new ViolationCounts(1, 0, 1, 0, 0));
        }

        @Test
        void aRemedyHalvesThePenalty() {
            TestFacts facts = confirmedHighViolation730DaysBeforeT();
            facts.remedy("v", d("2023-01-01"));

            NormScore line = norm(score(facts, T), "13c");

            // 50 - 20 x 0.5 x 0.5 = 45
            assertThat(line.score()).isEqualTo(dec("45.0"));
            assertThat(line.violations()).isEqualTo(new ViolationCounts(1, 0, 1, 0, 1));
        }

        @Test
        void aRemedyAfterAsOfDoesNotHalveThePenaltyYet() {
            TestFacts facts = confirmedHighViolation730DaysBeforeT();
            facts.remedy("v", d("2024-01-11"));

            assertThat(norm(score(facts, T), "13c").score()).isEqualTo(dec("40.0"));
        }

        @Test
        void thePenaltyDecaysContinuously() {
            TestFacts facts = instrumentWith("13c");
            facts.report("v", "13c", d("2023-01-10"), d("2023-01-11"), Severity.MEDIUM);
            facts.confirm("v", d("2023-02-01"));

            // d = 365: 50 - 10 x 0.5^(1/2) = 50 - 7.0710... = 42.928...
            assertThat(norm(score(facts, T), "13c").score()).isEqualTo(dec("42.9"));
        }

        @Test
        void aDismissedReportGivesNoPenalty() {
            TestFacts facts = instrumentWith("13c");
            facts.report("v", "13c", d("2023-06-01"), d("2023-06-02"), Severity.CRITICAL);
            facts.startReview("v", d("2023-06-10"));
            facts.dismiss("v", d("2023-07-01"));

            NormScore line = norm(score(facts, T), "13c");

            assertThat(line.score()).isEqualTo(dec("50.0"));
            assertThat(line.violations()).isEqualTo(new ViolationCounts(1, 0, 0, 1, 0));
        }

        @Test
        void anUnconfirmedReportGivesNoPenalty() {
            TestFacts facts = instrumentWith("13c");
            facts.report("reported", "13c", d("2023-06-01"), d("2023-06-02"), Severity.CRITICAL);
            facts.report("in-review", "13c", d("2023-06-01"), d("2023-06-02"), Severity.CRITICAL);
            facts.startReview("in-review", d("2023-06-10"));
            facts.report("confirmed-later", "13c", d("2023-06-01"), d("2023-06-02"), Severity.CRITICAL);
            facts.startReview("confirmed-later", d("2023-06-10"));
            facts.confirm("confirmed-later", d("2024-01-11"));

            NormScore line = norm(score(facts, T), "13c");

            assertThat(line.score()).isEqualTo(dec("50.0"));
            assertThat(line.violations()).isEqualTo(new ViolationCounts(3, 2, 0, 0, 0));
        }

        @Test
        void aReportMadeAfterAsOfIsNotCounted() {
            TestFacts facts = instrumentWith("13c");
            facts.report("v", "13c", d("2024-01-01"), d("2024-01-11"), Severity.LOW);

            assertThat(norm(score(facts, T), "13c").violations()).isEqualTo(ViolationCounts.NONE);
        }

        @Test
        void thePenaltyCannotPushTheScoreBelowZero() {
            TestFacts facts = instrumentWith("13c");
            facts.report("v1", "13c", d(T), d(T), Severity.CRITICAL);
            facts.confirm("v1", d(T));
            facts.report("v2", "13c", d(T), d(T), Severity.CRITICAL);
            facts.confirm("v2", d(T));

            // 50 - 40 - 40 < 0
            assertThat(norm(score(facts, T), "13c").score()).isEqualTo(dec("0.0"));
        }

        @Test
        void aFreshConfirmedViolationCostsItsFullWeight() {
            TestFacts facts = instrumentWith("13c");
            facts.pledge("p", "13c", d("2020-01-01"));
            facts.report("v", "13c", d(T), d(T), Severity.HIGH);
            facts.confirm("v", d(T));

            // 75 - 20
            assertThat(norm(score(facts, T), "13c").score()).isEqualTo(dec("55.0"));
        }

        @Test
        void thePenaltyAlsoAppliesToACommitmentBase() {
            TestFacts facts = confirmedHighViolation730DaysBeforeT();
            facts.commit("c", "13c", d("2021-01-01"), d("2022-01-01"));
            facts.fulfil("c", d("2021-12-01"));

            // 100 - 10
            assertThat(norm(score(facts, T), "13c").score()).isEqualTo(dec("90.0"));
        }
    }

    @Nested
    class NormsInForce {

        @Test
        void aNormRetiredOnOrBeforeAsOfIsLeftOff() {
            TestFacts facts = instrumentWith("13a", "13b");
            facts.pledge("p", "13b", d("2019-01-01"));
            facts.retireNorm("13b", d("2020-01-01"));

            Scorecard retired = score(facts, "2020-01-01");
            assertThat(retired.norms()).extracting(n -> n.norm().value()).containsExactly("13a");
            assertThat(retired.score()).isEqualTo(dec("50.0"));

            Scorecard before = score(facts, "2019-12-31");
            assertThat(before.norms()).extracting(n -> n.norm().value()).containsExactly("13a", "13b");
            assertThat(before.score()).isEqualTo(dec("62.5"));
        }

        @Test
        void aNormAddedAfterAsOfIsLeftOff() {
            TestFacts facts = instrumentWith("13a");
            facts.addNorm("13l", "A later norm", d("2022-01-01"));

            assertThat(score(facts, "2021-12-31").norms()).extracting(n -> n.norm().value()).containsExactly("13a");
            assertThat(score(facts, "2022-01-01").norms()).extracting(n -> n.norm().value())
                    .containsExactly("13a", "13l");
        }

        @Test
        void theTitleShownIsTheLatestRevisionOnOrBeforeAsOf() {
            TestFacts facts = instrumentWith("13a");
            facts.reviseNorm("13a", "Second title", d("2020-01-01"));
            facts.reviseNorm("13a", "Third title", d("2021-01-01"));

            assertThat(norm(score(facts, "2019-12-31"), "13a").title()).isEqualTo("Norm 13a");
            assertThat(norm(score(facts, "2020-06-01"), "13a").title()).isEqualTo("Second title");
            assertThat(norm(score(facts, "2021-01-01"), "13a").title()).isEqualTo("Third title");
        }

        @Test
        void normsAreListedByCode() {
            TestFacts facts = instrumentWith("13c", "13a", "13b");

            assertThat(score(facts, "2020-01-01").norms()).extracting(n -> n.norm().value())
                    .containsExactly("13a", "13b", "13c");
        }
    }

    @Nested
    class KnownAt {

        @Test
        void aFulfilmentRecordedAfterKnownAtIsIgnored() {
            TestFacts facts = instrumentWith("13g");
            facts.commit("c", "13g", d("2022-01-01"), d("2023-01-01"));
            facts.recordAt(Instant.parse("2023-03-01T00:00:00Z"));
            facts.fulfil("c", d("2022-12-15")); // back-dated: it happened before it was recorded

            Scorecard unknown = v1.score(facts.input(), d("2023-01-31"), Instant.parse("2023-02-01T00:00:00Z"));
            assertThat(norm(unknown, "13g").score()).isEqualTo(dec("0.0"));
            assertThat(norm(unknown, "13g").commitments().overdue()).isEqualTo(1);
            assertThat(unknown.knownAt()).isEqualTo(Instant.parse("2023-02-01T00:00:00Z"));

            Scorecard known = v1.score(facts.input(), d("2023-01-31"), Instant.parse("2023-03-01T00:00:00Z"));
            assertThat(norm(known, "13g").score()).isEqualTo(dec("100.0"));
        }

        @Test
        void aNormDefinitionRecordedAfterKnownAtIsIgnored() {
            TestFacts facts = instrumentWith("13a");
            facts.recordAt(Instant.parse("2023-03-01T00:00:00Z"));
            facts.addNorm("13b", "Norm 13b", d("2015-07-22"));

            Scorecard card = v1.score(facts.input(), d("2023-06-01"), Instant.parse("2023-02-28T23:59:59Z"));

            assertThat(card.norms()).extracting(n -> n.norm().value()).containsExactly("13a");
        }
    }

    @Nested
    class Rounding {

        @Test
        void theStateScoreIsRoundedHalfUp() {
            TestFacts facts = instrumentWith("13a", "13g");
            facts.commit("late", "13g", d("2020-01-01"), d("2020-06-01"));
            facts.fulfil("late", d("2020-07-01"));
            for (String id : new String[] {"w1", "w2", "w3"}) {
                facts.commit(id, "13g", d("2020-01-01"), d("2020-06-01"));
                facts.withdrawCommitment(id, d("2020-02-01"));
            }

            Scorecard card = score(facts, "2021-01-01");

            // 13g: 100 x (0.5 + 0 + 0 + 0) / 4 = 12.5; state: (50 + 12.5) / 2 = 31.25, half-up 31.3 (half-even: 31.2)
            assertThat(norm(card, "13g").score()).isEqualTo(dec("12.5"));
            assertThat(card.score()).isEqualTo(dec("31.3"));
        }

        @Test
        void aNormScoreIsRoundedHalfUp() {
            TestFacts facts = instrumentWith("13g");
            facts.commit("late", "13g", d("2020-01-01"), d("2020-06-01"));
            facts.fulfil("late", d("2020-07-01"));
            for (int i = 1; i <= 7; i++) {
                facts.commit("w" + i, "13g", d("2020-01-01"), d("2020-06-01"));
                facts.withdrawCommitment("w" + i, d("2020-02-01"));
            }

            // 100 x 0.5 / 8 = 6.25, half-up 6.3
            assertThat(norm(score(facts, "2021-01-01"), "13g").score()).isEqualTo(dec("6.3"));
        }

        @Test
        void theStateMeanIsTakenOverUnroundedNormScores() {
            TestFacts facts = instrumentWith("13a", "13g");
            for (String id : new String[] {"a", "b", "c"}) {
                facts.commit(id, "13g", d("2020-01-01"), d("2020-06-01"));
            }
            facts.fulfil("a", d("2020-05-01"));
            facts.fulfil("b", d("2020-05-01"));
            facts.withdrawCommitment("c", d("2020-05-01"));

            Scorecard card = score(facts, "2021-01-01");

            // 13g: 66.66... shown as 66.7; state (66.66... + 50) / 2 = 58.33... -> 58.3 (from rounded: 58.35 -> 58.4)
            assertThat(norm(card, "13g").score()).isEqualTo(dec("66.7"));
            assertThat(card.score()).isEqualTo(dec("58.3"));
        }
    }
}
