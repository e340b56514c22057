package org.cybernorms.compliance.scorecard.view;

import org.cybernorms.compliance.projection.DatabaseKind;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The versions of the scorecard facts (table {@code rm_scorecard_version}, see {@link ScorecardVersion}): per
 * instrument and state, how many fact rows there are, the highest log position, the latest recorded instant and a
 * generation. The projection counts each new fact row here in the same transaction as the row itself, so every node
 * reading the database sees a version that changes whenever the facts behind a scorecard change: a new fact, a fact
 * that commits late with a lower log position (the count changes), and a reset or bulk rebuild (the rows are created
 * again with a new generation).
 */
@Component
public class ScorecardVersions {

    /** One version row; {@code null} stands for "no row" (no facts). */
    public record Version(long count, long lastPosition, Instant lastRecordedAt, long generation) {
    }

    private static final String COLUMNS = "state_code, fact_count, last_position, last_recorded_at, generation";

    private final JdbcTemplate jdbc;
    private final ScorecardCache cache;
    private final DatabaseKind database;

    public ScorecardVersions(JdbcTemplate jdbc, ScorecardCache cache) {
        this.jdbc = jdbc;
        this.database = new DatabaseKind(jdbc);
        this.cache = cache;
    }

    /**
     * Counts one new fact row (never one already kept). Safe with several segments counting facts of the same state
     * at the same time: PostgreSQL upserts in one statement; elsewhere a lost race to create the row turns into an
     * update.
     *
     * @param state the state, or {@code null} for the instrument's own facts
     */
    void counted(String instrument, String state, long position, Instant recordedAt) {
        counted(instrument, state, 1, position, recordedAt);
    }

    /** Counts {@code facts} new fact rows of one instrument and state, the highest at {@code position}. */
    void counted(String instrument, String state, int facts, long position, Instant recordedAt) {
        String code = state == null ? ScorecardVersion.INSTRUMENT : state;
        OffsetDateTime at = OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC);
        if (database.postgres()) {
            jdbc.update("""
                    insert into rm_scorecard_version as v
                        (instrument_id, state_code, fact_count, last_position, last_recorded_at, generation)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (instrument_id, state_code) do update set
                        fact_count = v.fact_count + excluded.fact_count,
                        last_position = greatest(v.last_position, excluded.last_position),
                        last_recorded_at = greatest(v.last_recorded_at, excluded.last_recorded_at)""",
                    instrument, code, facts, position, at, newGeneration());
            return;
        }
        for (int attempt = 0; ; attempt++) {
            int updated = jdbc.update("""
                    update rm_scorecard_version set fact_count = fact_count + ?,
                        last_position = greatest(last_position, ?), last_recorded_at = greatest(last_recorded_at, ?)
                    where instrument_id = ? and state_code = ?""", facts, position, at, instrument, code);
            if (updated == 1) {
                return;
            }
            try {
                jdbc.update("""
                        insert into rm_scorecard_version
                            (instrument_id, state_code, fact_count, last_position, last_recorded_at, generation)
                        values (?, ?, ?, ?, ?, ?)""", instrument, code, facts, position, at, newGeneration());
                return;
            } catch (DuplicateKeyException raced) {
                // Another segment created the row first (and may not have committed yet): update it instead.
                if (attempt >= 200) {
                    throw raced;
                }
                Thread.onSpinWait();
            }
        }
    }

    /**
     * The instrument's own version and the state's, keyed by state code ({@link ScorecardVersion#INSTRUMENT}). Two
     * lookups by primary key, as a row-value {@code in}: with {@code state_code in (?, ?)} H2 walked every version
     * row of the instrument, and it parses a {@code union} of the two lookups anew on every call.
     */
    public Map<String, Version> of(String instrument, String state) {
        return read("select " + COLUMNS + " from rm_scorecard_version "
                + "where (instrument_id, state_code) in ((?, ?), (?, ?))",
                instrument, ScorecardVersion.INSTRUMENT, instrument, state);
    }

    /** Every version row of the instrument (its own, under {@link ScorecardVersion#INSTRUMENT}, and each state's). */
    public Map<String, Version> ofInstrument(String instrument) {
        return read("select " + COLUMNS + " from rm_scorecard_version where instrument_id = ?", instrument);
    }

    /** Every version row, by instrument, then by state code ({@link ScorecardVersion#INSTRUMENT} for its own). */
    public Map<String, Map<String, Version>> all() {
        Map<String, Map<String, Version>> versions = new HashMap<>();
        jdbc.query("select instrument_id, " + COLUMNS + " from rm_scorecard_version",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
            versions.computeIfAbsent(rs.getString(1), i -> new HashMap<>()).put(rs.getString(2), new Version(
                    rs.getLong(3), rs.getLong(4), rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getLong(6)));
        });
        return versions;
    }

    /** Forgets every version, and this node's cached answers (a reset; other nodes see new generations). */
    @Transactional
    public void clear() {
        jdbc.update("delete from rm_scorecard_version");
        cache.clear();
    }

    /**
     * Rebuilds every version row from the fact blocks in one set-based statement, with a new generation, and clears
     * this node's cached answers. A bulk rebuild that writes {@code rm_scorecard_fact_block} rows without the
     * projection (plain JDBC) must call this once it has inserted them, before reads are served again; other nodes
     * need nothing, since the new generation changes every cache key.
     */
    @Transactional
    public void recountFromFacts() {
        jdbc.update("delete from rm_scorecard_version");
        jdbc.update("""
                insert into rm_scorecard_version
                    (instrument_id, state_code, fact_count, last_position, last_recorded_at, generation)
                select instrument_id, state_code, sum(fact_count), max(last_position), max(last_recorded_at), ?
                from rm_scorecard_fact_block
                group by instrument_id, state_code""", newGeneration());
        cache.clear();
    }

    /** One version row counted outside the database: {@code state} is {@link ScorecardVersion#INSTRUMENT} or a code. */
    public record Counted(String instrument, String state, long count, long lastPosition, Instant lastRecordedAt) {
    }

    /**
     * Replaces every version row with these, under one new generation, and clears this node's cached answers: what
     * {@link #recountFromFacts()} gives when {@code counts} were counted from exactly the fact rows there are (a
     * bulk rebuild counts the rows as it writes them, and so saves a scan of the whole fact table).
     */
    @Transactional
    public void replaceAll(java.util.Collection<Counted> counts) {
        jdbc.update("delete from rm_scorecard_version");
        long generation = newGeneration();
        jdbc.batchUpdate("""
                insert into rm_scorecard_version
                    (instrument_id, state_code, fact_count, last_position, last_recorded_at, generation)
                values (?, ?, ?, ?, ?, ?)""", counts.stream().map(c -> new Object[]{c.instrument(), c.state(),
                c.count(), c.lastPosition(), OffsetDateTime.ofInstant(c.lastRecordedAt(), ZoneOffset.UTC),
                generation}).toList());
        cache.clear();
    }

    private Map<String, Version> read(String sql, Object... args) {
        Map<String, Version> versions = new HashMap<>();
        jdbc.query(sql, (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
            versions.put(rs.getString(1), version(rs));
        }, args);
        return versions;
    }

    private static Version version(ResultSet rs) throws SQLException {
        return new Version(rs.getLong(2), rs.getLong(3), rs.getObject(4, OffsetDateTime.class).toInstant(),
                rs.getLong(5));
    }

    private static long newGeneration() {
        return ThreadLocalRandom.current().nextLong();
    }
}
