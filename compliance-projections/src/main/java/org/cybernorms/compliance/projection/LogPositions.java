package org.cybernorms.compliance.projection;

import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * The position in the log (global index) of an event a streaming processor hands to a live projection, so that its
 * rows carry the position the bulk rebuild gives them.
 *
 * <p>For almost every event that is the position of the tracking token that comes with it. The exception is an event
 * that committed after a later one had been read (its transaction took its global index first but committed last):
 * the relational event store's gap-aware token then keeps the highest position read so far, so the token says 44 for
 * the event at 43. The event store records such an event's own position here when it reads it ({@link #late}), and
 * {@link #of} gives it back. Under Axon Server, whose tokens are each event's own position, nothing is recorded.
 *
 * <p>Holds the last {@value #CAPACITY} such events (a few hundred bytes each); one read past by more than that many
 * others before a processor handles it is given the token's position (as Axon's own tracking gives it).
 */
@Component
public class LogPositions {

    static final int CAPACITY = 10_000;

    private final Map<String, Long> late = new HashMap<>();
    private final Queue<String> order = new ArrayDeque<>();
    private volatile boolean any;

    /** Records that the event {@code eventId}, at {@code position}, was read after events with higher positions. */
    public synchronized void late(String eventId, long position) {
        if (late.put(eventId, position) == null) {
            order.add(eventId);
            if (order.size() > CAPACITY) {
                late.remove(order.remove());
            }
        }
        any = true;
    }

    /**
     * The event's own position: the one recorded for it if it was {@link #late}, else the token's; -1 without a token
     * that has a position (the event was not handed over by a streaming processor).
     */
    public long of(String eventId, TrackingToken token) {
        if (any) {
            synchronized (this) {
                Long position = late.get(eventId);
                if (position != null) {
                    return position;
                }
            }
        }
        return token == null ? -1 : token.position().orElse(-1);
    }
}
