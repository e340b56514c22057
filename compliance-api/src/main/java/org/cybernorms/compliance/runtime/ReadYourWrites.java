package org.cybernorms.compliance.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.jpa.TokenEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lets a write answer only once every streaming read model has processed it, so that a read made straight after a
 * successful write shows that write. After a command commits, the head of the log covers its events; this waits,
 * within a bound, until every segment of every streaming processor covers that head. It looks again whenever a
 * read-model processor reports a move ({@link ProcessorProgress}), so the answer follows the last read model's commit
 * at once instead of the end of a pause.
 *
 * <p>Segments this node has claimed are read from the processor's status. When several nodes share the database, the
 * other segments are claimed (or about to be claimed) elsewhere: their progress is read from the token store, where
 * the owning node stores each token in the same transaction as the read-model changes it covers.
 *
 * <p>On the JPA event store the head is a gap-aware token, and a gap below it is checked against the event table. On
 * Axon Server tokens are plain global sequence numbers with no gaps, and there is no event table to ask.
 *
 * <p>This relies on every processor's token moving past every event, including those it has no handler for: the
 * processors read the store through {@link StopAwareEventSource}, which never lets a stream leave event types out
 * (Axon Server would otherwise stop sending them, and the head would never be covered).
 *
 * <p>A wait that runs out is not silent: it is logged, counted in {@code compliance.read.your.writes.timeouts}
 * ({@code compliance_read_your_writes_timeouts_total} in Prometheus), and readiness is down until the read models
 * cover the head that write waited for ({@link #pendingTimeout()}, docs/operations.md, "Observability").
 */
@Component
public class ReadYourWrites {

    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final ProcessorProgress progress;
    private final Duration timeout;
    private final EntityManager entityManager;
    private final Serializer tokenSerializer;
    private final Counter timeouts;
    private volatile Boolean eventTable;
    private volatile Boolean tokenTable;
    private volatile Timeout pending;
    private volatile Instant lastTimeout;

    public ReadYourWrites(EventStore eventStore, EventProcessingConfiguration processing, ProcessorProgress progress,
                          @Value("${compliance.read-your-writes.timeout:10s}") Duration timeout,
                          EntityManager entityManager, Serializer serializer, MeterRegistry meters) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.progress = progress;
        this.timeout = timeout;
        this.entityManager = entityManager;
        this.tokenSerializer = serializer;
        this.timeouts = Counter.builder("compliance.read.your.writes.timeouts")
                .description("Writes that answered before the read models had them (read-your-writes timed out)")
                .register(meters);
    }

    /** A write whose wait ran out: when, and the head of the log it waited for. */
    public record Timeout(Instant at, TrackingToken head) {
    }

    /** Waits until the read models cover everything committed so far; true if they did within the bound. */
    public boolean awaitReadModels() {
        TrackingToken head = eventStore.createHeadToken();
        if (head == null) {
            return true;
        }
        List<StreamingEventProcessor> processors = runningProcessors();
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 1;
        long seen = progress.changes();
        while (!processors.stream().allMatch(p -> covers(p, head))) {
            if (System.nanoTime() > deadline) {
                timedOut(head);
                return false;
            }
            // woken as soon as a read-model processor moves; the pause bounds the wait for what reports no moves
            // (segments held by other nodes, read from the token store; processors registered elsewhere)
            await(seen, pause);
            seen = progress.changes();
            pause = Math.min(pause * 2, 20);
        }
        return true;
    }

    private void timedOut(TrackingToken head) {
        Instant now = Instant.now();
        timeouts.increment();
        lastTimeout = now;
        pending = new Timeout(now, head);
        log.warn("Read models did not catch up with {} within {}; answering anyway. Readiness is down until they "
                + "do (docs/operations.md, \"Observability\")", head, timeout);
    }

    /**
     * The last write whose wait ran out, while the running read models still do not cover the head it waited for;
     * empty once they do (then it is forgotten) or if no wait ever ran out. One look, no waiting.
     */
    public Optional<Timeout> pendingTimeout() {
        Timeout last = pending;
        if (last == null) {
            return Optional.empty();
        }
        if (runningProcessors().stream().allMatch(p -> covers(p, last.head()))) {
            if (pending == last) {
                pending = null;
            }
            return Optional.empty();
        }
        return Optional.of(last);
    }

    /** When a write's wait last ran out, if ever since this node started. */
    public Optional<Instant> lastTimeout() {
        return Optional.ofNullable(lastTimeout);
    }

    /** How many writes' waits ran out since this node started. */
    public long timeouts() {
        return (long) timeouts.count();
    }

    private List<StreamingEventProcessor> runningProcessors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::isRunning)
                .toList();
    }

    private boolean covers(StreamingEventProcessor processor, TrackingToken head) {
        Map<Integer, EventTrackerStatus> local = processor.processingStatus();
        double share = 0;
        for (EventTrackerStatus status : local.values()) {
            if (status.isErrorState()) {
                // an erroring processor must not block writes; its lag shows in its status and in readiness
            } else if (status.getTrackingToken() == null || !covers(status.getTrackingToken(), head)) {
                return false;
            }
            share += 1.0 / (status.getSegment().getMask() + 1);
        }
        if (share >= 0.999_999) {
            return true; // this node holds every segment
        }
        return storedTokensCover(processor.getName(), local, head);
    }

    /** Whether the stored tokens of the segments this node does not hold cover {@code head}. */
    private boolean storedTokensCover(String processorName, Map<Integer, EventTrackerStatus> local,
                                      TrackingToken head) {
        if (!hasEntity("TokenEntry", true)) {
            return false;
        }
        List<TokenEntry> entries = entityManager.createQuery(
                        "select t from TokenEntry t where t.processorName = :name", TokenEntry.class)
                .setParameter("name", processorName)
                .getResultList();
        if (entries.isEmpty()) {
            return false; // not initialised yet
        }
        for (TokenEntry entry : entries) {
            if (local.containsKey(entry.getSegment())) {
                continue;
            }
            TrackingToken token = entry.getToken(tokenSerializer);
            if (token == null || !covers(token, head)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code token} has processed everything up to {@code head}. A token wrapped by a replay is judged by the
     * position it has reached (its lower bound). A gap-aware token may keep gaps below the head: a gap is either an
     * event that was not yet visible when the processor passed it (not covered yet), or a global index that a
     * rolled-back insert consumed and that will never hold an event (harmless; a refused duplicate, for one, leaves
     * such a gap for good). Only the first kind exists in the store, so gaps are checked against it.
     */
    public boolean covers(TrackingToken token, TrackingToken head) {
        TrackingToken reached = token == null ? null : WrappedToken.unwrapLowerBound(token);
        if (reached == null) {
            return false;
        }
        if (reached.covers(head)) {
            return true;
        }
        if (!(reached instanceof GapAwareTrackingToken gapAware) || !(head instanceof GapAwareTrackingToken headIndex)
                || gapAware.getIndex() < headIndex.getIndex()) {
            return false;
        }
        List<Long> gaps = gapAware.getGaps().headSet(headIndex.getIndex() + 1).stream().toList();
        return gaps.isEmpty() || committedAmong(gaps).isEmpty();
    }

    private List<Long> committedAmong(List<Long> globalIndexes) {
        if (!hasEntity("DomainEventEntry", false)) {
            return List.of(); // no event table of ours (events live elsewhere): a gap cannot be ours
        }
        return entityManager.createQuery("select e.globalIndex from DomainEventEntry e where e.globalIndex in :gaps",
                        Long.class)
                .setParameter("gaps", globalIndexes)
                .getResultList();
    }

    /** Whether the persistence unit maps the entity (Axon's JPA entities are there on the JPA stores). */
    private boolean hasEntity(String name, boolean token) {
        Boolean known = token ? tokenTable : eventTable;
        if (known == null) {
            known = entityManager.getMetamodel().getEntities().stream().anyMatch(e -> e.getName().equals(name));
            if (token) {
                tokenTable = known;
            } else {
                eventTable = known;
            }
        }
        return known;
    }

    private void await(long seen, long maxMillis) {
        try {
            progress.awaitChangeAfter(seen, maxMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for read models", e);
        }
    }
}
