package org.cybernorms.compliance.history;

import java.time.Instant;

/** An event payload as it was recorded: its identifier, its recording instant and its payload. */
public record RecordedEvent(String eventId, Instant recordedAt, Object payload) {
}
