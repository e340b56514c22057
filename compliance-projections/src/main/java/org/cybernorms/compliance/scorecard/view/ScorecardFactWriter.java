package org.cybernorms.compliance.scorecard.view;

import org.cybernorms.compliance.projection.DatabaseKind;
import org.cybernorms.compliance.projection.ReadModelTables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps one fact in its block and counts it in its state's (or instrument's) version, in one transaction (the event
 * processor's, when there is one). A fact already kept (the same event handled again) changes nothing and is not
 * counted again.
 *
 * <p>A block is read, locked ({@code for update}), given the fact and written back; a block not there yet is inserted
 * (on PostgreSQL {@code on conflict do nothing}, and read again if another transaction inserted it first). A fact
 * later than every fact of its block, nearly every fact, is appended to the block's bytes ({@link FactBlocks#append})
 * without decoding them. Plain JDBC on the transaction's connection: no entity, no flush.
 */
@Component
class ScorecardFactWriter {

    private static final String TABLE = ScorecardFactsBulk.BLOCKS.name();
    private static final String WHERE = " where instrument_id = ? and state_code = ? and block_no = ?";

    private final ScorecardVersions versions;
    private final JdbcTemplate jdbc;
    private final DatabaseKind database;

    ScorecardFactWriter(ScorecardVersions versions, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.versions = versions;
        this.database = new DatabaseKind(jdbc);
    }

    @Transactional
    public void keep(FactRow row) {
        String state = row.stateCode() == null ? ScorecardVersion.INSTRUMENT : row.stateCode();
        long block = FactBlocks.blockOf(row.position());
        while (true) {
            List<Kept> kept = jdbc.query("select last_position, facts from " + TABLE + WHERE + " for update",
                    (ResultSet rs, int i) -> new Kept(rs.getLong(1), rs.getBytes(2)), row.instrumentId(), state, block);
            if (kept.isEmpty()) {
                if (insert(row, state, block)) {
                    break;
                }
                continue;
            }
            Kept there = kept.get(0);
            byte[] facts;
            if (row.position() > there.lastPosition()) {
                // The usual case: the latest fact of its block, which cannot be there yet (positions are unique).
                facts = FactBlocks.append(there.facts(), row);
            } else {
                // A fact that committed late, or one handled again: read the block.
                List<FactRow> all = new ArrayList<>(FactBlocks.decode(there.facts(), row.instrumentId(),
                        row.stateCode()));
                if (all.stream().anyMatch(fact -> fact.eventId().equals(row.eventId()))) {
                    return;
                }
                all.add(row);
                facts = FactBlocks.encode(all);
            }
            jdbc.update("update " + TABLE + " set fact_count = fact_count + 1,"
                    + " last_position = greatest(last_position, ?), last_recorded_at = greatest(last_recorded_at, ?),"
                    + " facts = ?" + WHERE, row.position(),
                    at(row.recordedAt()), facts, row.instrumentId(), state, block);
            break;
        }
        // In the same transaction: if counting fails, the fact is not kept either.
        versions.counted(row.instrumentId(), row.stateCode(), row.position(), row.recordedAt());
    }

    /** What a block holds: its latest position and its facts. */
    private record Kept(long lastPosition, byte[] facts) {
    }

    /** Inserts a block of this one fact; false if another transaction inserted the block first (PostgreSQL). */
    private boolean insert(FactRow row, String state, long block) {
        Object[] values = ScorecardFactsBulk.block(List.of(row.instrumentId(), state), block, List.of(row));
        String insert = "insert into " + TABLE + " (instrument_id, state_code, block_no, fact_count, last_position, "
                + "last_recorded_at, facts) values (?, ?, ?, ?, ?, ?, ?)"
                + (database.postgres() ? " on conflict do nothing" : "");
        return jdbc.update(insert, values[0], values[1], values[2], values[3], values[4], at((Instant) values[5]),
                values[6]) == 1;
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Forgets every fact and version (a reset before a replay). */
    @Transactional
    public void clear() {
        ReadModelTables.truncate(jdbc, TABLE);
        versions.clear();
    }
}
