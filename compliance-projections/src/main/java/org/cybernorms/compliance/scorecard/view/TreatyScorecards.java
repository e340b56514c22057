package org.cybernorms.compliance.scorecard.view;

import org.cybernorms.compliance.crosswalk.api.Relation;
import org.cybernorms.compliance.instrument.api.TreatyTerms;
import org.cybernorms.compliance.scorecard.methodology.Fact;
import org.cybernorms.compliance.scorecard.methodology.HistoryPoint;
import org.cybernorms.compliance.scorecard.methodology.Step;
import org.cybernorms.compliance.treaty.ParticipationStep;
import org.cybernorms.compliance.scorecard.methodology.Scorecard;
import org.cybernorms.compliance.scorecard.methodology.ScoringInput;
import org.cybernorms.compliance.scorecard.methodology.TreatyScoring;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.cybernorms.compliance.treaty.Mapping;
import org.cybernorms.compliance.treaty.TreatyStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scorecards under a treaty ({@link TreatyScoring}), read from the scorecard facts with both times: the treaty's own
 * facts and the crosswalk mappings onto it (its instrument facts), the state's facts under the treaty, every
 * participant's steps (for when the treaty entered into force for the state), and the state's facts under each source
 * instrument of an EQUIVALENT mapping. A treaty scorecard depends on facts of other states and other instruments, so
 * it is computed on every request and never cached under the treaty's and the state's versions alone.
 */
@Component
public class TreatyScorecards {

    private final ScorecardFactReader reader;
    private final TreatyParticipation participation;
    private final CrosswalkFacts crosswalks;
    private final TreatyScoring scoring = new TreatyScoring();

    TreatyScorecards(ScorecardFactReader reader, TreatyParticipation participation, CrosswalkFacts crosswalks) {
        this.reader = reader;
        this.participation = participation;
        this.crosswalks = crosswalks;
    }

    /**
     * A treaty scorecard and what it rests on besides the facts.
     *
     * @param status      the treaty's status at asOf, as known at knownAt
     * @param participant the state's row of that status; null if it took no step by asOf
     */
    public record Answer(Scorecard card, TreatyStatus.Status status, TreatyStatus.Participant participant) {
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Answer scorecard(StateCode state, InstrumentId treaty, TreatyTerms terms, LocalDate asOf,
                            Instant knownAt) {
        Known known = known(treaty, terms, knownAt);
        return score(state, known, reader.stateFacts(treaty.value(), state.value(), knownAt).facts(),
                sourceFacts(state, known, knownAt), asOf, knownAt);
    }

    /**
     * The ranking under a treaty: every state with at least one fact under it recorded by knownAt, scored at asOf
     * under the treaty's rules, ordered as every ranking ({@link Ranking}).
     */
    @Transactional(readOnly = true)
    public List<RankedState> ranking(InstrumentId treaty, TreatyTerms terms, LocalDate asOf, Instant knownAt) {
        Known known = known(treaty, terms, knownAt);
        Map<StateCode, BigDecimal> scores = new HashMap<>();
        reader.eachState(treaty.value(), knownAt, null, (code, facts) -> {
            StateCode state = StateCode.of(code);
            scores.put(state, score(state, known, facts.facts(), sourceFacts(state, known, knownAt), asOf, knownAt)
                    .card().score());
        });
        return Ranking.rank(scores);
    }

