package org.cybernorms.compliance.projection;

import java.time.Instant;

/**
 * The bulk form of one processing group's projection: the same pure mapping from event to rows that its live
 * handlers save, offered so that a rebuild can read the whole log in batches and insert the rows in batches instead
 * of running the streaming processor over every event. A processing group without a bulk projection is rebuilt by
 * replaying its processor.
 *
 * <p>The rebuild clears the group's tables through the processor's reset handlers, then calls {@link #started}, then
 * {@link #project} for every event of the log in order, then {@link #completed} once, in a transaction, after the last row is written.
 */
public interface BulkProjection {

    /** The processing group (streaming processor) whose read model this builds. */
    String processingGroup();

    /** The tables {@link #project} adds rows to. */
    java.util.List<Table> tables();

    /**
     * Adds to {@code rows} what the live handlers would save for this event, if anything.
     *
     * @param payload  the event's payload, upcast to its current revision
     * @param position the event's place in the log (global index)
     */
    void project(Object payload, String eventId, Instant recordedAt, long position, RowBatch rows);

    /** Runs once before the first {@link #project}, on the thread that will call it: forget any earlier pass. */
    default void started() {
    }

    /** Runs once after every row is written, in a transaction: derived tables, caches. Nothing by default. */
    default void completed() {
    }
}
