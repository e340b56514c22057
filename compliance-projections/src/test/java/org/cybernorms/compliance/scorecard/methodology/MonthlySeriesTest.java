package org.cybernorms.compliance.scorecard.methodology;

import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.StateCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A kept monthly series answers a monthly history exactly as computing that history from the facts does. */
class MonthlySeriesTest {

    private static final MethodologyV1 V1 = new MethodologyV1();
    private static final LocalDate FIRST = LocalDate.of(2015, 7, 1);

    @Test
    void aMonthlyHistoryEndingOnAMonthsLastDayOrOnTheSeriesDateIsTheHistoryComputedFromTheFacts() {
        int answered = 0;
        for (int seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            ScoringInput input = HistoryAgreesWithScoresTest.facts(random, 40 + random.nextInt(160));
            Instant knownAt = Instant.parse("2016-01-01T00:00:00Z").plusSeconds(random.nextInt(4 * 365 * 86_400));
            LocalDate to = FIRST.plusDays(random.nextInt(5 * 365));
            MonthlySeries series = V1.monthlySeries(input, to, knownAt);

            for (int i = 0; i < 10; i++) {
                LocalDate until = i == 0 ? to : YearMonth.from(to.minusMonths(random.nextInt(60))).atEndOfMonth();
                if (until.isAfter(to)) {
                    until = to;
                }
                LocalDate from = until.minusDays(random.nextInt(8 * 365)); // often before the first fact counts
                List<HistoryPoint> expected = V1.history(input, from, until, Step.MONTH, knownAt);
                assertThat(series.history(from, until)).as("seed %d, %s to %s", seed, from, until)
                        .contains(expected);
                answered++;
            }
        }
        assertThat(answered).isEqualTo(2_000);
    }

    @Test
    void aHistoryEndingAfterTheSeriesOrInsideAMonthOtherThanOnTheSeriesDateIsNotAnswered() {
        ScoringInput input = HistoryAgreesWithScoresTest.facts(new Random(7), 100);
        Instant knownAt = Instant.parse("2030-01-01T00:00:00Z");
        LocalDate to = LocalDate.of(2018, 6, 17);
        MonthlySeries series = V1.monthlySeries(input, to, knownAt);

        assertThat(series.points()).isNotEmpty();
        assertThat(series.points().get(series.points().size() - 1).date()).isEqualTo(to);
        assertThat(series.history(LocalDate.of(2016, 1, 1), to.plusDays(1))).isEmpty();
        assertThat(series.history(LocalDate.of(2016, 1, 1), LocalDate.of(2018, 6, 30))).isEmpty();
        assertThat(series.history(LocalDate.of(2016, 1, 1), LocalDate.of(2017, 3, 15))).isEmpty();
        assertThat(series.history(LocalDate.of(2016, 1, 1), LocalDate.of(2017, 3, 31))).isPresent();
    }

    @Test
    void withNoFactsEveryPointHasNoScore() {
        ScoringInput none = new ScoringInput(StateCode.of("FRA"), InstrumentId.of("un-gge-2015"), List.of(),
                List.of());
        MonthlySeries series = V1.monthlySeries(none, LocalDate.of(2020, 5, 31), Instant.parse("2021-01-01T00:00:00Z"));

        assertThat(series.points()).isEmpty();
        assertThat(series.history(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 5, 31)).orElseThrow())
                .extracting(HistoryPoint::score).containsOnlyNulls().hasSize(5);
    }
}
