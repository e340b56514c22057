package org.cybernorms.compliance.instrument.view;

import org.cybernorms.compliance.instrument.api.InstrumentEvents.InstrumentCreated;
import org.cybernorms.compliance.projection.BulkProjection;
import org.cybernorms.compliance.projection.Column;
import org.cybernorms.compliance.projection.RowBatch;
import org.cybernorms.compliance.projection.Table;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** The directory of instruments in bulk: the listing {@link InstrumentDirectoryProjection} saves. */
@Component
public class InstrumentDirectoryBulk implements BulkProjection {

    static final Table LISTINGS = Table.of("rm_instrument_listing",
            Column.text("instrument_id"), Column.text("title"), Column.date("adopted_on"));

    @Override
    public java.util.List<Table> tables() {
        return java.util.List.of(LISTINGS);
    }

    @Override
    public String processingGroup() {
        return InstrumentDirectoryProjection.PROCESSING_GROUP;
    }

    @Override
    public void project(Object payload, String eventId, Instant recordedAt, long position, RowBatch rows) {
        if (payload instanceof InstrumentCreated event) {
            rows.add(LISTINGS, event.instrumentId().value(), event.title(), event.adoptedOn());
        }
    }
}
