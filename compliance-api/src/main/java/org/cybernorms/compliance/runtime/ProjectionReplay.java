package org.cybernorms.compliance.runtime;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.cybernorms.compliance.runtime.rebuild.ReadModelRebuild;
import org.cybernorms.compliance.shared.TransitionForbiddenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Rebuilds every read model from the event log. Each streaming event processor is shut down and its tokens are reset
 * (which runs the projections' reset handlers, clearing their tables). Then, on the JPA stores, every read model with
 * a bulk form is rebuilt by {@link ReadModelRebuild} (the log read in pages, rows written in batches, tokens set to
 * the head it read); any other processor, and every processor under Axon Server, replays the log from the start when
 * it is started again. Runs on its own thread; one rebuild at a time. It is complete once every processor has
 * processed the log up to the head it had when the rebuild began. (Axon's own "replaying" flag is not used for this:
 * it stays set until the first event recorded after the reset.)
 *
 * <p>While a rebuild runs, read models show only what has been rebuilt so far, and writes answer without waiting
 * for processors that are shut down.
 */
@Component
public class ProjectionReplay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplay.class);

    /** Where a replay stands. */
    public enum State { IDLE, RUNNING, COMPLETED, FAILED }

    /** The last (or current) replay: {@code startedAt} and {@code finishedAt} are null where not reached. */
    public record Run(State state, Instant startedAt, Instant finishedAt, String error) {
        static final Run NONE = new Run(State.IDLE, null, null, null);
    }

    /** One processor's progress: where it is in the log, and where the head of the log is. */
    public record ProcessorProgress(String name, boolean running, boolean error, Long position, Long head) {
    }

    /**
     * The replay as it stands, with every streaming processor's progress, and while the bulk pass runs, how many
     * events of the log it has read ({@code null} otherwise).
     */
    public record Status(Run run, List<ProcessorProgress> processors, ReadModelRebuild.Progress bulk) {
    }

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final ReadYourWrites coverage;
    private final ReadModelRebuild bulk;
    private final Clock clock;
    private final Duration timeout;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-replay");
        thread.setDaemon(true);
        return thread;
    });
    private final Object lock = new Object();
    private volatile Run run = Run.NONE;
    private volatile ReadModelRebuild.Report lastReport;

    public ProjectionReplay(EventProcessingConfiguration processing, EventStore eventStore, ReadYourWrites coverage,
                            ReadModelRebuild bulk, Clock clock, @Value("${compliance.replay.timeout:30m}") Duration timeout) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.coverage = coverage;
        this.bulk = bulk;
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * Starts a replay of every streaming processor in the background and answers at once.
     *
     * @throws TransitionForbiddenException if a replay is already running
     */
    public Status start() {
        return start(true);
    }

    /**
     * Starts a rebuild as {@link #start()} does; with {@code bulk} false every processor replays the log itself, even
     * where a bulk rebuild is possible (for comparison, and as the way back should a bulk form ever be wrong).
     */
    public Status start(boolean bulk) {
        synchronized (lock) {
            if (run.state() == State.RUNNING) {
                throw new TransitionForbiddenException("A replay is already running, started at "
                        + run.startedAt() + ".", State.RUNNING.name());
            }
            run = new Run(State.RUNNING, clock.instant(), null, null);
            lastReport = null;
        }
        executor.execute(() -> replay(bulk));
        return status();
    }

    /**
     * Once the application is ready: if a table in which an earlier version kept a read model is still there, that
     * read model has not been built in its present form yet, so every read model is rebuilt (the rebuild drops the
     * old table once it has completed, in either mode; should it not complete, the next start-up starts it again).
     */
    @EventListener(ApplicationReadyEvent.class)
    public void rebuildWhereAnEarlierFormIsLeft() {
        List<String> retired = bulk.retiredTablesPresent();
        if (retired.isEmpty()) {
            return;
        }
        log.warn("Found {}, kept by an earlier version: rebuilding the read models in their present form", retired);
        try {
            start();
        } catch (TransitionForbiddenException running) {
            log.info("A replay is running already");
        }
    }

    /** What the bulk pass of the last rebuild did, if it ran one. */
    public java.util.Optional<ReadModelRebuild.Report> lastBulkReport() {
        return java.util.Optional.ofNullable(lastReport);
    }

    public Status status() {
        TrackingToken headToken = eventStore.createHeadToken();
        Long head = headToken == null ? null : boxed(headToken.position());
        List<ProcessorProgress> progress = new ArrayList<>();
        for (StreamingEventProcessor processor : processors()) {
            Collection<EventTrackerStatus> segments = processor.processingStatus().values();
            Long position = segments.isEmpty() ? null : segments.stream()
                    .map(s -> boxed(s.getCurrentPosition()))
                    .map(p -> p == null ? -1L : p)
                    .min(Long::compare)
                    .map(p -> p < 0 ? null : p)
                    .orElse(null);
            progress.add(new ProcessorProgress(processor.getName(), processor.isRunning(),
                    processor.isError() || segments.stream().anyMatch(EventTrackerStatus::isErrorState),
                    position, head));
        }
        return new Status(run, progress, bulk.progress().orElse(null));
    }

    private void replay(boolean inBulk) {
        List<StreamingEventProcessor> processors = processors();
        try {
            log.info("Replaying {}", processors.stream().map(StreamingEventProcessor::getName).toList());
            long started = System.nanoTime();
            shutDown(processors);
            long shutDown = System.nanoTime();
            TrackingToken head = eventStore.createHeadToken();
            for (StreamingEventProcessor processor : processors) {
                processor.resetTokens();
            }
            long reset = System.nanoTime();
            if (inBulk && bulk.available()) {
                List<StreamingEventProcessor> covered = processors.stream().filter(bulk::covers).toList();
                if (!covered.isEmpty()) {
                    try {
                        lastReport = bulk.rebuild(covered);
                    } catch (Exception | Error e) {
                        // Leave no half-built read model behind: clear it again, so that the processors, started
                        // below from the start of the log, rebuild it whole.
                        for (StreamingEventProcessor processor : covered) {
                            try {
                                processor.resetTokens();
                            } catch (RuntimeException resetFailed) {
                                e.addSuppressed(resetFailed);
                            }
                        }
                        throw e;
                    }
                }
            }
            long rebuilt = System.nanoTime();
            processors.forEach(StreamingEventProcessor::start);
            long restarted = System.nanoTime();
            awaitCaughtUp(processors, head);
            bulk.dropRetiredTables();
            finish(State.COMPLETED, null);
            long done = System.nanoTime();
            log.info("Replay completed in {} ms: shutdown {} ms, reset {} ms, bulk {} ms, start {} ms, catch-up {} ms",
                    millis(started, done), millis(started, shutDown), millis(shutDown, reset),
                    millis(reset, rebuilt), millis(rebuilt, restarted), millis(restarted, done));
        } catch (Exception e) {
            log.error("Replay failed", e);
            finish(State.FAILED, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } finally {
            for (StreamingEventProcessor processor : processors) {
                if (!processor.isRunning()) {
                    try {
                        processor.start();
                    } catch (RuntimeException e) {
                        log.error("Could not restart processor {} after the replay", processor.getName(), e);
                    }
                }
            }
        }
    }

    /**
     * Shuts the processors down all at once, each from a thread of its own. A processor's worker notices at once
     * ({@link StopAwareEventSource}), but Axon's {@code shutdownAsync} itself blocks its caller until the processor's
     * launcher thread has noticed, which looks every 100 ms while it waits to claim another segment: called one after
     * the other, those waits added up.
     */
    private static void shutDown(List<StreamingEventProcessor> processors) {
        CompletableFuture.allOf(processors.stream()
                .map(processor -> CompletableFuture.supplyAsync(processor::shutdownAsync, runnable -> {
                    Thread thread = new Thread(runnable, "projection-replay-shutdown-" + processor.getName());
                    thread.setDaemon(true);
                    thread.start();
                }).thenCompose(stopped -> stopped))
                .toArray(CompletableFuture[]::new)).join();
    }

    private void awaitCaughtUp(List<StreamingEventProcessor> processors, TrackingToken head)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!processors.stream().allMatch(p -> caughtUp(p, head))) {
            for (StreamingEventProcessor processor : processors) {
                for (EventTrackerStatus segment : processor.processingStatus().values()) {
                    if (segment.isErrorState()) {
                        throw new IllegalStateException("Processor " + processor.getName() + " failed during the "
                                + "replay: " + segment.getError());
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The read models did not catch up within " + timeout);
            }
            Thread.sleep(5); // the processors usually catch up within milliseconds of their start
        }
    }

    /** Caught up: every segment covers the head, judged as read-your-writes judges it (harmless gaps ignored). */
    private boolean caughtUp(StreamingEventProcessor processor, TrackingToken head) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        if (segments.isEmpty()) {
            return false;
        }
        for (EventTrackerStatus segment : segments) {
            TrackingToken token = segment.getTrackingToken();
            if (head != null && !coverage.covers(token, head)) {
                return false;
            }
        }
        return true;
    }

    private void finish(State state, String error) {
        synchronized (lock) {
            run = new Run(state, run.startedAt(), clock.instant(), error);
        }
    }

    private List<StreamingEventProcessor> processors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .sorted(Comparator.comparing(StreamingEventProcessor::getName))
                .toList();
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
