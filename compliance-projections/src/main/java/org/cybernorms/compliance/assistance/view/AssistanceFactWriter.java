package org.cybernorms.compliance.assistance.view;

import org.cybernorms.compliance.projection.ReadModelTables;
import jakarta.persistence.EntityManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps one assistance fact row and counts it in the version, in one transaction (the event processor's, when there
 * is one). A row already kept (the same event handled again) changes nothing and is not counted again.
 */
@Component
class AssistanceFactWriter {

    private final AssistanceFactRowRepository rows;
    private final AssistanceVersions versions;
    private final EntityManager entityManager;
    private final JdbcTemplate jdbc;

    AssistanceFactWriter(AssistanceFactRowRepository rows, AssistanceVersions versions, EntityManager entityManager,
                         JdbcTemplate jdbc) {
        this.rows = rows;
        this.versions = versions;
        this.entityManager = entityManager;
        this.jdbc = jdbc;
    }

    @Transactional
    public void keep(AssistanceFactRow row) {
        if (rows.existsById(row.eventId())) {
            return;
        }
        // The version first: if counting fails, the row is not kept either.
        versions.counted(row.position(), row.recordedAt());
        entityManager.persist(row);
    }

    /** Forgets every fact row, then the version (a reset before a replay; in this order, see clear()). */
    @Transactional
    public void clear() {
        ReadModelTables.truncate(jdbc, "rm_assistance_fact");
        versions.clear();
    }
}
