package org.cybernorms.compliance.scorecard.view;

import org.cybernorms.compliance.projection.Column;
import org.cybernorms.compliance.projection.ReadModelTables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.stream.Collectors;

/**
 * Keeps one fact row and counts it in its state's (or instrument's) version, in one transaction (the event
 * processor's, when there is one). A row already kept (the same event handled again) changes nothing and is not
 * counted again.
 */
@Component
class ScorecardFactWriter {

    /**
     * Inserts the row unless a row of the same event at the same position is kept already; one statement either way.
     * The check walks the primary key, which starts with the position (a key on the random event id alone made
     * every commit rewrite pages all over its B-tree).
     */
    private static final String INSERT_IF_NEW = "insert into " + ScorecardFactsBulk.FACTS.name() + " ("
            + ScorecardFactsBulk.FACTS.columns().stream().map(Column::name).collect(Collectors.joining(", "))
            + ") select " + ScorecardFactsBulk.FACTS.columns().stream().map(c -> "?").collect(Collectors.joining(", "))
            + " where not exists (select 1 from " + ScorecardFactsBulk.FACTS.name() + " where log_position = ? and event_id = ?)";

    private final ScorecardVersions versions;
    private final JdbcTemplate jdbc;

    ScorecardFactWriter(ScorecardVersions versions, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.versions = versions;
    }

    @Transactional
    public void keep(FactRow row) {
        // Plain JDBC on the transaction's connection: a JPA existence query would flush the persistence context
        // first, and an entity insert costs more than the row.
        Object[] values = ScorecardFactsBulk.values(row);
        int inserted = jdbc.update(INSERT_IF_NEW, statement -> {
            ScorecardFactsBulk.FACTS.bind(statement, values);
            statement.setLong(values.length + 1, row.position());
            statement.setString(values.length + 2, row.eventId());
        });
        if (inserted == 0) {
            return;
        }
        // In the same transaction: if counting fails, the row is not kept either.
        versions.counted(row.instrumentId(), row.stateCode(), row.position(), row.recordedAt());
    }

    /** Forgets every fact row and version (a reset before a replay). */
    @Transactional
    public void clear() {
        ReadModelTables.truncate(jdbc, "rm_scorecard_fact");
        versions.clear();
    }
}
