package org.cybernorms.compliance.benchmark;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.cybernorms.compliance.runtime.ReadYourWrites;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How far an application's read models (its streaming event processors) are behind the head of the log, waiting
 * (bounded) until they have caught up, and stopping them. The write scenario uses it to tell what was stored from what
 * the read models have processed: a command load can be acknowledged faster than the read models keep up with it.
 */
final class ReadModelProgress {

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final ReadYourWrites readYourWrites;

    ReadModelProgress(ApplicationContext context) {
        this.eventStore = context.getBean(EventStore.class);
        this.processing = context.getBean(EventProcessingConfiguration.class);
        this.readYourWrites = context.getBean(ReadYourWrites.class);
    }

    /** Events between the head of the log and the slowest segment of any running read model. */
    long behind() {
        TrackingToken head = eventStore.createHeadToken();
        long headPosition = head == null ? -1 : head.position().orElse(-1);
        long behind = 0;
        for (StreamingEventProcessor processor : running()) {
            for (EventTrackerStatus status : processor.processingStatus().values()) {
                behind = Math.max(behind, headPosition - status.getCurrentPosition().orElse(-1));
            }
        }
        return Math.max(0, behind);
    }

    /**
     * Waits until every running read model has processed everything committed so far, polling every 10 ms: how long
     * that took, or empty if it had not happened within {@code bound}.
     */
    Optional<Duration> awaitCaughtUp(Duration bound) throws InterruptedException {
        TrackingToken head = eventStore.createHeadToken();
        long began = System.nanoTime();
        long deadline = began + bound.toNanos();
        List<StreamingEventProcessor> processors = running();
        while (!processors.stream().allMatch(processor -> covers(processor, head))) {
            if (System.nanoTime() > deadline) {
                return Optional.empty();
            }
            Thread.sleep(10);
        }
        return Optional.of(Duration.ofNanos(System.nanoTime() - began));
    }

    /** Stops every read model (they keep their tokens), so that only validation and storage use the machine. */
    void stop() {
        processing.eventProcessors().values().forEach(EventProcessor::shutDown);
    }

    private boolean covers(StreamingEventProcessor processor, TrackingToken head) {
        if (head == null) {
            return true;
        }
        double share = 0; // of the processor's segments held here: every one must be, and must cover the head
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            if (!readYourWrites.covers(status.getTrackingToken(), head)) {
                return false;
            }
            share += 1.0 / (status.getSegment().getMask() + 1);
        }
        return share >= 0.999_999;
    }

    private List<StreamingEventProcessor> running() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::isRunning)
                .toList();
    }
}
