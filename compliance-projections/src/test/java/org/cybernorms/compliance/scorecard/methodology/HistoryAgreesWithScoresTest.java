package org.cybernorms.compliance.scorecard.methodology;

import org.cybernorms.compliance.scorecard.methodology.Fact.CommitmentFulfilled;
import org.cybernorms.compliance.scorecard.methodology.Fact.CommitmentMade;
import org.cybernorms.compliance.scorecard.methodology.Fact.CommitmentProgressReported;
import org.cybernorms.compliance.scorecard.methodology.Fact.CommitmentWithdrawn;
import org.cybernorms.compliance.scorecard.methodology.Fact.NormAdded;
import org.cybernorms.compliance.scorecard.methodology.Fact.NormRetired;
import org.cybernorms.compliance.scorecard.methodology.Fact.NormRevised;
import org.cybernorms.compliance.scorecard.methodology.Fact.PledgeWithdrawn;
import org.cybernorms.compliance.scorecard.methodology.Fact.Pledged;
import org.cybernorms.compliance.scorecard.methodology.Fact.ReservationEntered;
import org.cybernorms.compliance.scorecard.methodology.Fact.ReservationWithdrawn;
import org.cybernorms.compliance.scorecard.methodology.Fact.StateResponded;
import org.cybernorms.compliance.scorecard.methodology.Fact.ViolationConfirmed;
import org.cybernorms.compliance.scorecard.methodology.Fact.ViolationDismissed;
import org.cybernorms.compliance.scorecard.methodology.Fact.ViolationRemedied;
import org.cybernorms.compliance.scorecard.methodology.Fact.ViolationReported;
import org.cybernorms.compliance.scorecard.methodology.Fact.ViolationReviewStarted;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.cybernorms.compliance.violation.api.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A history puts each fact in its ledger once, when the fact comes to count, instead of scoring every date over every
 * fact. Its points must be exactly the scores {@link MethodologyV1#score} gives at each date. Checked over many
 * generated sets of facts made to collide wherever a rule picks one fact among several: norms defined twice, revised
 * twice on one date, pledges, commitments and reports recorded twice under one id (even for another norm), several
 * withdrawals, fulfilments, reviews, confirmations and remedies of one item on one date, reservations entered and
 * withdrawn on one date, facts valid later than their own date, and facts recorded after the instant asked about.
 */
class HistoryAgreesWithScoresTest {

    private static final MethodologyV1 V1 = new MethodologyV1();
    private static final LocalDate FIRST = LocalDate.of(2015, 7, 1);
    private static final int DAYS = 4 * 365;

    @Test
    void everyPointOfAHistoryIsTheScoreAtItsDate() {
        for (int seed = 1; seed <= 300; seed++) {
            Random random = new Random(seed);
            ScoringInput input = facts(random, 40 + random.nextInt(160));
            Instant knownAt = Instant.parse("2016-01-01T00:00:00Z").plusSeconds(random.nextInt(4 * 365 * 86_400));
            LocalDate from = FIRST.plusDays(random.nextInt(400));
            LocalDate to = from.plusDays(random.nextInt(DAYS));

            for (Step step : Step.values()) {
                LocalDate until = step == Step.MONTH ? to : from.plusDays(Math.min(120, random.nextInt(DAYS)));
                for (HistoryPoint point : V1.history(input, from, until, step, knownAt)) {
                    assertThat(point.score()).as("seed %d, %s history, at %s", seed, step, point.date())
                            .isEqualTo(V1.score(input, point.date(), knownAt).score());
                }
            }
        }
    }

    @Test
    void theGeneratedFactsMakeTheRulesChoose() {
        // The check above means little if the scores never move: across the seeds, histories must take many values.
        java.util.Set<java.math.BigDecimal> seen = new java.util.HashSet<>();
        for (int seed = 1; seed <= 50; seed++) {
            Random random = new Random(seed);
            ScoringInput input = facts(random, 150);
            V1.history(input, FIRST, FIRST.plusDays(DAYS), Step.MONTH, Instant.parse("2100-01-01T00:00:00Z"))
                    .forEach(point -> seen.add(point.score()));
        }
        assertThat(seen).hasSizeGreaterThan(100);
    }

    static ScoringInput facts(Random random, int count) {
        List<Fact> instrument = new ArrayList<>();
        List<Fact> state = new ArrayList<>();
        int[] counter = {0};
        for (int i = 0; i < 6 + random.nextInt(4); i++) {
            NormCode norm = norm(random);
            LocalDate on = date(random);
            switch (random.nextInt(4)) {
                case 0, 1 -> instrument.add(new NormAdded(ref(random, counter, on), norm, "t" + i, on));
                case 2 -> instrument.add(new NormRevised(ref(random, counter, on), norm, "r" + i, on));
                default -> instrument.add(new NormRetired(ref(random, counter, on), norm, on));
            }
        }
        for (int i = 0; i < count; i++) {
            String id = "x" + random.nextInt(Math.max(3, count / 4)); // few ids: items recorded more than once
            NormCode norm = norm(random);
            LocalDate on = date(random);
            FactRef ref = ref(random, counter, random.nextInt(4) == 0 ? on.plusDays(random.nextInt(200)) : on);
            state.add(switch (random.nextInt(16)) {
                case 0 -> new Pledged(ref, id, norm, on);
                case 1 -> new PledgeWithdrawn(ref, id, on);
                case 2 -> new ReservationEntered(ref, norm, on);
                case 3 -> new ReservationWithdrawn(ref, norm, on);
                case 4, 5 -> new CommitmentMade(ref, id, norm, on, on.plusDays(random.nextInt(600)));
                case 6 -> new CommitmentFulfilled(ref, id, on);
                case 7 -> new CommitmentWithdrawn(ref, id, on);
                case 8 -> new CommitmentProgressReported(ref, id, on);
                case 9, 10 -> new ViolationReported(ref, id, norm, on, Severity.values()[random.nextInt(4)]);
                case 11 -> new ViolationReviewStarted(ref, id, on);
                case 12 -> new ViolationConfirmed(ref, id, on);
                case 13 -> new ViolationDismissed(ref, id, on);
                case 14 -> new ViolationRemedied(ref, id, on);
                default -> new StateResponded(ref, id, on);
            });
        }
        return new ScoringInput(StateCode.of("FRA"), InstrumentId.UN_GGE_2015, instrument, state);
    }

    /** Four norms only, so that facts of one kind meet on a norm. */
    private static NormCode norm(Random random) {
        return NormCode.of("13" + "abcd".charAt(random.nextInt(4)));
    }

    /** Dates over four years, bunched onto the first of a month one time in three, so that facts share dates. */
    private static LocalDate date(Random random) {
        LocalDate date = FIRST.plusDays(random.nextInt(DAYS));
        return random.nextInt(3) == 0 ? date.withDayOfMonth(1) : date;
    }

    /** Recorded at any instant over the four years: not in recorded order, which knownAt then cuts anywhere. */
    private static FactRef ref(Random random, int[] counter, LocalDate validOn) {
        counter[0]++;
        return new FactRef("e" + counter[0], "T", validOn,
                Instant.parse("2015-07-01T00:00:00Z").plusSeconds(random.nextInt(4 * 365 * 86_400)));
    }
}