    /** A state's score under a treaty at each date of a history, all read with the same knownAt. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<HistoryPoint> history(StateCode state, InstrumentId treaty, TreatyTerms terms, LocalDate from,
                                      LocalDate to, Step step, Instant knownAt) {
        Known known = known(treaty, terms, knownAt);
        List<Fact> stateFacts = reader.stateFacts(treaty.value(), state.value(), knownAt).facts();
        Map<String, List<Fact>> sourceFacts = sourceFacts(state, known, knownAt);
        List<HistoryPoint> points = new ArrayList<>();
        for (LocalDate date : TreatyScoring.historyDates(from, to, step)) {
            points.add(new HistoryPoint(date, score(state, known, stateFacts, sourceFacts, date, knownAt).card()
                    .score()));
        }
        return points;
    }

    /**
     * The events recorded at or after {@code from} and before {@code to} that changed the state's scorecard under the
     * treaty at {@code asOf}, in log order, each with the scorecard just before its recorded instant and the scorecard
     * at it. A treaty scorecard rests on more than the state's own facts, so the candidates are: the treaty's own
     * facts (its norms, the crosswalk mappings onto it, organisations' steps), every participant's steps (they decide
     * entry into force), the state's facts under the treaty, and its facts under every instrument an EQUIVALENT
     * mapping known by {@code to} comes from. Events recorded at the same instant are scored together; the change is
     * shown on the last of them in log order.
     *
     * @param maxEvents the most candidate events the window may hold; more throws {@link IllegalArgumentException}
     */
    @Transactional(readOnly = true)
    public List<ScoreChange> changes(StateCode state, InstrumentId treaty, TreatyTerms terms, LocalDate asOf,
                                     Instant from, Instant to, int maxEvents) {
        List<FactRow> candidates = new ArrayList<>();
        candidates.addAll(reader.factRows(treaty.value(), ScorecardVersion.INSTRUMENT, to));
        for (FactRow row : reader.allStateFactRows(treaty.value(), to)) {
            if (state.value().equals(row.stateCode()) || ParticipationStep.Kind.ofEventType(row.type()).isPresent()) {
                candidates.add(row);
            }
        }
        for (String source : sourceFacts(state, known(treaty, terms, to), to).keySet()) {
            candidates.addAll(reader.factRows(source, state.value(), to));
        }
        java.util.TreeMap<Long, FactRow> window = new java.util.TreeMap<>();
        for (FactRow row : candidates) {
            if (!row.recordedAt().isBefore(from) && row.recordedAt().isBefore(to)) {
                window.put(row.position(), row);
            }
        }
        if (window.size() > maxEvents) {
            throw new IllegalArgumentException("from " + from + " to " + to + " holds " + window.size()
                    + " recorded facts that the treaty scorecard of this state rests on; at most " + maxEvents
                    + " are examined: narrow the range");
        }
        Map<Instant, FactRow> lastAtInstant = new LinkedHashMap<>();
        for (FactRow row : window.values()) {
            lastAtInstant.remove(row.recordedAt());
            lastAtInstant.put(row.recordedAt(), row);
        }
        List<ScoreChange> changes = new ArrayList<>();
        for (FactRow event : lastAtInstant.values()) {
            Instant at = event.recordedAt();
            Scorecard before = scorecard(state, treaty, terms, asOf, at.minusNanos(1)).card();
            Scorecard after = scorecard(state, treaty, terms, asOf, at).card();
            if (!ScoreChange.sameResult(before, after)) {
                changes.add(new ScoreChange(event.ref(), event.position(), before, after));
            }
        }
        changes.sort(java.util.Comparator.comparingLong(ScoreChange::position));
        return changes;
    }

    /** What every scorecard under the treaty reads, as recorded by knownAt, whatever the state and the date. */
    private record Known(InstrumentId treaty, TreatyTerms terms, List<ParticipationStep> steps,
                         List<Mapping.Fact> mappings, List<Fact> instrumentFacts) {
    }

    private Known known(InstrumentId treaty, TreatyTerms terms, Instant knownAt) {
        return new Known(treaty, terms, participation.steps(treaty, knownAt), crosswalks.onto(treaty, knownAt),
                reader.instrumentFacts(treaty.value(), knownAt).facts());
    }

    /** The state's facts under every instrument an EQUIVALENT mapping onto the treaty comes from (at any date). */
    private Map<String, List<Fact>> sourceFacts(StateCode state, Known known, Instant knownAt) {
        Map<String, List<Fact>> sourceFacts = new LinkedHashMap<>();
        for (Mapping.Fact mapping : known.mappings()) {
            if (mapping.relation() == Relation.EQUIVALENT) {
                sourceFacts.computeIfAbsent(mapping.from(),
                        source -> reader.stateFacts(source, state.value(), knownAt).facts());
            }
        }
        return sourceFacts;
    }

    private Answer score(StateCode state, Known known, List<Fact> stateFacts, Map<String, List<Fact>> sourceFacts,
                         LocalDate asOf, Instant knownAt) {
        TreatyStatus.Status status = TreatyStatus.asOf(known.terms(), known.steps(), asOf);
        TreatyStatus.Participant participant = status.participant(state.value()).orElse(null);
        TreatyScoring.Binding binding = participant == null ? TreatyScoring.Binding.NEVER
                : new TreatyScoring.Binding(participant.inForceFrom(), participant.denunciationEffectiveOn());
        List<TreatyScoring.CarryingMapping> mappings = new ArrayList<>();
        for (Mapping mapping : Mapping.inEffect(known.mappings(), asOf)) {
            if (mapping.relation() == Relation.EQUIVALENT) {
                mappings.add(new TreatyScoring.CarryingMapping(mapping.crosswalkId(), mapping.from(),
                        NormCode.of(mapping.sourceNorm()), NormCode.of(mapping.targetNorm())));
            }
        }
        ScoringInput input = new ScoringInput(state, known.treaty(), known.instrumentFacts(), stateFacts);
        return new Answer(scoring.score(input, binding, mappings, sourceFacts, asOf, knownAt), status, participant);
    }
}
