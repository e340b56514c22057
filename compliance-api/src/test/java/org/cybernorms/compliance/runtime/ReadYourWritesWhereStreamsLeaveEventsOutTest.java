package org.cybernorms.compliance.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.common.Registration;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.lifecycle.Lifecycle;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.cybernorms.compliance.ComplianceTrackerApplication;
import org.cybernorms.compliance.support.Api;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-your-writes on an event store whose streams leave out the event types a processor does not handle, the way
 * Axon Server does (none runs here): a processor that meets an event it has no handler for asks its stream to skip
 * that payload type, and from then on the stream never delivers events of that type; the next event it does
 * deliver carries its own position, so the token jumps over the ones left out. {@link LeavesOutSkippedTypes} puts
 * such a store under the whole application, in place of Axon's embedded one, with the production processor wiring
 * ({@link ProcessorConfiguration}) and {@link ReadYourWrites} unchanged.
 *
 * <p>Each processor ignores most event types: {@code instruments} handles only the creation of an instrument,
 * {@code assistance} only the assistance ledger, {@code scorecards} everything but the ledger. If a stream left those
 * types out, the processor's token would stop at the last event it handled and never cover the head of the log, and
 * every write after the first would wait out the read-your-writes timeout. The writes below alternate between the
 * three, each followed at once by a read from the read model it feeds; no wait may run out.
 */
