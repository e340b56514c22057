package org.cybernorms.compliance.assistance.view;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.cybernorms.compliance.assistance.api.AssistanceEvents;
import org.cybernorms.compliance.projection.ReadModelTables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps every assistance fact with its event id, valid date, recorded instant and place in the log. Runs in its own
 * streaming processor, so that a write waits for it (read your writes) and a replay rebuilds it. Idempotent (one row
 * per event id, saved again on redelivery) and replay-safe (a reset clears the table).
 */
@Component
@ProcessingGroup(AssistanceProjection.PROCESSING_GROUP)
public class AssistanceProjection {

    public static final String PROCESSING_GROUP = "assistance";

    private final AssistanceFactRowRepository rows;
    private final JdbcTemplate jdbc;

    public AssistanceProjection(AssistanceFactRowRepository rows, JdbcTemplate jdbc) {
        this.rows = rows;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AssistanceEvents event, EventMessage<?> message, TrackingToken token) {
        long position = token == null ? -1 : token.position().orElse(-1);
        if (position < 0) {
            throw new IllegalStateException("The assistance facts need the event's position in the log; run "
                    + PROCESSING_GROUP + " in a streaming event processor");
        }
        rows.save(AssistanceFactRow.of(event, message.getIdentifier(), message.getTimestamp(), position));
    }

    @ResetHandler
    void reset() {
        ReadModelTables.truncate(jdbc, "rm_assistance_fact");
    }
}
