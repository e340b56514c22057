package org.cybernorms.compliance.runtime;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An idle processor thread's wait for events ends when its processor is asked to stop, and only then early: the
 * event store is waited on in slices, and between two slices the stream asks whether its processor still runs.
 */
class StopAwareEventSourceTest {

    /** A stream with no events that records every wait it was asked for, and ends each at once. */
    private static class IdleStream implements BlockingStream<TrackedEventMessage<?>> {
        final List<Long> waitsMillis = new ArrayList<>();
        final List<Object> skipRequests = new ArrayList<>();
        TrackedEventMessage<?> arrivesAtWait;
        int arrivalWait = -1;

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            waitsMillis.add(unit.toMillis(timeout));
            return waitsMillis.size() - 1 == arrivalWait;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return Optional.ofNullable(arrivesAtWait);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            return arrivesAtWait;
        }

        @Override
        public void close() {
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            skipRequests.add(ignoredMessage.getPayloadType());
        }
    }

    private static StopAwareEventSource source(IdleStream stream, AtomicBoolean running) {
        return source(stream, (BooleanSupplier) running::get);
    }

    private static StopAwareEventSource source(IdleStream stream, BooleanSupplier running) {
        StreamableMessageSource<TrackedEventMessage<?>> store = new StreamableMessageSource<>() {
            @Override
            public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
                return stream;
            }

            @Override
            public TrackingToken createTailToken() {
                return null;
            }

            @Override
            public TrackingToken createHeadToken() {
                return new GlobalSequenceTrackingToken(41);
            }

            @Override
            public TrackingToken createTokenAt(java.time.Instant dateTime) {
                return null;
            }
        };
        return new StopAwareEventSource(store, running);
    }

    @Test
    @Timeout(10) // the wait asked for is an hour: only the stop ends it
    void aWaitEndsWithNothingOnceTheProcessorIsAskedToStop() throws InterruptedException {
        IdleStream stream = new IdleStream();
        AtomicInteger looks = new AtomicInteger();
        StopAwareEventSource source = source(stream, () -> looks.incrementAndGet() < 3); // stops at the third look

        assertThat(source.openStream(null).hasNextAvailable(1, TimeUnit.HOURS)).isFalse();

        assertThat(looks).hasValue(3);
        assertThat(stream.waitsMillis).hasSize(3)
                .allSatisfy(wait -> assertThat(wait).isBetween(1L, StopAwareEventSource.SLICE.toMillis()));
    }

    @Test
    void anEventThatArrivesEndsTheWaitWithIt() throws InterruptedException {
        IdleStream stream = new IdleStream();
        stream.arrivalWait = 4;
        stream.arrivesAtWait = new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(42),
                GenericEventMessage.asEventMessage("committed"));
        BlockingStream<TrackedEventMessage<?>> events = source(stream, new AtomicBoolean(true)).openStream(null);

        assertThat(events.hasNextAvailable(1, TimeUnit.HOURS)).isTrue();
        assertThat(events.nextAvailable().getPayload()).isEqualTo("committed");
        assertThat(stream.waitsMillis).hasSize(5);
    }

    @Test
    void aRunningProcessorWaitsOutTheWholeTimeoutInSlices() throws InterruptedException {
        IdleStream stream = new IdleStream() {
            @Override
            public boolean hasNextAvailable(int timeout, TimeUnit unit) {
                super.hasNextAvailable(timeout, unit);
                try {
                    unit.sleep(timeout);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
        };

        long started = System.nanoTime();
        assertThat(source(stream, new AtomicBoolean(true)).openStream(null).hasNextAvailable(100,
                TimeUnit.MILLISECONDS)).isFalse();
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        // never ends early (on a loaded machine each slice may sleep longer than asked, so fewer slices are needed)
        assertThat(waited).isGreaterThanOrEqualTo(100L);
        assertThat(stream.waitsMillis).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(StopAwareEventSource.SLICE.toMillis()));
    }

    @Test
    void tokensAreTheStoresOwn() {
        assertThat(source(new IdleStream(), new AtomicBoolean(true)).createHeadToken())
                .isEqualTo(new GlobalSequenceTrackingToken(41));
    }

    @Test
    void aProcessorsRequestToLeaveOutTheTypesItIgnoresNeverReachesTheStore() {
        IdleStream stream = new IdleStream();
        BlockingStream<TrackedEventMessage<?>> events = source(stream, new AtomicBoolean(true)).openStream(null);

        events.skipMessagesWithPayloadTypeOf(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(7),
                GenericEventMessage.asEventMessage("a type the processor has no handler for")));

        assertThat(stream.skipRequests).as("Axon Server would stop sending that type, and the processor's token "
                + "would stop moving past it").isEmpty();
    }
}
