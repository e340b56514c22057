package org.cybernorms.compliance.assistance.view;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.cybernorms.compliance.assistance.api.AssistanceEvents;
import org.cybernorms.compliance.projection.LogPositions;
import org.springframework.stereotype.Component;

/**
 * Keeps every assistance fact with its event id, valid date, recorded instant and place in the log. Runs in its own
 * streaming processor, so that a write waits for it (read your writes) and a replay rebuilds it. Idempotent (one row
 * per event id; an event handled again changes nothing) and replay-safe (a reset clears the table). Each new row is
 * counted in {@code rm_assistance_version} in the same transaction ({@link AssistanceVersions}), which keys the cache
 * of ledgers; a reset clears the version and this node's cache too.
 */
@Component
@ProcessingGroup(AssistanceProjection.PROCESSING_GROUP)
public class AssistanceProjection {

    public static final String PROCESSING_GROUP = "assistance";

    private final AssistanceFactWriter writer;
    private final LogPositions positions;

    AssistanceProjection(AssistanceFactWriter writer, LogPositions positions) {
        this.writer = writer;
        this.positions = positions;
    }

    @EventHandler
    void on(AssistanceEvents event, EventMessage<?> message, TrackingToken token) {
        long position = positions.of(message.getIdentifier(), token);
        if (position < 0) {
            throw new IllegalStateException("The assistance facts need the event's position in the log; run "
                    + PROCESSING_GROUP + " in a streaming event processor");
        }
        writer.keep(AssistanceFactRow.of(event, message.getIdentifier(), message.getTimestamp(), position));
    }

    @ResetHandler
    void reset() {
        writer.clear();
    }
}
