package org.cybernorms.compliance.projection;

import java.time.Instant;

/**
 * The bulk form of one processing group's projection: the same pure mapping from event to rows that its live
 * handlers save, offered so that a rebuild can read the whole log in batches and insert the rows in batches instead
 * of running the streaming processor over every event. A processing group without a bulk projection is rebuilt by
 * replaying its processor.
 *
 * <p>The rebuild clears the group's tables through the processor's reset handlers, then calls {@link #started}, then
 * {@link #project} for every event of the log in order, then {@link #flush}, then {@link #completed} once, in a
 * transaction, after the last row is written.
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

    /**
     * Runs once after the last {@link #project}, on the same thread: adds to {@code rows} whatever the projection
     * held back to write together (rows that gather several events). Nothing by default.
     */
    default void flush(RowBatch rows) {
    }

    /**
     * Tables in which an earlier version kept this read model, in a form no longer read: while one is there, the
     * application rebuilds the read models once it has started, and the rebuild drops it. None by default.
     */
    default java.util.List<String> retiredTables() {
        return java.util.List.of();
    }

    /** Runs once before the first {@link #project}, on the thread that will call it: forget any earlier pass. */
    default void started() {
    }

    /** Runs once after every row is written, in a transaction: derived tables, caches. Nothing by default. */
    default void completed() {
    }
}
