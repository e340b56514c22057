package org.cybernorms.compliance.scorecard.view;

import org.cybernorms.compliance.scorecard.methodology.Fact;
import org.cybernorms.compliance.scorecard.methodology.FactRef;
import org.cybernorms.compliance.violation.api.Severity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Reads scorecard facts with plain JDBC, only the columns a methodology needs, straight into methodology
 * {@link Fact}s (no JPA entities). Every read is by instrument and state and served by the index on
 * (instrument_id, state_code, log_position).
 */
@Component
class ScorecardFactReader {

    /** A fact row with its place in the log; {@code fact} is {@code null} for rows no methodology reads. */
    record Row(Fact fact, long position) {
    }

    /** The rows read (all of them, also those no methodology reads) and the facts among them, in log order. */
    record Facts(List<Fact> facts, long rows) {
        static Facts of(List<Row> rows) {
            List<Fact> facts = new ArrayList<>(rows.size());
            for (Row row : rows) {
                if (row.fact() != null) {
                    facts.add(row.fact());
                }
            }
            return new Facts(facts, rows.size());
        }
    }

    private static final String COLUMNS = "event_id, event_type, valid_on, recorded_at, norm, subject_id, title, "
            + "due_on, occurred_on, severity, log_position, state_code";
    private static final Map<String, String> TYPES = new HashMap<>();

    static {
        for (String type : List.of("InstrumentCreated", "NormAdded", "NormRevised", "NormRetired", "InstrumentSigned",
                "InstrumentRatified", "InstrumentAcceded", "InstrumentWithdrawnFrom", "NormPledged", "PledgeWithdrawn",
                "ReservationEntered", "ReservationWithdrawn", "CommitmentMade", "CommitmentFulfilled",
                "CommitmentWithdrawn", "CommitmentProgressReported", "ViolationReported", "ViolationReviewStarted",
                "ViolationConfirmed", "ViolationDismissed", "ViolationRemedied", "StateResponded")) {
            TYPES.put(type, type);
        }
    }

    private final JdbcTemplate jdbc;

    ScorecardFactReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The instrument's own fact rows recorded by {@code knownAt}, in log order. */
    List<Row> instrumentRows(String instrument, Instant knownAt) {
        List<Row> rows = new ArrayList<>();
        jdbc.query("select " + COLUMNS + " from rm_scorecard_fact where instrument_id = ? and state_code is null "
                + "and recorded_at <= ? order by log_position", (RowCallbackHandler) rs -> rows.add(row(rs)),
                instrument, at(knownAt));
        return rows;
    }

    /** One state's fact rows under the instrument recorded by {@code knownAt}, in log order. */
    List<Row> stateRows(String instrument, String state, Instant knownAt) {
        List<Row> rows = new ArrayList<>();
        jdbc.query("select " + COLUMNS + " from rm_scorecard_fact where instrument_id = ? and state_code = ? "
                + "and recorded_at <= ? order by log_position", (RowCallbackHandler) rs -> rows.add(row(rs)),
                instrument, state, at(knownAt));
        return rows;
    }

    Facts instrumentFacts(String instrument, Instant knownAt) {
        return Facts.of(instrumentRows(instrument, knownAt));
    }

    Facts stateFacts(String instrument, String state, Instant knownAt) {
        return Facts.of(stateRows(instrument, state, knownAt));
    }

    /**
     * Streams the facts of every state under the instrument recorded by {@code knownAt} (or only of the states in
     * {@code only}, if not {@code null}), handing each state's facts over once they are complete, by state code. Only
     * one state's facts are held at a time.
     */
    void eachState(String instrument, Instant knownAt, Set<String> only, BiConsumer<String, Facts> consumer) {
        List<Row> current = new ArrayList<>();
        String[] state = {null};
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("select " + COLUMNS
                    + " from rm_scorecard_fact where instrument_id = ? and state_code is not null "
                    + "and recorded_at <= ? order by state_code, log_position");
            statement.setFetchSize(5_000);
            statement.setString(1, instrument);
            statement.setObject(2, at(knownAt));
            return statement;
        }, (RowCallbackHandler) rs -> {
            String code = rs.getString(12);
            if (!code.equals(state[0])) {
                if (state[0] != null && !current.isEmpty()) {
                    consumer.accept(state[0], Facts.of(current));
                }
                current.clear();
                state[0] = code;
            }
            if (only == null || only.contains(code)) {
                current.add(row(rs));
            }
        });
        if (state[0] != null && !current.isEmpty()) {
            consumer.accept(state[0], Facts.of(current));
        }
    }

    /** Whether the instrument was ever created (its own facts only: served by the index). */
    boolean instrumentCreated(String instrument) {
        Long count = jdbc.queryForObject("select count(*) from rm_scorecard_fact where instrument_id = ? "
                + "and state_code is null and event_type = 'InstrumentCreated'", Long.class, instrument);
        return count != null && count > 0;
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Row row(ResultSet rs) throws SQLException {
        String type = rs.getString(2);
        FactRef ref = new FactRef(rs.getString(1), TYPES.getOrDefault(type, type), rs.getObject(3, LocalDate.class),
                rs.getObject(4, OffsetDateTime.class).toInstant());
        String severity = rs.getString(10);
        Fact fact = FactRow.fact(ref, rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class),
                severity == null ? null : Severity.valueOf(severity));
        return new Row(fact, rs.getLong(11));
    }
}
