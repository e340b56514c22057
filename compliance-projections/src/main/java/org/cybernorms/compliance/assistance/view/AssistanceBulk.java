package org.cybernorms.compliance.assistance.view;

import org.cybernorms.compliance.assistance.api.AssistanceEvents;
import org.cybernorms.compliance.projection.BulkProjection;
import org.cybernorms.compliance.projection.Column;
import org.cybernorms.compliance.projection.RowBatch;
import org.cybernorms.compliance.projection.Table;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The assistance facts in bulk: the rows {@link AssistanceProjection} saves, from {@link AssistanceFactRow#of}; at the
 * end the version is counted from them (which also retires every cached ledger).
 */
@Component
public class AssistanceBulk implements BulkProjection {

    static final Table FACTS = Table.of("rm_assistance_fact",
            Column.text("event_id"), Column.bigint("log_position"), Column.text("event_type"),
            Column.date("valid_on"), Column.instant("recorded_at"), Column.text("request_id"),
            Column.text("requester"), Column.text("offer_id"), Column.text("offeror"), Column.text("addressee"),
            Column.text("instrument_id"), Column.text("norm"), Column.text("area"), Column.text("terms"),
            Column.text("outcome"), Column.integer("part"))
            .withIndex("ix_rm_assistance_fact_requester", "requester, log_position")
            .withIndex("ix_rm_assistance_fact_offeror", "offeror, log_position")
            .withIndex("ix_rm_assistance_fact_request", "request_id, log_position")
            .withIndex("ix_rm_assistance_fact_offer", "offer_id")
            .withIndex("ix_rm_assistance_fact_type", "event_type, log_position");

    private final AssistanceVersions versions;

    public AssistanceBulk(AssistanceVersions versions) {
        this.versions = versions;
    }

    @Override
    public void completed() {
        versions.recountFromFacts();
    }

    @Override
    public java.util.List<Table> tables() {
        return java.util.List.of(FACTS);
    }

    @Override
    public String processingGroup() {
        return AssistanceProjection.PROCESSING_GROUP;
    }

    @Override
    public void project(Object payload, String eventId, Instant recordedAt, long position, RowBatch rows) {
        if (payload instanceof AssistanceEvents event) {
            AssistanceFactRow row = AssistanceFactRow.of(event, eventId, recordedAt, position);
            rows.add(FACTS, row.eventId(), row.position(), row.type(), row.validOn(), row.recordedAt(),
                    row.requestId(), row.requester(), row.offerId(), row.offeror(), row.addressee(),
                    row.instrumentId(), row.normCode(), row.area() == null ? null : row.area().name(),
                    row.terms() == null ? null : row.terms().name(), row.outcome(), row.part());
        }
    }
}
