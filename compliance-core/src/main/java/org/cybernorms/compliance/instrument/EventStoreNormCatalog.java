package org.cybernorms.compliance.instrument;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.cybernorms.compliance.instrument.api.TreatyTerms;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link NormCatalog} that reads an instrument's own events from the event store, so it is exact at every moment:
 * a norm added by one request is known to the next. It caches the folded norms and reuses them for as long as the
 * instrument's last sequence number is unchanged.
 */
public class EventStoreNormCatalog implements NormCatalog {

    private final EventStore eventStore;
    private final ConcurrentMap<InstrumentId, Cached> cache = new ConcurrentHashMap<>();

    public EventStoreNormCatalog(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public NormStanding standing(InstrumentId instrument, NormCode norm, LocalDate on) {
        return instrument(instrument).standing(norm, on);
    }

    @Override
    public Optional<LocalDate> adoptedOn(InstrumentId instrument) {
        return Optional.ofNullable(instrument(instrument).adoptedOn());
    }

    @Override
    public Optional<TreatyTerms> treatyTerms(InstrumentId instrument) {
        return instrument(instrument).treatyTerms();
    }

    /** The instrument folded from its events as they stand now; {@link InstrumentNorms#exists()} is false if none. */
    public InstrumentNorms instrument(InstrumentId instrument) {
        Optional<Long> last = eventStore.lastSequenceNumberFor(instrument.value());
        if (last.isEmpty()) {
            return new InstrumentNorms(instrument);
        }
        Cached cached = cache.get(instrument);
        if (cached != null && cached.sequence == last.get()) {
            return cached.norms;
        }
        InstrumentNorms norms = new InstrumentNorms(instrument);
        long sequence = -1;
        DomainEventStream stream = eventStore.readEvents(instrument.value());
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            norms.apply(message.getPayload());
            sequence = message.getSequenceNumber();
        }
        cache.put(instrument, new Cached(sequence, norms));
        return norms;
    }

    /** Forgets every folded instrument, for when the log was replaced underneath (a restore). */
    public void forget() {
        cache.clear();
    }

    private record Cached(long sequence, InstrumentNorms norms) {
    }
}
