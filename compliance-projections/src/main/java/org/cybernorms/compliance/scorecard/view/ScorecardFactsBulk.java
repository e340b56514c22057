package org.cybernorms.compliance.scorecard.view;

import org.cybernorms.compliance.projection.BulkProjection;
import org.cybernorms.compliance.projection.Column;
import org.cybernorms.compliance.projection.RowBatch;
import org.cybernorms.compliance.projection.Table;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The scorecard facts in bulk: the rows {@link ScorecardFactsProjection} saves, from {@link FactRow#of}; at the end
 * the version rows are counted from them in one statement (which also retires every cached answer).
 */
@Component
public class ScorecardFactsBulk implements BulkProjection {

    static final Table FACTS = Table.of("rm_scorecard_fact",
            Column.text("event_id"), Column.bigint("log_position"), Column.text("instrument_id"),
            Column.text("state_code"), Column.text("event_type"), Column.date("valid_on"),
            Column.instant("recorded_at"), Column.text("norm"), Column.text("subject_id"), Column.text("title"),
            Column.date("due_on"), Column.date("occurred_on"), Column.text("severity"))
            .withIndex("ix_rm_scorecard_fact_subject", "instrument_id, state_code, log_position");

    private final ScorecardVersions versions;

    public ScorecardFactsBulk(ScorecardVersions versions) {
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
        return ScorecardFactsProjection.PROCESSING_GROUP;
    }

    @Override
    public void project(Object payload, String eventId, Instant recordedAt, long position, RowBatch rows) {
        FactRow.of(payload, eventId, recordedAt, position).ifPresent(row -> rows.add(FACTS, values(row)));
    }

    /** The row's values in the order of {@link #FACTS}' columns. */
    static Object[] values(FactRow row) {
        return new Object[] {row.eventId(), row.position(), row.instrumentId(), row.stateCode(), row.type(),
                row.validOn(), row.recordedAt(), row.normCode(), row.subjectId(), row.title(), row.dueOn(),
                row.occurredOn(), row.severity() == null ? null : row.severity().name()};
    }
}
