package org.cybernorms.compliance.scorecard.view;

import org.cybernorms.compliance.projection.BulkProjection;
import org.cybernorms.compliance.projection.Column;
import org.cybernorms.compliance.projection.RowBatch;
import org.cybernorms.compliance.projection.Table;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scorecard facts in bulk: the rows {@link ScorecardFactsProjection} saves, from {@link FactRow#of}. The version
 * rows are counted as the rows are made (per instrument and state: how many, the highest position, the latest
 * recorded instant) and written at the end under a new generation (which also retires every cached answer): what
 * {@link ScorecardVersions#recountFromFacts()} would count from the table, without reading it again.
 */
@Component
public class ScorecardFactsBulk implements BulkProjection {

    static final Table FACTS = Table.of("rm_scorecard_fact",
            Column.text("event_id"), Column.bigint("log_position"), Column.text("instrument_id"),
            Column.text("state_code"), Column.text("event_type"), Column.date("valid_on"),
            Column.instant("recorded_at"), Column.text("norm"), Column.text("subject_id"), Column.text("title"),
            Column.date("due_on"), Column.date("occurred_on"), Column.text("severity"))
            .keyedInLogOrder("log_position, event_id")
            .withIndex("ix_rm_scorecard_fact_subject", "instrument_id, state_code, log_position");

    private final ScorecardVersions versions;
    /** Per instrument and state code, while a rebuild runs (one at a time; filled on the thread that projects). */
    private final Map<List<String>, Tally> tallies = new HashMap<>();

    private static final class Tally {
        long count;
        long lastPosition = Long.MIN_VALUE;
        Instant lastRecordedAt;
    }

    public ScorecardFactsBulk(ScorecardVersions versions) {
        this.versions = versions;
    }

    @Override
    public void started() {
        tallies.clear();
    }

    @Override
    public void completed() {
        List<ScorecardVersions.Counted> counts = new ArrayList<>(tallies.size());
        tallies.forEach((key, tally) -> counts.add(new ScorecardVersions.Counted(key.get(0), key.get(1), tally.count,
                tally.lastPosition, tally.lastRecordedAt)));
        versions.replaceAll(counts);
        tallies.clear();
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
        FactRow.of(payload, eventId, recordedAt, position).ifPresent(row -> {
            rows.add(FACTS, values(row));
            Tally tally = tallies.computeIfAbsent(List.of(row.instrumentId(),
                    row.stateCode() == null ? ScorecardVersion.INSTRUMENT : row.stateCode()), key -> new Tally());
            tally.count++;
            tally.lastPosition = Math.max(tally.lastPosition, row.position());
            if (tally.lastRecordedAt == null || row.recordedAt().isAfter(tally.lastRecordedAt)) {
                tally.lastRecordedAt = row.recordedAt();
            }
        });
    }

    /** The row's values in the order of {@link #FACTS}' columns. */
    static Object[] values(FactRow row) {
        return new Object[] {row.eventId(), row.position(), row.instrumentId(), row.stateCode(), row.type(),
                row.validOn(), row.recordedAt(), row.normCode(), row.subjectId(), row.title(), row.dueOn(),
                row.occurredOn(), row.severity() == null ? null : row.severity().name()};
    }
}
