package org.cybernorms.compliance.scorecard.view;

import org.cybernorms.compliance.crosswalk.api.Relation;
import org.cybernorms.compliance.instrument.api.TreatyTerms;
import org.cybernorms.compliance.scorecard.methodology.Fact;
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

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
        TreatyStatus.Status status = TreatyStatus.asOf(terms, participation.steps(treaty, knownAt), asOf);
        TreatyStatus.Participant participant = status.participant(state.value()).orElse(null);
        TreatyScoring.Binding binding = participant == null ? TreatyScoring.Binding.NEVER
                : new TreatyScoring.Binding(participant.inForceFrom(), participant.denunciationEffectiveOn());

        List<TreatyScoring.CarryingMapping> mappings = new ArrayList<>();
        Map<String, List<Fact>> sourceFacts = new LinkedHashMap<>();
        for (Mapping mapping : Mapping.inEffect(crosswalks.onto(treaty, knownAt), asOf)) {
            if (mapping.relation() != Relation.EQUIVALENT) {
                continue;
            }
            mappings.add(new TreatyScoring.CarryingMapping(mapping.crosswalkId(), mapping.from(),
                    NormCode.of(mapping.sourceNorm()), NormCode.of(mapping.targetNorm())));
            sourceFacts.computeIfAbsent(mapping.from(),
                    source -> reader.stateFacts(source, state.value(), knownAt).facts());
        }
        ScoringInput input = new ScoringInput(state, treaty, reader.instrumentFacts(treaty.value(), knownAt).facts(),
                reader.stateFacts(treaty.value(), state.value(), knownAt).facts());
        return new Answer(scoring.score(input, binding, mappings, sourceFacts, asOf, knownAt), status, participant);
    }
}
