package org.cybernorms.compliance.scorecard.view;

import org.cybernorms.compliance.projection.BulkProjection;
import org.cybernorms.compliance.projection.Column;
import org.cybernorms.compliance.projection.RowBatch;
import org.cybernorms.compliance.projection.Table;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scorecard facts in bulk: the blocks {@link ScorecardFactsProjection} saves, from {@link FactRow#of}. The events
 * come in the log's order, so every block of one range of positions is complete once an event of a later range comes:
 * the facts are held until then, and each block is written once, in the form the live projection gives it fact by
 * fact ({@link FactBlocks}). At most one range's facts are held (a few thousand). The version
 * rows are counted as the rows are made (per instrument and state: how many, the highest position, the latest
 * recorded instant) and written at the end under a new generation (which also retires every cached answer): what
 * {@link ScorecardVersions#recountFromFacts()} would count from the table, without reading it again.
 */
@Component
public class ScorecardFactsBulk implements BulkProjection {

    static final Table BLOCKS = Table.of("rm_scorecard_fact_block",
            Column.text("instrument_id"), Column.text("state_code"), Column.bigint("block_no"),
            Column.integer("fact_count"), Column.bigint("last_position"), Column.instant("last_recorded_at"),
            Column.bytes("facts"))
            .keyedBy("instrument_id, state_code, block_no");

    private final ScorecardVersions versions;
    /** Per instrument and state code, while a rebuild runs (one at a time; filled on the thread that projects). */
    private final Map<List<String>, Tally> tallies = new HashMap<>();
    /** The facts of the block being gathered, per instrument and state code, in the order they came. */
    private final Map<List<String>, List<FactRow>> gathering = new LinkedHashMap<>();
    private long gatheringBlock = Long.MIN_VALUE;

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
        gathering.clear();
        gatheringBlock = Long.MIN_VALUE;
    }

    @Override
    public void flush(RowBatch rows) {
        gathering.forEach((subject, facts) -> rows.add(BLOCKS, block(subject, gatheringBlock, facts)));
        gathering.clear();
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
        return java.util.List.of(BLOCKS);
    }

    /** Before the facts were kept in blocks: one row per fact, {@code rm_scorecard_fact}. */
    @Override
    public List<String> retiredTables() {
        return List.of("rm_scorecard_fact");
    }

    @Override
    public String processingGroup() {
        return ScorecardFactsProjection.PROCESSING_GROUP;
    }

    @Override
    public void project(Object payload, String eventId, Instant recordedAt, long position, RowBatch rows) {
        FactRow.of(payload, eventId, recordedAt, position).ifPresent(row -> {
            long block = FactBlocks.blockOf(row.position());
            if (block != gatheringBlock) {
                flush(rows);
                gatheringBlock = block;
            }
            List<String> subject = List.of(row.instrumentId(),
                    row.stateCode() == null ? ScorecardVersion.INSTRUMENT : row.stateCode());
            gathering.computeIfAbsent(subject, key -> new ArrayList<>()).add(row);
            Tally tally = tallies.computeIfAbsent(subject, key -> new Tally());
            tally.count++;
            tally.lastPosition = Math.max(tally.lastPosition, row.position());
            if (tally.lastRecordedAt == null || row.recordedAt().isAfter(tally.lastRecordedAt)) {
                tally.lastRecordedAt = row.recordedAt();
            }
        });
    }

    /** One block's row, in the order of {@link #BLOCKS}' columns. */
    static Object[] block(List<String> subject, long block, List<FactRow> facts) {
        long lastPosition = Long.MIN_VALUE;
        Instant lastRecordedAt = null;
        for (FactRow fact : facts) {
            lastPosition = Math.max(lastPosition, fact.position());
            if (lastRecordedAt == null || fact.recordedAt().isAfter(lastRecordedAt)) {
                lastRecordedAt = fact.recordedAt();
            }
        }
        return new Object[] {subject.get(0), subject.get(1), block, facts.size(), lastPosition, lastRecordedAt,
                FactBlocks.encode(facts)};
    }
}
