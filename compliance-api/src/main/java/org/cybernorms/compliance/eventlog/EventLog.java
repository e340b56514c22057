package org.cybernorms.compliance.eventlog;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads the whole event log in order of global position, in batches, through Axon's storage engine: every payload
 * passes through the same upcaster chain as everywhere else in the tracker, so old events are read at their current
 * revision. Nothing is held in memory beyond the engine's batch.
 */
@Component
public class EventLog {

    private final EventStorageEngine engine;
    private final EventStore eventStore;

    /**
     * On the JPA stores the storage engine is read directly, in batches; under Axon Server, where there is no
     * storage engine in this process, the event store's stream is read up to the head.
     */
    public EventLog(ObjectProvider<EventStorageEngine> engine, EventStore eventStore) {
        this.engine = engine.getIfAvailable();
        this.eventStore = eventStore;
    }

    /** The position of the last event in the log, or empty if the log is empty. */
    public OptionalLong head() {
        TrackingToken head = engine != null ? engine.createHeadToken() : eventStore.createHeadToken();
        return head == null ? OptionalLong.empty() : head.position();
    }

    /**
     * Hands every event with a position above {@code after} (all events if {@code null}) and at most {@code upTo}
     * to {@code visitor}, in order of position, until the visitor answers false or the log ends.
     */
    public void read(Long after, long upTo, Predicate<LogEvent> visitor) {
        if (engine == null) {
            readStream(after, upTo, visitor);
            return;
        }
        TrackingToken token = after == null ? null : GapAwareTrackingToken.newInstance(after, List.of());
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(token, false)) {
            Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
            while (events.hasNext()) {
                TrackedEventMessage<?> message = events.next();
                long position = message.trackingToken().position().orElseThrow();
                if (position > upTo || !visitor.test(toLogEvent(message, position))) {
                    return;
                }
            }
        }
    }

    private void readStream(Long after, long upTo, Predicate<LogEvent> visitor) {
        TrackingToken token = after == null ? null : new GlobalSequenceTrackingToken(after);
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(token)) {
            while (stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> message = stream.nextAvailable();
                long position = message.trackingToken().position().orElseThrow();
                if (position > upTo || !visitor.test(toLogEvent(message, position)) || position == upTo) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static LogEvent toLogEvent(TrackedEventMessage<?> message, long position) {
        String aggregateType = null;
        String aggregateId = message.getIdentifier();
        long sequence = 0;
        if (message instanceof DomainEventMessage<?> domain) {
            aggregateType = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        return new LogEvent(position, message.getIdentifier(), aggregateType, aggregateId, sequence,
                message.getTimestamp(), message.getPayload(), message.getMetaData());
    }
}
