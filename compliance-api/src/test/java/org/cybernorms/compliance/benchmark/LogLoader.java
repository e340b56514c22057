package org.cybernorms.compliance.benchmark;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.cybernorms.compliance.runtime.ProjectionReplay;
import org.cybernorms.compliance.runtime.ReadYourWrites;
import org.cybernorms.compliance.security.ActorMetadata;
import org.cybernorms.compliance.shared.StateCode;
import org.springframework.context.ApplicationContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Appends a generated log to the running application's own event store, through Axon: the {@link EventStorageEngine}
 * bean, in batches of {@code batchSize} events per transaction of Axon's {@link TransactionManager} bean. Each event
 * is a {@link GenericDomainEventMessage} with the generated identifier, aggregate, sequence number and recorded
 * timestamp, and the metadata a command through the HTTP API gives its events: {@code actor} and {@code actorRole}
 * (as {@link ActorMetadata} and the static tokens name them) and Axon's {@code correlationId} and {@code traceId}.
 *
 * <p>The streaming processors of the read models pick the events up while loading goes on;
 * {@link #awaitReadModels(Duration, Consumer)} waits until they have processed all of them.
 */
public final class LogLoader {

    /** How long between two progress lines. */
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private final ApplicationContext application;
    private final EventStorageEngine storage;
    private final TransactionManager transactions;
    private final String monitor;
    private final Map<StateCode, String> stateActors = new HashMap<>();

    /**
     * @param monitorToken the token whose holder the events name as their actor (as the tracker names the holder of
     *                     a configured token: {@code token:MONITOR:<first 8 hex digits of its SHA-256>}); a state's
     *                     answers name the holder of the token {@code <monitorToken>-<ISO3>} with role STATE
     */
    public LogLoader(ApplicationContext application, String monitorToken) {
        this.application = application;
        this.storage = application.getBean(EventStorageEngine.class);
        this.transactions = application.getBean(TransactionManager.class);
        this.monitor = holder("MONITOR", monitorToken);
    }

    /** What a load did. */
    public record Loaded(long events, Duration duration) {
        public double eventsPerSecond() {
            return events / Math.max(1e-9, duration.toNanos() / 1e9);
        }
    }

    /**
     * Appends every event of {@code log} while the streaming processors are shut down, then starts them again: the
     * append rate is the store's alone, and {@link #awaitReadModels} then measures the processors catching up with
     * the whole log.
     */
    public Loaded loadWithProcessorsPaused(Iterator<GeneratedEvent> log, long expected, int batchSize,
                                           Consumer<String> progress) {
        return loadWithProcessorsPaused(log, expected, batchSize, progress, true);
    }

    /**
     * As {@link #loadWithProcessorsPaused(Iterator, long, int, Consumer)}; with {@code restart} false the processors
     * stay shut down (a bulk rebuild follows and starts them at the head). Started at the start of a large log and
     * shut down again at once, they would leave Axon's embedded event store fetching the whole log into its cache of
     * recent events for consumers that are gone.
     */
    public Loaded loadWithProcessorsPaused(Iterator<GeneratedEvent> log, long expected, int batchSize,
                                           Consumer<String> progress, boolean restart) {
        List<StreamingEventProcessor> processors = application.getBean(EventProcessingConfiguration.class)
                .eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::isRunning)
                .toList();
        processors.forEach(StreamingEventProcessor::shutDown);
        try {
            return load(log, expected, batchSize, progress);
        } finally {
            if (restart) {
                processors.forEach(StreamingEventProcessor::start);
            }
        }
    }

    /** Appends every event of {@code log}, {@code batchSize} per transaction, reporting progress now and then. */
    public Loaded load(Iterator<GeneratedEvent> log, long expected, int batchSize, Consumer<String> progress) {
        long start = System.nanoTime();
        long lastReport = start;
        long loaded = 0;
        List<DomainEventMessage<?>> batch = new ArrayList<>(batchSize);
        while (log.hasNext()) {
            batch.add(message(log.next()));
            if (batch.size() == batchSize || !log.hasNext()) {
                List<DomainEventMessage<?>> appended = batch;
                transactions.executeInTransaction(() -> storage.appendEvents(appended));
                loaded += appended.size();
                batch = new ArrayList<>(batchSize);
                long now = System.nanoTime();
                if (now - lastReport > PROGRESS_EVERY.toNanos()) {
                    lastReport = now;
                    progress.accept(String.format("loaded %,d of %,d events (%.0f%%), %,.0f ev/s", loaded, expected,
                            100.0 * loaded / Math.max(1, expected), loaded / ((now - start) / 1e9)));
                }
            }
        }
        return new Loaded(loaded, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Waits until every streaming processor has processed the whole log (as {@link ProjectionReplay#status()} shows
     * it, then as {@link ReadYourWrites} judges it), reporting the slowest processor's progress now and then.
     *
     * @return how long it waited
     * @throws IllegalStateException if a processor fails or the read models do not catch up within {@code timeout}
     */
    public Duration awaitReadModels(Duration timeout, Consumer<String> progress) {
        ProjectionReplay replay = application.getBean(ProjectionReplay.class);
        ReadYourWrites readYourWrites = application.getBean(ReadYourWrites.class);
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long lastReport = start;
        while (true) {
            ProjectionReplay.Status status = replay.status();
            boolean caughtUp = !status.processors().isEmpty();
            ProjectionReplay.ProcessorProgress slowest = null;
            for (ProjectionReplay.ProcessorProgress processor : status.processors()) {
                if (processor.error()) {
                    throw new IllegalStateException("processor " + processor.name() + " failed: " + status);
                }
                long position = processor.position() == null ? -1 : processor.position();
                long head = processor.head() == null ? -1 : processor.head();
                if (position < head) {
                    caughtUp = false;
                    if (slowest == null || position < (slowest.position() == null ? -1 : slowest.position())) {
                        slowest = processor;
                    }
                }
            }
            if (caughtUp && readYourWrites.awaitReadModels()) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            long now = System.nanoTime();
            if (now > deadline) {
                throw new IllegalStateException("read models did not catch up within " + timeout + ": " + status);
            }
            if (slowest != null && now - lastReport > PROGRESS_EVERY.toNanos()) {
                lastReport = now;
                progress.accept(String.format("read models: %s at %,d of %,d", slowest.name(),
                        slowest.position() == null ? 0 : slowest.position(), slowest.head()));
            }
            sleep(100);
        }
    }

    private DomainEventMessage<?> message(GeneratedEvent event) {
        Map<String, Object> metaData = new HashMap<>(6);
        if (event.actor() == GeneratedEvent.Actor.STATE) {
            metaData.put(ActorMetadata.ACTOR, stateActors.computeIfAbsent(event.state(),
                    state -> holder("STATE:" + state.value(), monitor + "-" + state.value())));
            metaData.put(ActorMetadata.ACTOR_ROLE, "STATE:" + event.state().value());
        } else {
            metaData.put(ActorMetadata.ACTOR, monitor);
            metaData.put(ActorMetadata.ACTOR_ROLE, "MONITOR");
        }
        metaData.put("correlationId", event.commandId());
        metaData.put("traceId", event.commandId());
        return new GenericDomainEventMessage<>(event.aggregateType(), event.aggregateId(), event.sequence(),
                event.payload(), metaData, event.eventId(), event.recordedAt());
    }

    /** How the tracker names the holder of a configured static token (see StaticTokens). */
    static String holder(String role, String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return "token:" + role + ":" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the read models", e);
        }
    }
}
