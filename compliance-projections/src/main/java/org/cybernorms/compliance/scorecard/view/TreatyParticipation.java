package org.cybernorms.compliance.scorecard.view;

import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.treaty.ParticipationStep;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every participant's steps under an instrument, as recorded by a moment, read from the scorecard facts (which keep
 * every participation event with both its times): what {@link org.cybernorms.compliance.treaty.TreatyStatus} derives a
 * treaty's status from. Reading the facts of every state under the instrument costs what a ranking costs; a treaty
 * has few facts of its own.
 */
@Component
public class TreatyParticipation {

    private final ScorecardFactReader reader;

    TreatyParticipation(ScorecardFactReader reader) {
        this.reader = reader;
    }

    /**
     * The steps of every participant under {@code instrument} recorded by {@code knownAt}: the organisations' (kept
     * among the instrument's own facts), then every state's, by state, each in log order.
     */
    @Transactional(readOnly = true)
    public List<ParticipationStep> steps(InstrumentId instrument, Instant knownAt) {
        List<ParticipationStep> steps = new ArrayList<>();
        for (FactRow row : reader.factRows(instrument.value(), ScorecardVersion.INSTRUMENT, knownAt)) {
            if ("OrganisationParticipationRecorded".equals(row.type())) {
                steps.add(ParticipationStep.step(row.subjectId(), ParticipationStep.Kind.valueOf(row.title()),
                        row.validOn(), row.recordedAt()));
            }
        }
        for (FactRow row : reader.allStateFactRows(instrument.value(), knownAt)) {
            ParticipationStep.Kind.ofEventType(row.type()).ifPresent(kind -> steps.add(new ParticipationStep(
                    row.stateCode(), kind, row.validOn(), row.recordedAt(), row.normCode(),
                    kind == ParticipationStep.Kind.OBJECTED ? row.subjectId() : null, null)));
        }
        return steps;
    }
}
