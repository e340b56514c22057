package org.cybernorms.compliance.scorecard.view;

import org.cybernorms.compliance.projection.ReadModelTables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps one fact row and counts it in its state's (or instrument's) version, in one transaction (the event
 * processor's, when there is one). A row already kept (the same event handled again) changes nothing and is not
 * counted again.
 */
@Component
class ScorecardFactWriter {

    private static final String KEPT = "select 1 from " + ScorecardFactsBulk.FACTS.name() + " where event_id = ?";
    private static final String INSERT = ScorecardFactsBulk.FACTS.insertSql();

    private final ScorecardVersions versions;
    private final JdbcTemplate jdbc;

    ScorecardFactWriter(ScorecardVersions versions, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.versions = versions;
    }

    @Transactional
    public void keep(FactRow row) {
        // Plain JDBC on the transaction's connection: a JPA existence query would flush the persistence context
        // first, and an entity insert costs more than the row; a batch of events then costs a few statements each.
        Boolean kept = jdbc.query(KEPT, (org.springframework.jdbc.core.ResultSetExtractor<Boolean>) java.sql.ResultSet::next,
                row.eventId());
        if (Boolean.TRUE.equals(kept)) {
            return;
        }
        // The version first: if counting fails, the row is not kept either.
        versions.counted(row.instrumentId(), row.stateCode(), row.position(), row.recordedAt());
        Object[] values = ScorecardFactsBulk.values(row);
        jdbc.update(INSERT, statement -> ScorecardFactsBulk.FACTS.bind(statement, values));
    }

    /** Forgets every fact row and version (a reset before a replay). */
    @Transactional
    public void clear() {
        ReadModelTables.truncate(jdbc, "rm_scorecard_fact");
        versions.clear();
    }
}
