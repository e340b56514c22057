package org.cybernorms.compliance.instrument.view;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.cybernorms.compliance.instrument.api.InstrumentEvents.InstrumentCreated;
import org.springframework.stereotype.Component;

/** Keeps the directory of instruments. Idempotent (saves by id) and replay-safe (a reset clears it). */
@Component
@ProcessingGroup(InstrumentDirectoryProjection.PROCESSING_GROUP)
public class InstrumentDirectoryProjection {

    public static final String PROCESSING_GROUP = "instruments";

    private final InstrumentListingRepository listings;

    public InstrumentDirectoryProjection(InstrumentListingRepository listings) {
        this.listings = listings;
    }

    @EventHandler
    void on(InstrumentCreated event) {
        listings.save(new InstrumentListing(event.instrumentId().value(), event.title(), event.adoptedOn()));
    }

    @ResetHandler
    void reset() {
        listings.deleteAllInBatch();
    }
}
