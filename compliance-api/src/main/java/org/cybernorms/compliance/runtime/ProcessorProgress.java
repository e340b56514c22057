package org.cybernorms.compliance.runtime;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.EventTrackerStatusChangeListener;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Tells whoever waits for the read models that a processor has moved. Every read-model processor reports each change
 * of its segments' status here through its own {@link #listenerFor listener}, positions included, once the batch that
 * moved it is committed (a batch of events it has no handler for moves it too). {@link ReadYourWrites} waits here
 * instead of sleeping between looks, so a write answers as soon as the last read model has it, not at the end of the
 * sleep that happens to be running then.
 *
 * <p>Changes are a count that only grows. A waiter reads it before it looks at the processors, and waits only while
 * it has not moved since, so a change between the look and the wait is never missed.
 */
@Component
public class ProcessorProgress {

    private final Object monitor = new Object();
    private final Map<String, LongAdder> movesByProcessor = new ConcurrentHashMap<>();
    private long changes;

    /** The listener for the processor named {@code processor}. */
    public EventTrackerStatusChangeListener listenerFor(String processor) {
        LongAdder moves = movesByProcessor.computeIfAbsent(processor, name -> new LongAdder());
        return new EventTrackerStatusChangeListener() {
            @Override
            public void onEventTrackerStatusChange(Map<Integer, EventTrackerStatus> updatedTrackerStatus) {
                moves.increment();
                changed();
            }

            @Override
            public boolean validatePositions() {
                return true; // a processor that handled a batch has moved
            }
        };
    }

    /** How often the processor named {@code processor} has reported a move since this node started. */
    public long moves(String processor) {
        LongAdder moves = movesByProcessor.get(processor);
        return moves == null ? 0 : moves.sum();
    }

    /** The number of changes so far; pass it to {@link #awaitChangeAfter} after looking at the processors. */
    public long changes() {
        synchronized (monitor) {
            return changes;
        }
    }

    /**
     * Waits until a processor has moved since {@code seen} was read from {@link #changes()}, or for at most
     * {@code maxMillis}; whether one has. Returns at once if one already has.
     */
    public boolean awaitChangeAfter(long seen, long maxMillis) throws InterruptedException {
        long deadline = System.nanoTime() + maxMillis * 1_000_000L;
        synchronized (monitor) {
            long left;
            while (changes == seen && (left = deadline - System.nanoTime()) > 0) {
                monitor.wait(Math.max(1, left / 1_000_000L));
            }
            return changes != seen;
        }
    }

    private void changed() {
        synchronized (monitor) {
            changes++;
            monitor.notifyAll();
        }
    }
}
