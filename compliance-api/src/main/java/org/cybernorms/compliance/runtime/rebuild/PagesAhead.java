package org.cybernorms.compliance.runtime.rebuild;

import org.axonframework.eventhandling.TrackedEventData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The pages of the log up to a head, read on a thread of their own at most {@code ahead} pages ahead of the thread
 * that takes them, and turned into payloads ({@link UpcastingPayloads}: upcasters, Jackson) by whichever of the two
 * threads is free: the database's work for the next page is done while the current one is mapped to rows, on the core
 * the rebuild's writer leaves idle most of the time.
 *
 * <p>Who turns a page into payloads adapts to which side is slower. The reading thread does it for the page it has
 * just read when the taking thread is busy (it has pages waiting, or is mapping one); when the taking thread is
 * already waiting for that page, the reading thread leaves it and reads the next one, and the taking thread does it.
 * A page is claimed once, by one thread (with the payloads read on either thread alone, that thread was the pass's
 * bound: docs/benchmarks.md, "Replay: why the bulk rebuild exists").
 *
 * <p>The reading thread is never interrupted (H2 closes its file when a thread is interrupted in the middle of reading
 * it); {@link #close} tells it to stop and it does so after the query or page it is in.
 */
final class PagesAhead implements AutoCloseable {

    /** One event of a page after upcasting, as the projections take it. */
    record Event(Object payload, String eventId, Instant recordedAt, long position) {
    }

    /**
     * A page: the stored events as read (their positions tell the rebuild which positions it saw) and, once one of
     * the two threads has turned them into payloads, the events the upcasters made of them, in the log's order.
     */
    static final class Page {

        private final List<TrackedEventData<byte[]>> stored;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile List<Event> events;
        private volatile RuntimeException failure;

        private Page(List<TrackedEventData<byte[]>> stored) {
            this.stored = stored;
        }

        List<TrackedEventData<byte[]>> stored() {
            return stored;
        }

        boolean isEmpty() {
            return stored.isEmpty();
        }

        /** The page's events; waits while the other thread is still turning them into payloads. */
        List<Event> events() throws InterruptedException {
            done.await();
            if (failure != null) {
                throw failure;
            }
            return events;
        }

        /** Turns the page into payloads, unless the other thread has claimed it. */
        private void decodeUnlessClaimed(UpcastingPayloads payloads) {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            try {
                List<Event> read = new ArrayList<>(stored.size());
                payloads.read(stored, (payload, id, recordedAt, position) ->
                        read.add(new Event(payload, id, recordedAt, position)));
                events = read;
            } catch (RuntimeException e) {
                failure = e;
            } catch (Error e) {
                failure = new IllegalStateException("Reading the event log failed: " + e, e);
                throw e;
            } finally {
                done.countDown();
            }
        }
    }

    private static final Page END = new Page(List.of());

    private final BlockingQueue<Page> queue;
    private final UpcastingPayloads payloads;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean closed;
    /** The taking thread is waiting for a page (set around its wait). */
    private volatile boolean takerWaiting;

    /**
     * @param payloads used by both threads (it is safe for that); its counts are complete once {@link #close} or the
     *                 last {@link #next} has joined the reading thread
     */
    PagesAhead(StoredEventPages pages, long head, int ahead, UpcastingPayloads payloads) {
        this.queue = new ArrayBlockingQueue<>(ahead);
        this.payloads = payloads;
        this.thread = new Thread(() -> read(pages, head), "read-model-rebuild-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private void read(StoredEventPages pages, long head) {
        try {
            long after = -1;
            while (!closed && after < head) {
                List<TrackedEventData<byte[]>> stored = pages.page(after, head);
                if (stored.isEmpty()) {
                    break;
                }
                Page page = new Page(stored);
                hand(page);
                if (!takerWaiting) {
                    page.decodeUnlessClaimed(payloads);
                }
                after = stored.get(stored.size() - 1).trackingToken().position().orElseThrow();
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

    /**
     * The next page, in the log's order, with its payloads ({@link Page#events}); empty once every page up to the head
     * has been taken.
     */
    Page next() throws InterruptedException {
        Page page = queue.poll();
        if (page == null) {
            takerWaiting = true;
            try {
                page = queue.take();
            } finally {
                takerWaiting = false;
            }
        }
        if (page == END) {
            thread.join();
            Throwable cause = failure.get();
            if (cause != null) {
                if (cause instanceof RuntimeException runtime) {
                    throw runtime; // as if read on this thread
                }
                throw new IllegalStateException("Reading the event log failed: " + cause.getMessage(), cause);
            }
            return page;
        }
        page.decodeUnlessClaimed(payloads);
        return page;
    }

    /** Stops the reading thread (after the query or page it is in) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        queue.clear();
        thread.join();
    }
}
