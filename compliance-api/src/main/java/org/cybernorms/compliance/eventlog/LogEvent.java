package org.cybernorms.compliance.eventlog;

import org.axonframework.messaging.MetaData;

import java.time.Instant;

/**
 * One event of the log as read through the upcasters: its place in the log (the global position), identifier,
 * aggregate, recorded time, payload (at its current revision) and metadata.
 *
 * @param aggregateType     the aggregate's type, such as {@code ViolationReport}; {@code null} if the event was not
 *                          published by an aggregate
 * @param aggregateSequence the event's number within its aggregate, from 0
 */
public record LogEvent(long position, String eventId, String aggregateType, String aggregateId,
                       long aggregateSequence, Instant recordedAt, Object payload, MetaData metaData) {
}
