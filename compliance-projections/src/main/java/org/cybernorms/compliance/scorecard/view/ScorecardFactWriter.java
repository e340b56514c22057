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
 * (on PostgreSQL {@code on conflict do nothing}, and read again if another transaction inserted it first). Plain JDBC
 * on the transaction's connection: no entity, no flush.
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
            List<byte[]> kept = jdbc.query("select facts from " + TABLE + WHERE + " for update",
                    (ResultSet rs, int i) -> rs.getBytes(1), row.instrumentId(), state, block);
            if (kept.isEmpty()) {
                if (insert(row, state, block)) {
                    break;
                }
                continue;
            }
            List<FactRow> facts = new ArrayList<>(FactBlocks.decode(kept.get(0), row.instrumentId(), row.stateCode()));
            if (facts.stream().anyMatch(fact -> fact.eventId().equals(row.eventId()))) {
                return;
            }
            facts.add(row);
            Object[] values = ScorecardFactsBulk.block(List.of(row.instrumentId(), state), block, facts);
            jdbc.update("update " + TABLE + " set fact_count = ?, last_position = ?, last_recorded_at = ?, facts = ?"
                    + WHERE, values[3], values[4], at((Instant) values[5]), values[6], row.instrumentId(), state,
                    block);
            break;
        }
        // In the same transaction: if counting fails, the fact is not kept either.
        versions.counted(row.instrumentId(), row.stateCode(), row.position(), row.recordedAt());
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