@Tag("store-independent")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ReadYourWritesWhereStreamsLeaveEventsOutTest {

    private static final String MONITOR = "leave-out-monitor";

    @TempDir
    Path dataDir;

    @Test
    void everyWriteAnswersOnceItsReadModelsHaveItAndNoWaitRunsOut() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(
                ComplianceTrackerApplication.class, LeavesOutSkippedTypes.class)
                .run("--server.port=0", "--compliance.data-dir=" + dataDir,
                        "--compliance.auth.tokens=" + MONITOR + "=MONITOR",
                        // long enough never to run out on a loaded machine, short enough to fail within the bound
                        "--compliance.read-your-writes.timeout=5s")) {
            assertThat(context.getBean(EventStore.class)).isInstanceOf(LeavesOutSkippedTypes.Store.class);
            ReadYourWrites readYourWrites = context.getBean(ReadYourWrites.class);
            Api api = new Api(((WebServerApplicationContext) context).getWebServer().getPort(), MONITOR);

            String[] norms = {"13a", "13b", "13c", "13d"};
            for (int round = 0; round < norms.length; round++) {
                // scorecards (instruments and assistance ignore it)
                assertThat(api.post("/api/states/FRA/pledges", """
                        {"instrument":"un-gge-2015","norm":"%s","pledgedOn":"2023-03-01","statement":"We will."}"""
                        .formatted(norms[round])).status()).isEqualTo(201);
                JsonNode norm = normOf(api.get("/api/states/FRA/scorecard?asOf=2024-01-01").json(), norms[round]);
                assertThat(norm.get("score").asDouble()).as("the pledge on %s, read at once", norms[round])
                        .isEqualTo(75.0);

                // instruments (its creation; scorecards sees it too, assistance ignores it)
                String instrument = "leave-out-" + round;
                assertThat(api.post("/api/instruments", """
                        {"instrumentId":"%s","title":"Check %d","adoptedOn":"2020-01-01","norms":[]}"""
                        .formatted(instrument, round)).status()).isEqualTo(201);
                assertThat(api.get("/api/instruments").json().findValuesAsText("instrumentId"))
                        .as("the instrument, listed at once").contains(instrument);

                // assistance (scorecards and instruments ignore it)
                assertThat(api.post("/api/assistance/requests", """
                        {"requester":"KEN","instrument":"un-gge-2015","norm":"13h","area":"INCIDENT_RESPONSE_TEAMS",
                         "description":"Help %d","requestedOn":"2023-01-10"}""".formatted(round)).status())
                        .isEqualTo(201);
                assertThat(api.get("/api/assistance/requests?state=KEN").json().size())
                        .as("the request, listed at once").isEqualTo(round + 1);
            }

            assertThat(readYourWrites.timeouts()).as("writes whose wait for the read models ran out").isZero();
            assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
            assertThat(LeavesOutSkippedTypes.delivered.get()).as("events the store delivered").isPositive();
        }
    }

    private static JsonNode normOf(JsonNode scorecard, String code) {
        for (JsonNode norm : scorecard.get("norms")) {
            if (norm.get("norm").asText().equals(code)) {
                return norm;
            }
        }
        throw new AssertionError("no norm " + code + " in " + scorecard);
    }

    /**
     * Axon's embedded event store, whose streams honour a request to skip a payload type as Axon Server does. Axon's
     * auto-configuration makes no event store of its own when one is declared.
     */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class LeavesOutSkippedTypes {

        static final AtomicInteger delivered = new AtomicInteger();

        @Bean
        EventStore eventStore(EventStorageEngine storageEngine, Configuration configuration) {
            return new Store(EmbeddedEventStore.builder()
                    .storageEngine(storageEngine)
                    .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                    .build());
        }

        /** Every call goes to the embedded store; only the streams it opens leave types out. */
        record Store(EmbeddedEventStore delegate) implements EventStore, Lifecycle {

            @Override
            public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
                return new LeavingOut(delegate.openStream(trackingToken));
            }

            @Override
            public DomainEventStream readEvents(String aggregateIdentifier) {
                return delegate.readEvents(aggregateIdentifier);
            }

            @Override
            public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
                return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
            }

            @Override
            public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
                return delegate.lastSequenceNumberFor(aggregateIdentifier);
            }

            @Override
            public void storeSnapshot(DomainEventMessage<?> snapshot) {
                delegate.storeSnapshot(snapshot);
            }

            @Override
            public void publish(List<? extends EventMessage<?>> events) {
                delegate.publish(events);
            }

            @Override
            public Registration subscribe(Consumer<List<? extends EventMessage<?>>> eventProcessor) {
                return delegate.subscribe(eventProcessor);
            }

            @Override
            public Registration registerDispatchInterceptor(
                    MessageDispatchInterceptor<? super EventMessage<?>> dispatchInterceptor) {
                return delegate.registerDispatchInterceptor(dispatchInterceptor);
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

            @Override
            public void registerLifecycleHandlers(LifecycleRegistry lifecycle) {
                delegate.registerLifecycleHandlers(lifecycle);
            }
        }

        /** A stream that, once asked to skip a payload type, never delivers an event of that type again. */
        static final class LeavingOut implements BlockingStream<TrackedEventMessage<?>> {

            private final BlockingStream<TrackedEventMessage<?>> delegate;
            private final Set<Class<?>> skipped = ConcurrentHashMap.newKeySet();

            LeavingOut(BlockingStream<TrackedEventMessage<?>> delegate) {
                this.delegate = delegate;
            }

            /** Drops the events of skipped types at the front of the stream, without waiting for more. */
            private void dropSkipped() throws InterruptedException {
                Optional<TrackedEventMessage<?>> next;
                while ((next = delegate.peek()).isPresent() && skipped.contains(next.get().getPayloadType())) {
                    delegate.nextAvailable();
                }
            }

            @Override
            public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
                long deadline = System.nanoTime() + unit.toNanos(timeout);
                while (true) {
                    long remaining = deadline - System.nanoTime();
                    if (!delegate.hasNextAvailable((int) Math.max(0, TimeUnit.NANOSECONDS.toMillis(remaining)),
                            TimeUnit.MILLISECONDS)) {
                        return false;
                    }
                    dropSkipped();
                    if (delegate.peek().isPresent()) {
                        return true;
                    }
                    if (remaining <= 0) {
                        return false;
                    }
                }
            }

            @Override
            public Optional<TrackedEventMessage<?>> peek() {
                try {
                    dropSkipped();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
                return delegate.peek();
            }

            @Override
            public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
                while (true) {
                    TrackedEventMessage<?> next = delegate.nextAvailable();
                    if (!skipped.contains(next.getPayloadType())) {
                        delivered.incrementAndGet();
                        return next;
                    }
                }
            }

            @Override
            public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
                skipped.add(ignoredMessage.getPayloadType());
            }

            @Override
            public boolean setOnAvailableCallback(Runnable callback) {
                return delegate.setOnAvailableCallback(callback);
            }

            @Override
            public void close() {
                delegate.close();
            }
        }
    }
}
