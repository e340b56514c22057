package org.cybernorms.compliance.scorecard.view;

import org.cybernorms.compliance.projection.ReadModelTables;
import org.springframework.jdbc.core.JdbcTemplate;
import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps one fact row and counts it in its state's (or instrument's) version, in one transaction (the event
 * processor's, when there is one). A row already kept (the same event handled again) changes nothing and is not
 * counted again.
 */
@Component
class ScorecardFactWriter {

    private final FactRowRepository rows;
    private final ScorecardVersions versions;
    private final EntityManager entityManager;
    private final JdbcTemplate jdbc;

    ScorecardFactWriter(FactRowRepository rows, ScorecardVersions versions, EntityManager entityManager,
                        JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.versions = versions;
        this.entityManager = entityManager;
    }

    @Transactional
    public void keep(FactRow row) {
        if (rows.existsById(row.eventId())) {
            return;
        }
        // The version first: if counting fails, the row is not kept either.
        versions.counted(row.instrumentId(), row.stateCode(), row.position(), row.recordedAt());
        entityManager.persist(row);
    }

    /** Forgets every fact row and version (a reset before a replay). */
    @Transactional
    public void clear() {
        ReadModelTables.truncate(jdbc, "rm_scorecard_fact");
        versions.clear();
    }
}
