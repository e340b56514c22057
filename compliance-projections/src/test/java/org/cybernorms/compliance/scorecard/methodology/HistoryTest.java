package org.cybernorms.compliance.scorecard.methodology;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cybernorms.compliance.scorecard.methodology.TestFacts.KNOWN_NOW;
import static org.cybernorms.compliance.scorecard.methodology.TestFacts.d;
import static org.cybernorms.compliance.scorecard.methodology.TestFacts.instrumentWith;
import static org.cybernorms.compliance.scorecard.methodology.TestFacts.unGge2015;

class HistoryTest {

    private final MethodologyV1 v1 = new MethodologyV1();

    private static TestFacts workedExample() {
        TestFacts facts = unGge2015();
        facts.pledge("p-13f", "13f", d("2023-03-01"));
        facts.commit("A", "13g", d("2023-01-15"), d("2024-06-01"));
        facts.commit("B", "13g", d("2023-01-15"), d("2023-12-31"));
        facts.fulfil("B", d("2024-02-15"));
        facts.fulfil("A", d("2024-05-20"));
        return facts;
    }

    @Test
    void dailyHistoryScoresEachDayFromFromToTo() {
        var points = v1.history(workedExample().input(), d("2023-12-30"), d("2024-01-02"), Step.DAY, KNOWN_NOW);

        // 30 Dec: B not yet due, (75 + 10 x 50) / 11 = 52.27; from 31 Dec B is overdue: (75 + 0 + 9 x 50) / 11 = 47.73
        assertThat(points).containsExactly(
                new HistoryPoint(d("2023-12-30"), new BigDecimal("52.3")),
                new HistoryPoint(d("2023-12-31"), new BigDecimal("47.7")),
                new HistoryPoint(d("2024-01-01"), new BigDecimal("47.7")),
                new HistoryPoint(d("2024-01-02"), new BigDecimal("47.7")));
    }

    @Test
    void weeklyHistoryStepsSevenDaysFromFromAndStopsOnOrBeforeTo() {
        var points = v1.history(workedExample().input(), d("2024-01-01"), d("2024-01-20"), Step.WEEK, KNOWN_NOW);

        assertThat(points).extracting(HistoryPoint::date)
                .containsExactly(d("2024-01-01"), d("2024-01-08"), d("2024-01-15"));
    }

    @Test
    void monthlyHistoryTakesTheLastDayOfEachMonthClampedToTo() {
        var points = v1.history(workedExample().input(), d("2024-01-10"), d("2024-04-15"), Step.MONTH, KNOWN_NOW);

        assertThat(points).extracting(HistoryPoint::date)
                .containsExactly(d("2024-01-31"), d("2024-02-29"), d("2024-03-31"), d("2024-04-15"));
        // 31 Jan: B overdue, 13g = 0 -> 47.7. From 15 Feb B is fulfilled late and A is not yet due:
        // 13g = 100 x 0.5 / 1 = 50 -> (75 + 50 + 9 x 50) / 11 = 52.27
        assertThat(points).extracting(HistoryPoint::score).containsExactly(
                new BigDecimal("47.7"), new BigDecimal("52.3"), new BigDecimal("52.3"), new BigDecimal("52.3"));
    }

    @Test
    void monthlyHistoryWithinOneMonthIsJustTo() {
        var points = v1.history(workedExample().input(), d("2024-01-10"), d("2024-01-20"), Step.MONTH, KNOWN_NOW);

        assertThat(points).extracting(HistoryPoint::date).containsExactly(d("2024-01-20"));
    }

    @Test
    void monthlyHistoryEndingOnAMonthEndDoesNotRepeatIt() {
        var points = v1.history(workedExample().input(), d("2024-01-31"), d("2024-03-31"), Step.MONTH, KNOWN_NOW);

        assertThat(points).extracting(HistoryPoint::date)
                .containsExactly(d("2024-01-31"), d("2024-02-29"), d("2024-03-31"));
    }

    @Test
    void eachPointIsTheScorecardScoreAtThatDate() {
        TestFacts facts = workedExample();
        var points = v1.history(facts.input(), d("2023-01-01"), d("2024-12-31"), Step.WEEK, KNOWN_NOW);

        assertThat(points).isNotEmpty().allSatisfy(point -> assertThat(point.score())
                .isEqualTo(v1.score(facts.input(), point.date(), KNOWN_NOW).score()));
    }

    @Test
    void aDateWithNoScoredNormHasANullScore() {
        TestFacts facts = instrumentWith("13a");
        facts.reserve("13a", d("2020-01-02"));

        var points = v1.history(facts.input(), d("2020-01-01"), d("2020-01-02"), Step.DAY, KNOWN_NOW);

        assertThat(points).containsExactly(
                new HistoryPoint(d("2020-01-01"), new BigDecimal("50.0")),
                new HistoryPoint(d("2020-01-02"), null));
    }

    @Test
    void fromAfterToIsRejected() {
        assertThatThrownBy(() -> v1.history(workedExample().input(), d("2024-02-01"), d("2024-01-01"), Step.DAY,
                KNOWN_NOW)).isInstanceOf(IllegalArgumentException.class);
    }
}
