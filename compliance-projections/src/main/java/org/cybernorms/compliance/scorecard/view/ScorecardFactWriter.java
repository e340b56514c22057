package org.cybernorms.compliance.scorecard.view;

import org.cybernorms.compliance.projection.DatabaseKind;
import org.cybernorms.compliance.projection.ReadModelTables;
import org.springframework.dao.DuplicateKeyException;
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
 * <p>A block is read, given the fact and written back only if it is still the block read (its fact count, which grows
 * with every change, unchanged; otherwise it is read again): another segment or node adding a fact to the same block
 * at the same time makes the update wait for it and then find the count changed. A block not there yet is inserted
 * (on PostgreSQL {@code on conflict do nothing}, on H2 a duplicate key caught; either way read again if another
 * transaction inserted it first). The block is not read {@code for update}: H2 parses a {@code select ... for update}
 * anew on every call (it never caches one), which was about a quarter of the scorecard processor's time under a write
 * load. A fact later than every fact of its block, nearly every fact, is appended to the block's bytes
 * ({@link FactBlocks#append}) without decoding them. Plain JDBC on the transaction's connection: no entity, no flush.
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
            List<Kept> kept = jdbc.query("select fact_count, last_position, facts from " + TABLE + WHERE,
                    (ResultSet rs, int i) -> new Kept(rs.getLong(1), rs.getLong(2), rs.getBytes(3)),
                    row.instrumentId(), state, block);
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
            // Only if the block is still the one read: its count grows with every change.
            int updated = jdbc.update("update " + TABLE + " set fact_count = fact_count + 1,"
                    + " last_position = greatest(last_position, ?), last_recorded_at = greatest(last_recorded_at, ?),"
                    + " facts = ?" + WHERE + " and fact_count = ?", row.position(), at(row.recordedAt()), facts,
                    row.instrumentId(), state, block, there.count());
            if (updated == 1) {
                break;
            }
            // Another transaction (another segment or node) changed the block since it was read: read it again.
        }
        // In the same transaction: if counting fails, the fact is not kept either.
        versions.counted(row.instrumentId(), row.stateCode(), row.position(), row.recordedAt());
    }

    /** What a block holds: how many facts, its latest position and its facts. */
    private record Kept(long count, long lastPosition, byte[] facts) {
    }

    /** Inserts a block of this one fact; false if another transaction inserted the block first. */
    private boolean insert(FactRow row, String state, long block) {
        Object[] values = ScorecardFactsBulk.block(List.of(row.instrumentId(), state), block, List.of(row));
        String insert = "insert into " + TABLE + " (instrument_id, state_code, block_no, fact_count, last_position, "
                + "last_recorded_at, facts) values (?, ?, ?, ?, ?, ?, ?)"
                + (database.postgres() ? " on conflict do nothing" : "");
        try {
            return jdbc.update(insert, values[0], values[1], values[2], values[3], values[4], at((Instant) values[5]),
                    values[6]) == 1;
        } catch (DuplicateKeyException raced) {
            // H2 (no "on conflict" here): another transaction inserted the block first. H2 undoes the statement
            // alone, not the transaction, so the block is read again and the fact added to it.
            return false;
        }
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
