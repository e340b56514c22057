package org.cybernorms.compliance.runtime;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.cybernorms.compliance.history.RecordedEvent;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Reads one aggregate's own events from the event store, exactly as recorded. */
@Component
public class EventStreams {

    private final EventStore eventStore;

    public EventStreams(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public List<RecordedEvent> of(String aggregateId) {
        List<RecordedEvent> events = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(aggregateId);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            events.add(new RecordedEvent(message.getIdentifier(), message.getTimestamp(), message.getPayload()));
        }
        return events;
    }
}
