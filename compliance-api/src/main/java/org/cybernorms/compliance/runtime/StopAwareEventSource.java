package org.cybernorms.compliance.runtime;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The event store as one read-model processor reads it, with two differences: an idle thread's wait for new events
 * ends as soon as its processor is asked to stop, instead of when the wait runs out; and the stream never asks the
 * store to leave out the event types its processor does not handle.
 *
 * <p><b>No filtering.</b> A tracking processor that meets an event it has no handler for asks its stream to skip
 * that payload type from then on ({@link BlockingStream#skipMessagesWithPayloadTypeOf}). Axon Server honours the
 * request: it stops sending those events, so the processor's token no longer moves past them. Everything here that
 * reads a token as a position in the log would then be wrong: read-your-writes would wait for a processor that
 * ignores the newest events until its timeout ({@link ReadYourWrites}), the lag metric would show a lag that never
 * closes, and a replay would never be caught up. So the request stops here, and every processor receives every
 * event, ignores those it has no handler for and moves its token past them, as it always does on the JPA stores
 * (docs/operations.md, "Axon Server": the cost, and the alternative that was weighed).
 *
 * <p>A tracking processor's thread notices a shutdown only between batches, and when no event comes it waits
 * {@code compliance.processors.event-availability-timeout} for one first. Every rebuild of the read models starts by
 * shutting the processors down, so that wait was a fixed part of every rebuild (docs/benchmarks.md, "Replay: why the
 * bulk rebuild exists"). Here the wait is made of slices of at most {@link #SLICE}; between two slices the stream looks
 * whether its processor still runs, and answers "nothing yet" if it does not. Answering "nothing yet" early is always
 * safe: the thread extends its claim and looks again, or stops. A committed event still ends a slice at once. Each
 * slice is a wait on the event store's in-memory condition, not a query.
 */
final class StopAwareEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    /** The longest wait between two looks at whether the processor still runs. */
    static final Duration SLICE = Duration.ofMillis(20);

    private final StreamableMessageSource<TrackedEventMessage<?>> delegate;
    private final BooleanSupplier running;

    /**
     * @param running whether the processor reading the streams still runs; asked between slices of a wait
     */
    StopAwareEventSource(StreamableMessageSource<TrackedEventMessage<?>> delegate, BooleanSupplier running) {
        this.delegate = delegate;
        this.running = running;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new Stream(delegate.openStream(trackingToken), running);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return delegate.createTokenSince(duration);
    }

    private record Stream(BlockingStream<TrackedEventMessage<?>> delegate, BooleanSupplier running)
            implements BlockingStream<TrackedEventMessage<?>> {

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            long slice = SLICE.toNanos();
            while (true) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return delegate.hasNextAvailable();
                }
                if (delegate.hasNextAvailable((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(
                        Math.min(remaining, slice))), TimeUnit.MILLISECONDS)) {
                    return true;
                }
                if (!running.getAsBoolean()) {
                    return false;
                }
            }
        }

        @Override
        public boolean hasNextAvailable() {
            return delegate.hasNextAvailable();
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void close() {
            delegate.close();
        }

        /** Not passed on: the processor's token must move past the events it ignores (see the class comment). */
        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return delegate.setOnAvailableCallback(callback);
        }
    }
}
