package org.cybernorms.compliance.scorecard.view;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.cybernorms.compliance.scorecard.methodology.HistoryPoint;
import org.cybernorms.compliance.scorecard.methodology.MonthlySeries;
import org.cybernorms.compliance.scorecard.methodology.NormScore;
import org.cybernorms.compliance.scorecard.methodology.Scorecard;
import org.cybernorms.compliance.scorecard.methodology.Step;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * This node's bounded cache of computed answers, each keyed by the versions of the facts it was computed from
 * ({@link Stamp}), so that an entry can only be found while those facts are unchanged. Five caches, so that the
 * large full scorecards (with their whole basis lists, which grow with the facts) never push out the small answers
 * read most:
 * <ul>
 *   <li>full scorecards, bounded by their estimated size ({@code compliance.scorecards.cache.scorecards-max-size}),
 *       read to page through a norm's basis;
 *   <li>scorecards as the API shows them, each norm's basis cut to its latest facts
 *       ({@link ScorecardQueries#LATEST_BASIS}), bounded by their estimated size
 *       ({@code compliance.scorecards.cache.latest-max-size});
 *   <li>state scores for rankings ({@code compliance.scorecards.cache.scores-max-entries});
 *   <li>histories, bounded by their number of points ({@code compliance.scorecards.cache.history-max-points});
 *   <li>monthly series of a state's scores, kept by {@link ScorecardKeeper}, which answer every monthly history that
 *       ends on a month's end, bounded by their number of points ({@code compliance.scorecards.cache.series-max-points}).
 * </ul>
 * Entries hold the answer for "everything recorded"; {@link ScorecardQueries} uses them only when the request's
 * knownAt is at or after the latest recorded instant of the facts concerned.
 */
@Component
public class ScorecardCache {

    /**
     * The versions of the instrument's own facts and of the state's facts. A missing version row stands as zero
     * count, position -1 and generation 0.
     */
    public record Stamp(long instrumentGeneration, long instrumentCount, long instrumentPosition,
                        long stateGeneration, long stateCount, long statePosition) {

        static Stamp of(ScorecardVersions.Version instrument, ScorecardVersions.Version state) {
            return new Stamp(instrument == null ? 0 : instrument.generation(),
                    instrument == null ? 0 : instrument.count(), instrument == null ? -1 : instrument.lastPosition(),
                    state == null ? 0 : state.generation(), state == null ? 0 : state.count(),
                    state == null ? -1 : state.lastPosition());
        }
    }

    record ScoreKey(String instrument, String state, LocalDate asOf, Stamp stamp) {
    }

    record HistoryKey(String instrument, String state, LocalDate from, LocalDate to, Step step, Stamp stamp) {
    }

    record SeriesKey(String instrument, String state, Stamp stamp) {
    }

    /** Hits and misses since start, per cache. */
    public record Statistics(long scorecardHits, long scorecardMisses, long latestHits, long latestMisses,
                             long scoreHits, long scoreMisses, long historyHits, long historyMisses,
                             long seriesHits, long seriesMisses) {
    }

    private final boolean enabled;
    private final Cache<ScoreKey, Scorecard> scorecards;
    private final Cache<ScoreKey, Scorecard> latest;
    private final Cache<ScoreKey, Optional<BigDecimal>> scores;
    private final Cache<HistoryKey, List<HistoryPoint>> histories;
    private final Cache<SeriesKey, MonthlySeries> series;

    public ScorecardCache(@Value("${compliance.scorecards.cache.enabled:true}") boolean enabled,
                          @Value("${compliance.scorecards.cache.scorecards-max-size:32MB}") DataSize scorecardsMaxSize,
                          @Value("${compliance.scorecards.cache.latest-max-size:16MB}") DataSize latestMaxSize,
                          @Value("${compliance.scorecards.cache.scores-max-entries:100000}") long scoresMaxEntries,
                          @Value("${compliance.scorecards.cache.history-max-points:250000}") long historyMaxPoints,
                          @Value("${compliance.scorecards.cache.series-max-points:100000}") long seriesMaxPoints) {
        this.enabled = enabled;
        this.scorecards = Caffeine.newBuilder().maximumWeight(scorecardsMaxSize.toBytes())
                .weigher((ScoreKey key, Scorecard card) -> estimatedBytes(card)).recordStats().build();
        this.latest = Caffeine.newBuilder().maximumWeight(latestMaxSize.toBytes())
                .weigher((ScoreKey key, Scorecard card) -> estimatedBytes(card)).recordStats().build();
        this.scores = Caffeine.newBuilder().maximumSize(scoresMaxEntries).recordStats().build();
        this.histories = Caffeine.newBuilder().maximumWeight(historyMaxPoints)
                .weigher((HistoryKey key, List<HistoryPoint> points) -> Math.max(1, points.size()))
                .recordStats().build();
        this.series = Caffeine.newBuilder().maximumWeight(seriesMaxPoints)
                .weigher((SeriesKey key, MonthlySeries kept) -> Math.max(1, kept.points().size())).recordStats()
                .build();
    }

    /** Whether answers are cached at all ({@code compliance.scorecards.cache.enabled}). */
    public boolean enabled() {
        return enabled;
    }

    Scorecard scorecard(ScoreKey key) {
        return scorecards.getIfPresent(key);
    }

    void putScorecard(ScoreKey key, Scorecard card) {
        scorecards.put(key, card);
        scores.put(key, Optional.ofNullable(card.score()));
    }

    /** The cached scorecard with each norm's latest basis only; {@code null} if not cached. */
    Scorecard latest(ScoreKey key) {
        return latest.getIfPresent(key);
    }

    /** Whether the scorecard with each norm's latest basis is cached, not counted as a hit or a miss. */
    boolean holdsLatest(ScoreKey key) {
        return latest.asMap().containsKey(key);
    }

    void putLatest(ScoreKey key, Scorecard card) {
        latest.put(key, card);
        scores.put(key, Optional.ofNullable(card.score()));
    }

    /** The cached state score: {@code null} if not cached, empty if the state has no score. */
    Optional<BigDecimal> score(ScoreKey key) {
        return scores.getIfPresent(key);
    }

    void putScore(ScoreKey key, BigDecimal score) {
        scores.put(key, Optional.ofNullable(score));
    }

    List<HistoryPoint> history(HistoryKey key) {
        return histories.getIfPresent(key);
    }

    void putHistory(HistoryKey key, List<HistoryPoint> points) {
        histories.put(key, List.copyOf(points));
    }

    /** The kept monthly series of a state's scores ({@link ScorecardKeeper}); {@code null} if none is kept. */
    MonthlySeries series(SeriesKey key) {
        return series.getIfPresent(key);
    }

    /** The kept monthly series, not counted as a hit or a miss. */
    MonthlySeries peekSeries(SeriesKey key) {
        return series.asMap().get(key);
    }

    void putSeries(SeriesKey key, MonthlySeries kept) {
        series.put(key, kept);
    }

    /** Forgets every cached answer. */
    public void clear() {
        scorecards.invalidateAll();
        latest.invalidateAll();
        scores.invalidateAll();
        histories.invalidateAll();
        series.invalidateAll();
    }

    public Statistics statistics() {
        var card = scorecards.stats();
        var cut = latest.stats();
        var score = scores.stats();
        var history = histories.stats();
        var kept = series.stats();
        return new Statistics(card.hitCount(), card.missCount(), cut.hitCount(), cut.missCount(),
                score.hitCount(), score.missCount(), history.hitCount(), history.missCount(), kept.hitCount(),
                kept.missCount());
    }

    /** A rough estimate of the heap a scorecard holds: its norm lines and, above all, their basis entries. */
    static int estimatedBytes(Scorecard card) {
        long bytes = 400;
        for (NormScore norm : card.norms()) {
            bytes += 300 + (norm.title() == null ? 0 : 2L * norm.title().length()) + 220L * norm.basis().size();
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }
}
