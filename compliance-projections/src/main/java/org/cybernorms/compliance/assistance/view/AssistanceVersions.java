package org.cybernorms.compliance.assistance.view;

import org.cybernorms.compliance.projection.DatabaseKind;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The version of the assistance facts (table {@code rm_assistance_version}, see {@link AssistanceVersion}): how many
 * fact rows there are, the highest log position, the latest recorded instant and a generation. The projection counts
 * each new fact row here in the same transaction as the row itself, so every node reading the database sees a
 * version that changes whenever the assistance facts change: a new fact, a fact that commits late with a lower log
 * position (the count changes), and a reset or bulk rebuild (the row is created again with a new generation).
 */
@Component
public class AssistanceVersions {

    /** The version; {@code null} stands for "no row" (no facts). */
    public record Version(long count, long lastPosition, Instant lastRecordedAt, long generation) {
    }

    private final JdbcTemplate jdbc;
    private final AssistanceCache cache;
    private final DatabaseKind database;

    public AssistanceVersions(JdbcTemplate jdbc, AssistanceCache cache) {
        this.jdbc = jdbc;
        this.database = new DatabaseKind(jdbc);
        this.cache = cache;
    }

    /**
     * Counts one new fact row (never one already kept). Safe with both segments counting at once (one row, so no
     * two transactions can wait on each other in turn): PostgreSQL upserts in one statement (a failed insert would
     * abort its transaction there); elsewhere a lost race to create the row turns into an update.
     */
    void counted(long position, Instant recordedAt) {
        OffsetDateTime at = OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC);
        if (database.postgres()) {
            jdbc.update("""
                    insert into rm_assistance_version as v
                        (scope, fact_count, last_position, last_recorded_at, generation)
                    values (?, 1, ?, ?, ?)
                    on conflict (scope) do update set
                        fact_count = v.fact_count + 1,
                        last_position = greatest(v.last_position, excluded.last_position),
                        last_recorded_at = greatest(v.last_recorded_at, excluded.last_recorded_at)""",
                    AssistanceVersion.ALL, position, at, newGeneration());
            return;
        }
        for (int attempt = 0; ; attempt++) {
            int updated = jdbc.update("""
                    update rm_assistance_version set fact_count = fact_count + 1,
                        last_position = greatest(last_position, ?), last_recorded_at = greatest(last_recorded_at, ?)
                    where scope = ?""", position, at, AssistanceVersion.ALL);
            if (updated == 1) {
                return;
            }
            try {
                jdbc.update("""
                        insert into rm_assistance_version
                            (scope, fact_count, last_position, last_recorded_at, generation)
                        values (?, 1, ?, ?, ?)""", AssistanceVersion.ALL, position, at, newGeneration());
                return;
            } catch (DuplicateKeyException raced) {
                // The other segment created the row first: update it instead.
                if (attempt >= 200) {
                    throw raced;
                }
                Thread.onSpinWait();
            }
        }
    }

    /** The version as committed now; {@code null} if there are no assistance facts. */
    public Version current() {
        List<Version> rows = jdbc.query("select fact_count, last_position, last_recorded_at, generation "
                        + "from rm_assistance_version where scope = ?",
                (rs, i) -> new Version(rs.getLong(1), rs.getLong(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getLong(4)), AssistanceVersion.ALL);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * Forgets the version, and this node's cached ledgers (a reset; other nodes see a new generation once facts
     * come back). Call it after the fact rows are gone, never before: a ledger read in between is then cached under
     * the old version, which no longer comes back, rather than an old ledger under "no facts".
     */
    @Transactional
    public void clear() {
        jdbc.update("delete from rm_assistance_version");
        cache.clear();
    }

    /**
     * Counts the version from the fact rows in one statement, with a new generation, and clears this node's cached
     * ledgers. A bulk rebuild that writes {@code rm_assistance_fact} rows without the projection must call this once
     * it has inserted them.
     */
    @Transactional
    public void recountFromFacts() {
        jdbc.update("delete from rm_assistance_version");
        jdbc.update("""
                insert into rm_assistance_version (scope, fact_count, last_position, last_recorded_at, generation)
                select ?, count(*), max(log_position), max(recorded_at), ? from rm_assistance_fact
                having count(*) > 0""", AssistanceVersion.ALL, newGeneration());
        cache.clear();
    }

    private static long newGeneration() {
        return ThreadLocalRandom.current().nextLong();
    }
}
