package org.cybernorms.compliance.scorecard.view;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.cybernorms.compliance.commitment.api.CommitmentEvents;
import org.cybernorms.compliance.crosswalk.api.CrosswalkEvents;
import org.cybernorms.compliance.instrument.api.InstrumentEvents;
import org.cybernorms.compliance.participation.api.OrganisationParticipationEvents;
import org.cybernorms.compliance.participation.api.ParticipationEvents;
import org.cybernorms.compliance.projection.LogPositions;
import org.cybernorms.compliance.violation.api.ViolationEvents;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every fact a scorecard reads, with its event id, valid date, recorded instant and place in the log. Runs in
 * its own streaming processor, so that a write waits for it (read your writes) and a replay rebuilds it.
 * Idempotent (one row per event id; an event handled again changes nothing) and replay-safe (a reset clears the
 * table). Each new row is counted in {@code rm_scorecard_version} in the same transaction ({@link ScorecardVersions}),
 * which keys the cache of computed answers; a reset clears the versions and this node's cache too. Errors are
 * propagated, never logged and skipped: the processor retries the event rather than lose a fact. The facts of a
 * processor's batch are kept together as the batch commits ({@link ScorecardFactWriter#keepAll}): a block with many
 * of them is read and written once.
 */
@Component
@ProcessingGroup(ScorecardFactsProjection.PROCESSING_GROUP)
public class ScorecardFactsProjection {

    public static final String PROCESSING_GROUP = "scorecards";
    /** The facts of the running unit of work, kept when it commits. */
    private static final String PENDING = ScorecardFactsProjection.class.getName() + ".pending";

    private final ScorecardFactWriter writer;
    private final LogPositions positions;

    ScorecardFactsProjection(ScorecardFactWriter writer, LogPositions positions) {
        this.writer = writer;
        this.positions = positions;
    }

    @EventHandler
    void on(InstrumentEvents event, EventMessage<?> message, TrackingToken token) {
        keep(event, message, token);
    }

    @EventHandler
    void on(ParticipationEvents event, EventMessage<?> message, TrackingToken token) {
        keep(event, message, token);
    }

    @EventHandler
    void on(OrganisationParticipationEvents event, EventMessage<?> message, TrackingToken token) {
        keep(event, message, token);
    }

    @EventHandler
    void on(CrosswalkEvents event, EventMessage<?> message, TrackingToken token) {
        keep(event, message, token);
    }

    @EventHandler
    void on(CommitmentEvents event, EventMessage<?> message, TrackingToken token) {
        keep(event, message, token);
    }

    @EventHandler
    void on(ViolationEvents event, EventMessage<?> message, TrackingToken token) {
        keep(event, message, token);
    }

    @ResetHandler
    void reset() {
        writer.clear();
    }

    private void keep(Object event, EventMessage<?> message, TrackingToken token) {
        long position = positions.of(message.getIdentifier(), token);
        if (position < 0) {
            throw new IllegalStateException("The scorecard facts need the event's position in the log; run "
                    + PROCESSING_GROUP + " in a streaming event processor");
        }
        FactRow.of(event, message.getIdentifier(), message.getTimestamp(), position).ifPresent(this::keep);
    }

    /**
     * Keeps a fact with the others of its unit of work (the processor's batch), all of them just before the batch
     * commits, in its transaction; at once where there is no unit of work.
     */
    private void keep(FactRow row) {
        if (!CurrentUnitOfWork.isStarted()) {
            writer.keep(row);
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        List<FactRow> pending = unitOfWork.getOrComputeResource(PENDING, key -> {
            List<FactRow> rows = new ArrayList<>();
            unitOfWork.onPrepareCommit(committing -> writer.keepAll(rows));
            return rows;
        });
        pending.add(row);
    }
}
