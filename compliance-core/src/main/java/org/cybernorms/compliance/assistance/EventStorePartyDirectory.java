package org.cybernorms.compliance.assistance;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.cybernorms.compliance.assistance.api.OrganisationEvents.OrganisationRegistered;
import org.cybernorms.compliance.assistance.api.OrganisationId;
import org.cybernorms.compliance.assistance.api.Party;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link PartyDirectory} that reads an organisation's own events from the event store, so it is exact at every
 * moment: an organisation registered by one request is known to the next. A registration is never changed, so a
 * found one is cached for good; an unknown organisation is looked up again every time.
 */
public class EventStorePartyDirectory implements PartyDirectory {

    private final EventStore eventStore;
    private final ConcurrentMap<OrganisationId, LocalDate> registered = new ConcurrentHashMap<>();

    public EventStorePartyDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<LocalDate> registeredOn(OrganisationId organisation) {
        LocalDate cached = registered.get(organisation);
        if (cached != null) {
            return Optional.of(cached);
        }
        String aggregateId = Party.organisation(organisation).toString();
        if (eventStore.lastSequenceNumberFor(aggregateId).isEmpty()) {
            return Optional.empty();
        }
        DomainEventStream stream = eventStore.readEvents(aggregateId);
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof OrganisationRegistered event) {
                registered.put(organisation, event.registeredOn());
                return Optional.of(event.registeredOn());
            }
        }
        return Optional.empty();
    }
}
