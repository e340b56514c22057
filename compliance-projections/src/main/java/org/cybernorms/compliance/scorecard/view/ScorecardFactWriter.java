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
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Keeps facts in their blocks and counts them in their state's (or instrument's) version, in one transaction (the
 * event processor's, when there is one; the projection hands over a whole batch's facts at once). A fact already kept
 * (the same event handled again) changes nothing and is not counted again.
 *
 * <p>A block is read, given its new facts and written back only if it is still the block read (its fact count, which grows
 * with every change, unchanged; otherwise it is read again): another segment or node adding a fact to the same block
 * at the same time makes the update wait for it and then find the count changed. A block not there yet is inserted
 * (on PostgreSQL {@code on conflict do nothing}, on H2 a duplicate key caught; either way read again if another
 * transaction inserted it first). The block is not read {@code for update}: H2 parses a {@code select ... for update}
 * anew on every call (it never caches one), which was about a quarter of the scorecard processor's time under a write
 * load. Facts later than every fact of their block, nearly every fact, are appended to the block's bytes
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
        keepAll(List.of(row));
    }

    /**
     * Keeps facts that one transaction brings (a processor's batch), each block read and written once for all of its
     * new facts: under a load on one state, a batch holds many facts of the same block, and the block's bytes, up to
     * a few hundred kilobytes, are copied once per batch rather than once per fact. Blocks are taken in key order, so
     * that two transactions keeping facts of the same blocks wait for each other rather than deadlock. Each state's
     * version counts its new facts once.
     */
    @Transactional
    public void keepAll(List<FactRow> rows) {
        Map<BlockKey, List<FactRow>> byBlock = new TreeMap<>();
        for (FactRow row : rows) {
            String state = row.stateCode() == null ? ScorecardVersion.INSTRUMENT : row.stateCode();
            byBlock.computeIfAbsent(new BlockKey(row.instrumentId(), state, FactBlocks.blockOf(row.position())),
                    key -> new ArrayList<>()).add(row);
        }
        Map<List<String>, List<FactRow>> newByState = new LinkedHashMap<>();
        for (Map.Entry<BlockKey, List<FactRow>> block : byBlock.entrySet()) {
            List<FactRow> added = keep(block.getKey(), block.getValue());
            if (!added.isEmpty()) {
                newByState.computeIfAbsent(List.of(block.getKey().instrument(), block.getKey().state()),
                        key -> new ArrayList<>()).addAll(added);
            }
        }
        // In the same transaction: if counting fails, the facts are not kept either.
        for (List<FactRow> added : newByState.values()) {
            FactRow first = added.get(0);
            long lastPosition = added.stream().mapToLong(FactRow::position).max().orElseThrow();
            Instant lastRecordedAt = added.stream().map(FactRow::recordedAt).max(Instant::compareTo).orElseThrow();
            versions.counted(first.instrumentId(), first.stateCode(), added.size(), lastPosition, lastRecordedAt);
        }
    }

    /** Adds the facts of one block that are not there yet; the facts added. */
    private List<FactRow> keep(BlockKey key, List<FactRow> rows) {
        List<FactRow> fresh = distinct(rows);
        while (true) {
            List<Kept> kept = jdbc.query("select fact_count, last_position, facts from " + TABLE + WHERE,
                    (ResultSet rs, int i) -> new Kept(rs.getLong(1), rs.getLong(2), rs.getBytes(3)),
                    key.instrument(), key.state(), key.block());
            if (kept.isEmpty()) {
                if (insert(key, fresh)) {
                    return fresh;
                }
                continue;
            }
            Kept there = kept.get(0);
            List<FactRow> added;
            byte[] facts;
            if (fresh.stream().allMatch(row -> row.position() > there.lastPosition())) {
                // The usual case: the latest facts of their block, which cannot be there yet (positions are unique).
                added = fresh;
                facts = FactBlocks.append(there.facts(), added);
            } else {
                // Facts that committed late, or ones handled again: read the block.
                List<FactRow> all = new ArrayList<>(FactBlocks.decode(there.facts(), key.instrument(),
                        fresh.get(0).stateCode()));
                Set<String> present = new HashSet<>();
                all.forEach(fact -> present.add(fact.eventId()));
                added = fresh.stream().filter(row -> !present.contains(row.eventId())).toList();
                if (added.isEmpty()) {
                    return added;
                }
                all.addAll(added);
                facts = FactBlocks.encode(all);
            }
            long lastPosition = added.stream().mapToLong(FactRow::position).max().orElseThrow();
            Instant lastRecordedAt = added.stream().map(FactRow::recordedAt).max(Instant::compareTo).orElseThrow();
            // Only if the block is still the one read: its count grows with every change.
            int updated = jdbc.update("update " + TABLE + " set fact_count = fact_count + ?,"
                    + " last_position = greatest(last_position, ?), last_recorded_at = greatest(last_recorded_at, ?),"
                    + " facts = ?" + WHERE + " and fact_count = ?", added.size(), lastPosition, at(lastRecordedAt),
                    facts, key.instrument(), key.state(), key.block(), there.count());
            if (updated == 1) {
                return added;
            }
            // Another transaction (another segment or node) changed the block since it was read: read it again.
        }
    }

    /** The facts with the same event once (an event handled twice in one transaction is one fact). */
    private static List<FactRow> distinct(List<FactRow> rows) {
        Set<String> seen = new HashSet<>();
        return rows.stream().filter(row -> seen.add(row.eventId())).toList();
    }

    /** A block's key; ordered, so that blocks are always taken in the same order. */
    private record BlockKey(String instrument, String state, long block) implements Comparable<BlockKey> {
        private static final Comparator<BlockKey> ORDER = Comparator.comparing(BlockKey::instrument)
                .thenComparing(BlockKey::state).thenComparingLong(BlockKey::block);

        @Override
        public int compareTo(BlockKey other) {
            return ORDER.compare(this, other);
        }
    }

    /** What a block holds: how many facts, its latest position and its facts. */
    private record Kept(long count, long lastPosition, byte[] facts) {
    }

    /** Inserts a block of these facts; false if another transaction inserted the block first. */
    private boolean insert(BlockKey key, List<FactRow> rows) {
        Object[] values = ScorecardFactsBulk.block(List.of(key.instrument(), key.state()), key.block(), rows);
        String insert = "insert into " + TABLE + " (instrument_id, state_code, block_no, fact_count, last_position, "
                + "last_recorded_at, facts) values (?, ?, ?, ?, ?, ?, ?)"
                + (database.postgres() ? " on conflict do nothing" : "");
        try {
            return jdbc.update(insert, values[0], values[1], values[2], values[3], values[4], at((Instant) values[5]),
                    values[6]) == 1;
        } catch (DuplicateKeyException raced) {
            // H2 (no "on conflict" here): another transaction inserted the block first. H2 undoes the statement
            // alone, not the transaction, so the block is read again and the facts added to it.
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
