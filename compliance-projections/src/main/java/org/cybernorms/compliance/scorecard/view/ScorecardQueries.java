package org.cybernorms.compliance.scorecard.view;

import org.cybernorms.compliance.scorecard.methodology.Fact;
import org.cybernorms.compliance.scorecard.methodology.HistoryPoint;
import org.cybernorms.compliance.scorecard.methodology.MethodologyV1;
import org.cybernorms.compliance.scorecard.methodology.MonthlySeries;
import org.cybernorms.compliance.scorecard.methodology.NormScore;
import org.cybernorms.compliance.scorecard.methodology.Scorecard;
import org.cybernorms.compliance.scorecard.methodology.ScoringInput;
import org.cybernorms.compliance.scorecard.methodology.Step;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.StateCode;
import org.cybernorms.compliance.scorecard.view.ScorecardFactReader.Facts;
import org.cybernorms.compliance.scorecard.view.ScorecardVersions.Version;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Scorecards, rankings and histories under methodology v1, read from the scorecard facts (never from the event log).
 * A scorecard reads the instrument's facts and the one state's facts; a ranking reads the facts of every state under
 * the instrument once.
 *
 * <p>Answers are cached ({@link ScorecardCache}) under the versions of the facts they were computed from
 * ({@link ScorecardVersions}), read from the database on every request, so that a new fact, a fact committed late
 * with a lower log position, a reset and a bulk rebuild each lead to a fresh computation, on every node. A cached
 * entry is the answer for "everything recorded"; it is used only when the request's knownAt is at or after the latest
 * recorded instant of the facts concerned (then the same facts count), and given back with the request's knownAt.
 * An answer is cached only when the facts it was computed from are exactly those the version counts. Requests with
 * an earlier knownAt are computed from the facts.
 *
 * <p>Scorecards, histories and the instrument check run without a database transaction of their own (in one if the
 * caller has one): they read with plain JDBC, one connection for the call, and need no snapshot across statements
 * (the version check above is what keeps a cached answer exact). On a cache hit that spares the begin and commit of a
 * JPA transaction (a Hibernate session each; with the ledger's, about a tenth of a cached scorecard read). The ranking
 * keeps its read-only transaction: it streams every state's facts with a fetch size, which PostgreSQL honours only
 * inside a transaction.
 */
@Component
@Transactional(readOnly = true)
public class ScorecardQueries {

    /**
     * How many facts of each norm's basis a scorecard shows ({@link #scorecardWithLatestBasis}): the latest ones, the
     * last of the basis order (recorded time, then event id). The whole basis is {@link #scorecard}'s.
     */
    public static final int LATEST_BASIS = 20;

    /** A ranking reads the facts of at most this many states one by one; more are read in one pass. */
    private static final int STATE_BY_STATE = 8;

    private final ScorecardFactReader reader;
    private final ScorecardVersions versions;
    private final ScorecardCache cache;
    private final MethodologyV1 methodology = new MethodologyV1();
    /** Instruments found to exist (never removed: see {@link #instrumentExists}). As many as there are instruments. */
    private final Set<String> knownInstruments = ConcurrentHashMap.newKeySet();

    ScorecardQueries(ScorecardFactReader reader, ScorecardVersions versions, ScorecardCache cache) {
        this.reader = reader;
        this.versions = versions;
        this.cache = cache;
    }

    /**
     * Whether the instrument was ever recorded (at any time: an instrument is never deleted). An instrument found
     * once is remembered: every later answer would be yes (the log only grows, and a restore goes into an
     * installation that holds nothing but its seed), so only instruments not found yet are looked up again.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public boolean instrumentExists(InstrumentId instrument) {
        if (knownInstruments.contains(instrument.value())) {
            return true;
        }
        boolean exists = reader.instrumentCreated(instrument.value());
        if (exists) {
            knownInstruments.add(instrument.value());
        }
        return exists;
    }

    /**
     * The state's scorecard with every fact each norm's score rests on (the whole basis, which grows with the facts):
     * for paging through a norm's basis. Cached like every answer here.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Scorecard scorecard(StateCode state, InstrumentId instrument, LocalDate asOf, Instant knownAt) {
        Versions known = versions(state, instrument, knownAt);
        return full(known, state, instrument, asOf, knownAt).card();
    }

    /**
     * The state's scorecard as the API shows it: each norm line lists only the latest {@link #LATEST_BASIS} facts of
     * its basis and counts them all ({@link NormScore#basisTotal()}), so that its size does not grow with the facts.
     * Computed from the same full scorecard as {@link #scorecard}, and cached apart from it.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Scorecard scorecardWithLatestBasis(StateCode state, InstrumentId instrument, LocalDate asOf,
                                              Instant knownAt) {
        Versions known = versions(state, instrument, knownAt);
        ScorecardCache.ScoreKey key = known.key(asOf);
        if (key == null) {
            return full(known, state, instrument, asOf, knownAt).card().withLatestBasis(LATEST_BASIS);
        }
        Scorecard cached = cache.latest(key);
        if (cached != null) {
            return withKnownAt(cached, knownAt);
        }
        Computed full = full(known, state, instrument, asOf, knownAt);
        Scorecard cut = full.card().withLatestBasis(LATEST_BASIS);
        if (full.exact()) {
            cache.putLatest(key, cut);
        }
        return cut;
    }

    /** A full scorecard, and whether it was computed from exactly the facts the versions count (so may be cached). */
    private record Computed(Scorecard card, boolean exact) {
    }

    private Computed full(Versions known, StateCode state, InstrumentId instrument, LocalDate asOf,
                          Instant knownAt) {
        ScorecardCache.ScoreKey key = known.key(asOf);
        if (key == null) {
            return new Computed(methodology.score(read(state, instrument, knownAt).input(), asOf, knownAt), false);
        }
        Scorecard cached = cache.scorecard(key);
        if (cached != null) {
            return new Computed(withKnownAt(cached, knownAt), true);
        }
        Read read = read(state, instrument, knownAt);
        Scorecard card = methodology.score(read.input(), asOf, knownAt);
        boolean exact = read.matches(known.own(), known.theirs());
        if (exact) {
            cache.putScorecard(key, card);
        }
        return new Computed(card, exact);
    }

    /**
     * The versions of the instrument's facts and of the state's, as read now; {@code cacheable} when the cache is on
     * and every fact they count was recorded by {@code knownAt} (then the cached answer for "everything recorded"
     * is the answer).
     */
    private record Versions(String instrument, String state, Version own, Version theirs, boolean cacheable) {

        /** The cache key of a scorecard at {@code asOf}, or {@code null} if the answer may not come from the cache. */
        ScorecardCache.ScoreKey key(LocalDate asOf) {
            return cacheable ? new ScorecardCache.ScoreKey(instrument, state, asOf, ScorecardCache.Stamp.of(own,
                    theirs)) : null;
        }
    }

    private Versions versions(StateCode state, InstrumentId instrument, Instant knownAt) {
        if (!cache.enabled()) {
            return new Versions(instrument.value(), state.value(), null, null, false);
        }
        Map<String, Version> known = versions.of(instrument.value(), state.value());
        Version own = known.get(ScorecardVersion.INSTRUMENT);
        Version theirs = known.get(state.value());
        return new Versions(instrument.value(), state.value(), own, theirs, covers(own, knownAt)
                && covers(theirs, knownAt));
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<HistoryPoint> history(StateCode state, InstrumentId instrument, LocalDate from, LocalDate to,
                                      Step step, Instant knownAt) {
        Map<String, Version> known = cache.enabled() ? versions.of(instrument.value(), state.value()) : null;
        Version own = known == null ? null : known.get(ScorecardVersion.INSTRUMENT);
        Version theirs = known == null ? null : known.get(state.value());
        if (known == null || !covers(own, knownAt) || !covers(theirs, knownAt)) {
            return methodology.history(read(state, instrument, knownAt).input(), from, to, step, knownAt);
        }
        ScorecardCache.HistoryKey key = new ScorecardCache.HistoryKey(instrument.value(), state.value(), from, to,
                step, ScorecardCache.Stamp.of(own, theirs));
        List<HistoryPoint> cached = cache.history(key);
        if (cached != null) {
            return cached;
        }
        if (step == Step.MONTH) {
            MonthlySeries series = cache.series(new ScorecardCache.SeriesKey(instrument.value(), state.value(),
                    key.stamp()));
            Optional<List<HistoryPoint>> answer = series == null ? Optional.empty() : series.history(from, to);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        Read read = read(state, instrument, knownAt);
        List<HistoryPoint> points = methodology.history(read.input(), from, to, step, knownAt);
        if (read.matches(own, theirs)) {
            cache.putHistory(key, points);
        }
        return points;
    }

    /**
     * Computes and caches the answers a state's first reads at {@code today} ask for, if they are not cached yet:
     * the scorecard as the API shows it, with its score for the ranking, and the {@link MonthlySeries} of its scores
     * up to {@code today}, which answers every monthly history that ends on a month's end or today. Both from one
     * read of the facts, recorded by {@code now}. Nothing is cached unless the facts read are exactly those the
     * versions count (as for every cached answer).
     *
     * @return whether the answers are kept (cached already, or now)
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public boolean keep(StateCode state, InstrumentId instrument, LocalDate today, Instant now) {
        Versions known = versions(state, instrument, now);
        ScorecardCache.ScoreKey key = known.key(today);
        if (key == null) {
            return false;
        }
        ScorecardCache.SeriesKey seriesKey = new ScorecardCache.SeriesKey(key.instrument(), key.state(), key.stamp());
        MonthlySeries series = cache.peekSeries(seriesKey);
        boolean scorecard = cache.holdsLatest(key);
        boolean history = series != null && !series.to().isBefore(today);
        if (scorecard && history) {
            return true;
        }
        Read read = read(state, instrument, now);
        if (!read.matches(known.own(), known.theirs())) {
            return false;
        }
        if (!scorecard) {
            // Only the cut scorecard: the full one (every basis fact) is computed when a client pages through a basis.
            cache.putLatest(key, methodology.score(read.input(), today, now).withLatestBasis(LATEST_BASIS));
        }
        if (!history) {
            cache.putSeries(seriesKey, methodology.monthlySeries(read.input(), today, now));
        }
        return true;
    }

    /**
     * Every state with at least one fact under the instrument recorded by {@code knownAt} (of any kind, including
     * a signature, and whatever its date), scored at {@code asOf} and ordered by {@link Ranking}.
     */
    public List<RankedState> ranking(InstrumentId instrument, LocalDate asOf, Instant knownAt) {
        Map<String, Version> known = cache.enabled() ? versions.ofInstrument(instrument.value()) : null;
        Version own = known == null ? null : known.remove(ScorecardVersion.INSTRUMENT);
        if (known == null || !covers(own, knownAt)) {
            return rankingFromFacts(instrument, asOf, knownAt);
        }
        Map<StateCode, BigDecimal> scores = new HashMap<>();
        Map<String, Version> missing = new TreeMap<>();
        for (Map.Entry<String, Version> entry : known.entrySet()) {
            Version theirs = entry.getValue();
            if (covers(theirs, knownAt)) {
                Optional<BigDecimal> cached = cache.score(new ScorecardCache.ScoreKey(instrument.value(),
                        entry.getKey(), asOf, ScorecardCache.Stamp.of(own, theirs)));
                if (cached != null) {
                    scores.put(StateCode.of(entry.getKey()), cached.orElse(null));
                    continue;
                }
            }
            missing.put(entry.getKey(), theirs);
        }
        if (!missing.isEmpty()) {
            Facts instrumentFacts = reader.instrumentFacts(instrument.value(), knownAt);
            boolean instrumentMatches = instrumentFacts.rows() == count(own);
            BiConsumer<String, Facts> score = (code, facts) -> {
                StateCode state = StateCode.of(code);
                BigDecimal value = methodology.score(new ScoringInput(state, instrument, instrumentFacts.facts(),
                        facts.facts()), asOf, knownAt).score();
                scores.put(state, value);
                Version theirs = missing.get(code);
                if (instrumentMatches && covers(theirs, knownAt) && facts.rows() == count(theirs)) {
                    cache.putScore(new ScorecardCache.ScoreKey(instrument.value(), code, asOf,
                            ScorecardCache.Stamp.of(own, theirs)), value);
                }
            };
            if (missing.size() <= STATE_BY_STATE) {
                for (String code : missing.keySet()) {
                    Facts facts = reader.stateFacts(instrument.value(), code, knownAt);
                    if (facts.rows() > 0) {
                        score.accept(code, facts);
                    }
                }
            } else {
                reader.eachState(instrument.value(), knownAt, missing.keySet(), score);
            }
        }
        return Ranking.rank(scores);
    }

    /** The ranking computed from the facts recorded by {@code knownAt}, one state at a time, with no cache. */
    private List<RankedState> rankingFromFacts(InstrumentId instrument, LocalDate asOf, Instant knownAt) {
        List<Fact> instrumentFacts = reader.instrumentFacts(instrument.value(), knownAt).facts();
        Map<StateCode, BigDecimal> scores = new HashMap<>();
        reader.eachState(instrument.value(), knownAt, null, (code, facts) -> {
            StateCode state = StateCode.of(code);
            scores.put(state, methodology.score(new ScoringInput(state, instrument, instrumentFacts, facts.facts()),
                    asOf, knownAt).score());
        });
        return Ranking.rank(scores);
    }

    /**
     * The events recorded at or after {@code from} and before {@code to} that changed the state's scorecard at
     * {@code asOf}, in log order, each with the scorecard just before it was recorded and the scorecard with it.
     * Both are scored by methodology v1 with knownAt = the event's recorded instant; "just before" leaves out the
     * event itself and any event recorded at the same instant later in the log, so that events sharing an instant
     * are taken one by one in log order. Read from the scorecard facts (instrument facts and the state's facts).
     *
     * @param maxEvents the most events the window may hold; more throws {@link IllegalArgumentException}
     */
    public List<ScoreChange> changes(StateCode state, InstrumentId instrument, LocalDate asOf, Instant from,
                                     Instant to, int maxEvents) {
        List<Positioned> instrumentFacts = positioned(reader.instrumentRows(instrument.value(), to));
        List<Positioned> stateFacts = positioned(reader.stateRows(instrument.value(), state.value(), to));
        List<Positioned> window = new ArrayList<>();
        for (List<Positioned> facts : List.of(instrumentFacts, stateFacts)) {
            for (Positioned fact : facts) {
                Instant at = fact.fact().ref().recordedAt();
                if (!at.isBefore(from) && at.isBefore(to)) {
                    window.add(fact);
                }
            }
        }
        if (window.size() > maxEvents) {
            throw new IllegalArgumentException("from " + from + " to " + to + " holds " + window.size()
                    + " recorded facts of this state and instrument; at most " + maxEvents + " are examined: "
                    + "narrow the range");
        }
        window.sort(java.util.Comparator.comparingLong(Positioned::position));
        List<ScoreChange> changes = new ArrayList<>();
        for (Positioned event : window) {
            Instant at = event.fact().ref().recordedAt();
            Scorecard before = methodology.score(new ScoringInput(state, instrument,
                    known(instrumentFacts, event, false), known(stateFacts, event, false)), asOf, at);
            Scorecard after = methodology.score(new ScoringInput(state, instrument,
                    known(instrumentFacts, event, true), known(stateFacts, event, true)), asOf, at);
            if (!ScoreChange.sameResult(before, after)) {
                changes.add(new ScoreChange(event.fact().ref(), event.position(), before, after));
            }
        }
        return changes;
    }

    /** A fact with its place in the log. */
    private record Positioned(Fact fact, long position) {
    }

    private static List<Positioned> positioned(List<ScorecardFactReader.Row> rows) {
        List<Positioned> facts = new ArrayList<>(rows.size());
        for (ScorecardFactReader.Row row : rows) {
            if (row.fact() != null) {
                facts.add(new Positioned(row.fact(), row.position()));
            }
        }
        return facts;
    }

    /**
     * The facts known at the event's recorded instant, leaving out those recorded at that same instant later in the
     * log, and the event itself unless {@code including}.
     */
    private static List<Fact> known(List<Positioned> facts, Positioned event, boolean including) {
        Instant at = event.fact().ref().recordedAt();
        List<Fact> known = new ArrayList<>(facts.size());
        for (Positioned fact : facts) {
            Instant recorded = fact.fact().ref().recordedAt();
            if (recorded.isBefore(at) || (recorded.equals(at) && (fact.position() < event.position()
                    || (including && fact.position() == event.position())))) {
                known.add(fact.fact());
            }
        }
        return known;
    }

    /** The facts read for one scorecard, with how many rows they came from. */
    private record Read(ScoringInput input, long instrumentRows, long stateRows) {

        /** Whether these are exactly the facts the versions count (nothing committed in between). */
        boolean matches(Version instrument, Version state) {
            return instrumentRows == count(instrument) && stateRows == count(state);
        }
    }

    private Read read(StateCode state, InstrumentId instrument, Instant knownAt) {
        Facts instrumentFacts = reader.instrumentFacts(instrument.value(), knownAt);
        Facts stateFacts = reader.stateFacts(instrument.value(), state.value(), knownAt);
        return new Read(new ScoringInput(state, instrument, instrumentFacts.facts(), stateFacts.facts()),
                instrumentFacts.rows(), stateFacts.rows());
    }

    /** Whether every fact the version counts was recorded at or before {@code knownAt} (true if there is none). */
    private static boolean covers(Version version, Instant knownAt) {
        return version == null || !knownAt.isBefore(version.lastRecordedAt());
    }

    private static long count(Version version) {
        return version == null ? 0 : version.count();
    }

    private static Scorecard withKnownAt(Scorecard card, Instant knownAt) {
        return card.knownAt().equals(knownAt) ? card : new Scorecard(card.state(), card.instrument(),
                card.methodology(), card.asOf(), knownAt, card.score(), card.norms());
    }
}
