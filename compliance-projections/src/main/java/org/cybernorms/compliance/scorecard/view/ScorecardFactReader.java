package org.cybernorms.compliance.scorecard.view;

import org.cybernorms.compliance.scorecard.methodology.Fact;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Reads scorecard facts with plain JDBC, a state's (or the instrument's own) blocks in order, decoded straight into
 * methodology {@link Fact}s (no JPA entities). Every read is by instrument and state, served by the blocks' primary
 * key (instrument_id, state_code, block_no); facts recorded after the instant asked about are left out here.
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

    private static final String BLOCKS = "select state_code, facts from rm_scorecard_fact_block ";

    private final JdbcTemplate jdbc;

    ScorecardFactReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The instrument's own fact rows recorded by {@code knownAt}, in log order. */
    List<Row> instrumentRows(String instrument, Instant knownAt) {
        return stateRows(instrument, ScorecardVersion.INSTRUMENT, knownAt);
    }

    /** One state's fact rows under the instrument recorded by {@code knownAt}, in log order. */
    List<Row> stateRows(String instrument, String state, Instant knownAt) {
        List<Row> rows = new ArrayList<>();
        jdbc.query(BLOCKS + "where instrument_id = ? and state_code = ? order by block_no",
                (RowCallbackHandler) rs -> add(rows, rs, instrument, knownAt), instrument, state);
        return rows;
    }

    /** One state's (or with {@link ScorecardVersion#INSTRUMENT}, the instrument's own) facts, every field. */
    List<FactRow> factRows(String instrument, String state, Instant knownAt) {
        List<FactRow> facts = new ArrayList<>();
        jdbc.query(BLOCKS + "where instrument_id = ? and state_code = ? order by block_no",
                (RowCallbackHandler) rs -> facts.addAll(decode(rs, instrument, knownAt)), instrument, state);
        return facts;
    }

    /** Every state's facts under the instrument, every field, by state, then in log order. */
    List<FactRow> allStateFactRows(String instrument, Instant knownAt) {
        List<FactRow> facts = new ArrayList<>();
        jdbc.query(BLOCKS + "where instrument_id = ? and state_code <> '' order by state_code, block_no",
                (RowCallbackHandler) rs -> facts.addAll(decode(rs, instrument, knownAt)), instrument);
        return facts;
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
            PreparedStatement statement = connection.prepareStatement(BLOCKS
                    + "where instrument_id = ? and state_code <> '' order by state_code, block_no");
            statement.setFetchSize(500);
            statement.setString(1, instrument);
            return statement;
        }, (RowCallbackHandler) rs -> {
            String code = rs.getString(1);
            if (!code.equals(state[0])) {
                if (state[0] != null && !current.isEmpty()) {
                    consumer.accept(state[0], Facts.of(current));
                }
                current.clear();
                state[0] = code;
            }
            if (only == null || only.contains(code)) {
                add(current, rs, instrument, knownAt);
            }
        });
        if (state[0] != null && !current.isEmpty()) {
            consumer.accept(state[0], Facts.of(current));
        }
    }

    /** Whether the instrument was ever created (its own facts only). */
    boolean instrumentCreated(String instrument) {
        return jdbc.query(BLOCKS + "where instrument_id = ? and state_code = ''",
                        (rs, i) -> FactBlocks.decode(rs.getBytes(2), instrument, null), instrument).stream()
                .flatMap(List::stream).anyMatch(fact -> "InstrumentCreated".equals(fact.type()));
    }

    /** The block's facts recorded by {@code knownAt}, in their order. */
    private static void add(List<Row> rows, ResultSet rs, String instrument, Instant knownAt) throws SQLException {
        for (FactRow fact : decode(rs, instrument, knownAt)) {
            rows.add(new Row(fact.toFact().orElse(null), fact.position()));
        }
    }

    /** The facts of the block in the current row ({@code state_code, facts}) recorded by {@code knownAt}. */
    private static List<FactRow> decode(ResultSet rs, String instrument, Instant knownAt) throws SQLException {
        String code = rs.getString(1);
        List<FactRow> facts = FactBlocks.decode(rs.getBytes(2), instrument,
                ScorecardVersion.INSTRUMENT.equals(code) ? null : code);
        facts.removeIf(fact -> fact.recordedAt().isAfter(knownAt));
        return facts;
    }
}
