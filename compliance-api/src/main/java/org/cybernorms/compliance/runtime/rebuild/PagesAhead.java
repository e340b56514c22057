package org.cybernorms.compliance.runtime.rebuild;

import org.axonframework.eventhandling.TrackedEventData;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The pages of the log up to a head, read on a thread of their own at most {@code ahead} pages ahead of the thread
 * that takes them: the database's work for the next page (the query, the payloads' bytes) is done while the current
 * one is parsed and mapped, on the core the rebuild's writer leaves idle most of the time.
 *
 * <p>The reading thread is never interrupted (H2 closes its file when a thread is interrupted in the middle of reading
 * it); {@link #close} tells it to stop and it does so after the query it is in.
 */
final class PagesAhead implements AutoCloseable {

    private static final List<TrackedEventData<byte[]>> END = List.of();

    private final BlockingQueue<List<TrackedEventData<byte[]>>> queue;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean closed;

    PagesAhead(StoredEventPages pages, long head, int ahead) {
        this.queue = new ArrayBlockingQueue<>(ahead);
        this.thread = new Thread(() -> read(pages, head), "read-model-rebuild-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private void read(StoredEventPages pages, long head) {
        try {
            long after = -1;
            while (!closed && after < head) {
                List<TrackedEventData<byte[]>> page = pages.page(after, head);
                if (page.isEmpty()) {
                    break;
                }
                hand(page);
                after = page.get(page.size() - 1).trackingToken().position().orElseThrow();
            }
        } catch (RuntimeException | Error e) {
            failure.set(e);
        } finally {
            hand(END);
        }
    }

    private void hand(List<TrackedEventData<byte[]>> page) {
        try {
            while (!closed && !queue.offer(page, 100, TimeUnit.MILLISECONDS)) {
                // the taker is busy: wait for room, unless told to stop
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next page, in the log's order; empty once every page up to the head has been taken. */
    List<TrackedEventData<byte[]>> next() throws InterruptedException {
        List<TrackedEventData<byte[]>> page = queue.take();
        if (page == END) {
            thread.join();
            Throwable cause = failure.get();
            if (cause != null) {
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
