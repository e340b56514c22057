package org.cybernorms.compliance.scorecard.view;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The scorecard facts as tests look at them: every block's row as stored (its bytes in hex, so that rows compare by
 * value), and every fact decoded from them, one map per fact with the columns the table had when it kept one row per
 * fact.
 */
public final class FactTable {

    private static final String BLOCKS = "select instrument_id, state_code, block_no, fact_count, last_position, "
            + "last_recorded_at, facts from rm_scorecard_fact_block order by instrument_id, state_code, block_no";

    private FactTable() {
    }

    /** Every block row, in key order, with the facts' bytes in hex. */
    public static List<Map<String, Object>> blocks(JdbcTemplate jdbc) {
        return jdbc.query(BLOCKS, (rs, i) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int column = 1; column <= 6; column++) {
                row.put(rs.getMetaData().getColumnLabel(column).toLowerCase(java.util.Locale.ROOT),
                        rs.getObject(column));
            }
            row.put("facts", HexFormat.of().formatHex(rs.getBytes(7)));
            return row;
        });
    }

    /** Every fact, by instrument, state and position. */
    public static List<Map<String, Object>> facts(JdbcTemplate jdbc) {
        List<Map<String, Object>> facts = new ArrayList<>();
        jdbc.query(BLOCKS, (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
            String state = rs.getString(2);
            for (FactRow fact : FactBlocks.decode(rs.getBytes(7), rs.getString(1),
                    ScorecardVersion.INSTRUMENT.equals(state) ? null : state)) {
                facts.add(columns(fact));
            }
        });
        return facts;
    }

    /** The facts that match. */
    public static List<Map<String, Object>> facts(JdbcTemplate jdbc, Predicate<Map<String, Object>> which) {
        return facts(jdbc).stream().filter(which).toList();
    }

    /** How many facts match. */
    public static long count(JdbcTemplate jdbc, Predicate<Map<String, Object>> which) {
        return facts(jdbc, which).size();
    }

    /** Facts whose column has this value. */
    public static Predicate<Map<String, Object>> where(String column, Object value) {
        return fact -> value.equals(fact.get(column));
    }

    private static Map<String, Object> columns(FactRow fact) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("event_id", fact.eventId());
        row.put("log_position", fact.position());
        row.put("instrument_id", fact.instrumentId());
        row.put("state_code", fact.stateCode());
        row.put("event_type", fact.type());
        row.put("valid_on", fact.validOn());
        row.put("recorded_at", fact.recordedAt());
        row.put("norm", fact.normCode());
        row.put("subject_id", fact.subjectId());
        row.put("title", fact.title());
        row.put("due_on", fact.dueOn());
        row.put("occurred_on", fact.occurredOn());
        row.put("severity", fact.severity() == null ? null : fact.severity().name());
        return row;
    }
}
