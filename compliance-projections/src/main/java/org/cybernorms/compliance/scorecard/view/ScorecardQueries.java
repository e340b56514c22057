package org.cybernorms.compliance.scorecard.view;

import org.cybernorms.compliance.scorecard.methodology.Fact;
import org.cybernorms.compliance.scorecard.methodology.HistoryPoint;
import org.cybernorms.compliance.scorecard.methodology.MethodologyV1;
import org.cybernorms.compliance.scorecard.methodology.Scorecard;
import org.cybernorms.compliance.scorecard.methodology.ScoringInput;
import org.cybernorms.compliance.scorecard.methodology.Step;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.StateCode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scorecards, rankings and histories under methodology v1, read from the scorecard facts (never from the event log).
 * A scorecard reads the instrument's facts and the one state's facts; a ranking reads the facts of every state under
 * the instrument once.
 */
@Component
@Transactional(readOnly = true)
public class ScorecardQueries {

    private static final String INSTRUMENT_CREATED = "InstrumentCreated";

    private final FactRowRepository rows;
    private final MethodologyV1 methodology = new MethodologyV1();

    public ScorecardQueries(FactRowRepository rows) {
        this.rows = rows;
    }

    /** Whether the instrument was ever recorded (at any time: an instrument is never deleted). */
    public boolean instrumentExists(InstrumentId instrument) {
        return rows.existsByInstrumentIdAndType(instrument.value(), INSTRUMENT_CREATED);
    }

    public Scorecard scorecard(StateCode state, InstrumentId instrument, LocalDate asOf, Instant knownAt) {
        return methodology.score(input(state, instrument, knownAt), asOf, knownAt);
    }

    public List<HistoryPoint> history(StateCode state, InstrumentId instrument, LocalDate from, LocalDate to,
                                      Step step, Instant knownAt) {
        return methodology.history(input(state, instrument, knownAt), from, to, step, knownAt);
    }

    /**
     * Every state with at least one fact under the instrument recorded by {@code knownAt} (of any kind, including
     * a signature, and whatever its date), scored at {@code asOf} and ordered by {@link Ranking}.
     */
    public List<RankedState> ranking(InstrumentId instrument, LocalDate asOf, Instant knownAt) {
        List<Fact> instrumentFacts = facts(rows.instrumentFacts(instrument.value(), knownAt));
        Map<StateCode, List<Fact>> byState = new LinkedHashMap<>();
        for (FactRow row : rows.allStateFacts(instrument.value(), knownAt)) {
            List<Fact> facts = byState.computeIfAbsent(StateCode.of(row.stateCode()), s -> new ArrayList<>());
            row.toFact().ifPresent(facts::add);
        }
        Map<StateCode, BigDecimal> scores = new LinkedHashMap<>();
        byState.forEach((state, facts) -> scores.put(state, methodology.score(
                new ScoringInput(state, instrument, instrumentFacts, facts), asOf, knownAt).score()));
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
        List<Positioned> instrumentFacts = positioned(rows.instrumentFacts(instrument.value(), to));
        List<Positioned> stateFacts = positioned(rows.stateFacts(instrument.value(), state.value(), to));
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

    private static List<Positioned> positioned(List<FactRow> rows) {
        List<Positioned> facts = new ArrayList<>(rows.size());
        for (FactRow row : rows) {
            row.toFact().ifPresent(fact -> facts.add(new Positioned(fact, row.position())));
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

    private ScoringInput input(StateCode state, InstrumentId instrument, Instant knownAt) {
        return new ScoringInput(state, instrument,
                facts(rows.instrumentFacts(instrument.value(), knownAt)),
                facts(rows.stateFacts(instrument.value(), state.value(), knownAt)));
    }

    private static List<Fact> facts(List<FactRow> rows) {
        List<Fact> facts = new ArrayList<>(rows.size());
        for (FactRow row : rows) {
            row.toFact().ifPresent(facts::add);
        }
        return facts;
    }
}
