package org.cybernorms.compliance.scorecard.view;

import com.fasterxml.jackson.databind.JsonNode;
import org.cybernorms.compliance.scorecard.http.ScorecardStoreTest;
import org.cybernorms.compliance.scorecard.methodology.HistoryPoint;
import org.cybernorms.compliance.scorecard.methodology.Scorecard;
import org.cybernorms.compliance.scorecard.methodology.Step;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.StateCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keeper computes a state's answers in the background once its facts settle, so that the first read finds them:
 * the scorecard and every monthly history ending on a month's end are then served from what was kept, and equal what
 * computing them from the facts gives. A new fact is never hidden by what was kept before it.
 */
@TestPropertySource(properties = {"compliance.scorecards.keep.interval=100ms",
        "compliance.scorecards.keep.settle=300ms"})
class ScorecardKeeperTest extends ScorecardStoreTest {

    private static final InstrumentId GGE_ID = InstrumentId.of(GGE);

    @Autowired
    ScorecardKeeper keeper;
    @Autowired
    ScorecardQueries queries;
    @Autowired
    ScorecardCache cache;
    @Autowired
    FactRows rows;
    @Autowired
    ScorecardVersions versions;

    @Test
    void aStatesFirstScorecardAndMonthlyHistoriesAreServedFromWhatWasKeptOnceItsFactsSettle() {
        StateCode state = StateCode.of("NZL");
        tracker.pledge("NZL", GGE, "13a", "2019-02-01");
        String commitment = tracker.commit("NZL", GGE, "13c", "2020-01-10", "2020-12-31");
        tracker.fulfil(commitment, "2021-03-01");
        tracker.confirmedViolation("NZL", GGE, "13f", "2021-06-01", "HIGH");
        awaitKept();

        ScorecardCache.Statistics before = cache.statistics();
        JsonNode scorecard = tracker.ok("/api/states/NZL/scorecard");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate lastMonthEnd = YearMonth.from(today).minusMonths(1).atEndOfMonth();
        JsonNode history = tracker.ok("/api/states/NZL/scorecard/history?from=2018-01-01&to=" + lastMonthEnd);
        JsonNode toToday = tracker.ok("/api/states/NZL/scorecard/history?from=2020-06-15");
        ScorecardCache.Statistics after = cache.statistics();

        assertThat(after.latestHits() - before.latestHits()).as("scorecards served from what was kept")
                .isEqualTo(1);
        assertThat(after.latestMisses() - before.latestMisses()).isZero();
        assertThat(after.seriesHits() - before.seriesHits()).as("histories served from the kept series")
                .isEqualTo(2);

        Instant now = Instant.now();
        UncachedScorecards uncached = new UncachedScorecards(rows);
        Scorecard computed = uncached.scorecard(state, GGE_ID, today, now);
        assertThat(scorecard.get("score").decimalValue()).isEqualByComparingTo(computed.score());
        assertThat(scores(history)).isEqualTo(scores(uncached.history(state, GGE_ID, LocalDate.of(2018, 1, 1),
                lastMonthEnd, Step.MONTH, now)));
        assertThat(scores(toToday)).isEqualTo(scores(uncached.history(state, GGE_ID, LocalDate.of(2020, 6, 15),
                today, Step.MONTH, now)));
        assertThat(history).hasSizeGreaterThan(24);
    }

    @Test
    void aNewFactIsShownAtOnceAndItsAnswersAreKeptAgainOnceItSettles() {
        tracker.pledge("ISL", GGE, "13a", "2019-02-01");
        awaitKept();
        String before = tracker.ok("/api/states/ISL/scorecard").get("score").asText();

        tracker.confirmedViolation("ISL", GGE, "13a", "2022-06-01", "CRITICAL");
        String after = tracker.ok("/api/states/ISL/scorecard").get("score").asText();
        assertThat(after).as("the new fact, read at once").isNotEqualTo(before);

        awaitKept();
        ScorecardCache.Statistics hits = cache.statistics();
        assertThat(tracker.ok("/api/states/ISL/scorecard").get("score").asText()).isEqualTo(after);
        assertThat(cache.statistics().latestHits() - hits.latestHits()).isEqualTo(1);
    }

    @Test
    void aNewDayKeepsEveryStatesAnswersAgainForThatDay() {
        tracker.pledge("LUX", GGE, "13a", "2019-02-01");
        Instant today = Instant.now();
        MovableClock clock = new MovableClock(today);
        ScorecardKeeper alone = new ScorecardKeeper(versions, queries, cache, new StaticListableBeanFactory(
                Map.of("clock", clock)).getBeanProvider(Clock.class), true, Duration.ofSeconds(1), Duration.ZERO,
                1.0);

        alone.pass();
        assertThat(keptFor("LUX", LocalDate.ofInstant(today, ZoneOffset.UTC))).isTrue();
        LocalDate tomorrow = LocalDate.ofInstant(today, ZoneOffset.UTC).plusDays(1);
        assertThat(keptFor("LUX", tomorrow)).as("nothing kept for a day not yet come").isFalse();

        clock.set(today.plus(Duration.ofDays(1)));
        alone.pass();
        assertThat(keptFor("LUX", tomorrow)).as("kept again on the new day").isTrue();
        assertThat(alone.pending()).isZero();
    }

    /** Whether the scorecard as shown at {@code day} is cached for the state's current facts. */
    private boolean keptFor(String state, LocalDate day) {
        Map<String, ScorecardVersions.Version> known = versions.of(GGE, state);
        return cache.holdsLatest(new ScorecardCache.ScoreKey(GGE, state, day, ScorecardCache.Stamp.of(
                known.get(ScorecardVersion.INSTRUMENT), known.get(state))));
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private void awaitKept() {
        try {
            assertThat(keeper.awaitKept(Duration.ofSeconds(30))).as("the keeper catches up within 30 s").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> scores(JsonNode history) {
        return java.util.stream.StreamSupport.stream(history.spliterator(), false)
                .map(point -> point.get("date").asText() + "=" + (point.get("score").isNull() ? "none"
                        : point.get("score").decimalValue().stripTrailingZeros().toPlainString())).toList();
    }

    private static List<String> scores(List<HistoryPoint> history) {
        return history.stream().map(point -> point.date() + "=" + (point.score() == null ? "none"
                : point.score().stripTrailingZeros().toPlainString())).toList();
    }
}
