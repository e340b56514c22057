package org.cybernorms.compliance.runtime.rebuild;

import org.axonframework.eventhandling.TrackedEventData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The pages of the log up to a head, read and turned into payloads on a thread of their own at most {@code ahead}
 * pages ahead of the thread that takes them: the database's work for the next page (the query, the payloads' bytes)
 * and the payloads' deserialization ({@link UpcastingPayloads}: upcasters, Jackson) are done while the current page
 * is mapped to rows, on the core the rebuild's writer leaves idle most of the time. (With only the query here, the
 * thread that also deserialized and mapped was the pass's bound: docs/benchmarks.md, replay item 12.)
 *
 * <p>The reading thread is never interrupted (H2 closes its file when a thread is interrupted in the middle of reading
 * it); {@link #close} tells it to stop and it does so after the query it is in.
 */
final class PagesAhead implements AutoCloseable {

    /** One event of a page after upcasting, as the projections take it. */
    record Event(Object payload, String eventId, Instant recordedAt, long position) {
    }

    /**
     * A page: the stored events as read (their positions tell the rebuild which positions it saw) and the events
     * the upcasters made of them, in the log's order.
     */
    record Page(List<TrackedEventData<byte[]>> stored, List<Event> events) {

        boolean isEmpty() {
            return stored.isEmpty();
        }
    }

    private static final Page END = new Page(List.of(), List.of());

    private final BlockingQueue<Page> queue;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param payloads used on the reading thread alone while it runs (its counts are read once {@link #close} or the
     *                 last {@link #next} has joined that thread)
     */
    PagesAhead(StoredEventPages pages, long head, int ahead, UpcastingPayloads payloads) {
        this.queue = new ArrayBlockingQueue<>(ahead);
        this.thread = new Thread(() -> read(pages, head, payloads), "read-model-rebuild-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private void read(StoredEventPages pages, long head, UpcastingPayloads payloads) {
        try {
            long after = -1;
            while (!closed && after < head) {
                List<TrackedEventData<byte[]>> page = pages.page(after, head);
                if (page.isEmpty()) {
                    break;
                }
                List<Event> events = new ArrayList<>(page.size());
                payloads.read(page, (payload, id, recordedAt, position) ->
                        events.add(new Event(payload, id, recordedAt, position)));
                hand(new Page(page, events));
                after = page.get(page.size() - 1).trackingToken().position().orElseThrow();
            }
        } catch (RuntimeException | Error e) {
            failure.set(e);
        } finally {
            hand(END);
        }
    }

    private void hand(Page page) {
        try {
            while (!closed && !queue.offer(page, 100, TimeUnit.MILLISECONDS)) {
                // the taker is busy: wait for room, unless told to stop
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next page, in the log's order; empty once every page up to the head has been taken. */
    Page next() throws InterruptedException {
        Page page = queue.take();
        if (page == END) {
            thread.join();
            Throwable cause = failure.get();
            if (cause != null) {
                if (cause instanceof RuntimeException runtime) {
                    throw runtime; // as if read on this thread (a payload that cannot be read, for one)
                }
                throw new IllegalStateException("Reading the event log failed: " + cause.getMessage(), cause);
            }
        }
        return page;
    }

    /** Stops the reading thread (after the query it is in) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        queue.clear();
        thread.join();
    }
}
