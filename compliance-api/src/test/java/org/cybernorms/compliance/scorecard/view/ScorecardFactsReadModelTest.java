package org.cybernorms.compliance.scorecard.view;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.cybernorms.compliance.participation.api.ParticipationEvents;
import org.cybernorms.compliance.participation.api.PledgeId;
import org.cybernorms.compliance.scorecard.http.ScorecardStoreTest;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The scorecard facts in blocks on the real store: keyed for per-state reads, in log order, and idempotent. */
class ScorecardFactsReadModelTest extends ScorecardStoreTest {

    @Autowired
    ScorecardFactsProjection projection;
    @Autowired
    FactRows rows;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void keysBlocksByInstrumentThenStateThenBlockNumber() {
        List<String> columns = jdbc.execute((ConnectionCallback<List<String>>) connection -> {
            java.util.TreeMap<Short, String> key = new java.util.TreeMap<>();
            for (String table : List.of("rm_scorecard_fact_block", "RM_SCORECARD_FACT_BLOCK")) {
                try (ResultSet rs = connection.getMetaData().getPrimaryKeys(connection.getCatalog(),
                        connection.getSchema(), table)) {
                    while (rs.next()) {
                        key.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
            return List.copyOf(key.values());
        });

        assertThat(columns).containsExactly("instrument_id", "state_code", "block_no");
    }

    @Test
    void factsInSeveralBlocksReadBackInLogOrderWhateverOrderTheyCameIn() {
        String instrument = "blocks-test";
        long[] positions = {5_000_000L + 3 * FactBlocks.POSITIONS_PER_BLOCK + 7, 5_000_000L + 1,
                5_000_000L + 3 * FactBlocks.POSITIONS_PER_BLOCK + 2, 5_000_000L + 9};
        try {
            for (long position : positions) {
                ParticipationEvents.NormPledged pledged = new ParticipationEvents.NormPledged(PledgeId.random(),
                        StateCode.of("ISL"), InstrumentId.of(instrument), NormCode.of("n1"),
                        LocalDate.of(2024, 1, 1), "statement");
                GlobalSequenceTrackingToken token = new GlobalSequenceTrackingToken(position);
                projection.on(pledged, new GenericTrackedEventMessage<>(token, new GenericEventMessage<>(
                        "blocks-test-" + position, pledged, Map.of(), Instant.parse("2024-01-02T00:00:00Z"))), token);
            }

            assertThat(rows.stateFacts(instrument, "ISL", Instant.parse("2100-01-01T00:00:00Z")))
                    .extracting(FactRow::position).containsExactly(5_000_001L, 5_000_009L,
                            5_000_000L + 3 * FactBlocks.POSITIONS_PER_BLOCK + 2,
                            5_000_000L + 3 * FactBlocks.POSITIONS_PER_BLOCK + 7);
            assertThat(jdbc.queryForList("select fact_count from rm_scorecard_fact_block where instrument_id = ? "
                    + "order by block_no", Integer.class, instrument)).as("two blocks of two").containsExactly(2, 2);
        } finally {
            jdbc.update("delete from rm_scorecard_fact_block where instrument_id = ?", instrument);
            jdbc.update("delete from rm_scorecard_version where instrument_id = ?", instrument);
        }
    }

    @Test
    void handlingTheSameEventTwiceKeepsOneRowAndCountsItOnce() {
        String instrument = "idempotency-test";
        ParticipationEvents.NormPledged pledged = new ParticipationEvents.NormPledged(PledgeId.random(),
                StateCode.of("ISL"), InstrumentId.of(instrument), NormCode.of("n1"), LocalDate.of(2024, 1, 1),
                "statement");
        GlobalSequenceTrackingToken token = new GlobalSequenceTrackingToken(1_000_000);
        TrackedEventMessage<?> message = new GenericTrackedEventMessage<>(token,
                new GenericEventMessage<>("idempotency-test-event", pledged, Map.of(),
                        Instant.parse("2024-01-02T00:00:00Z")));
        try {
            projection.on(pledged, message, token);
            projection.on(pledged, message, token);

            List<FactRow> kept = rows.stateFacts(instrument, "ISL", Instant.parse("2100-01-01T00:00:00Z"));
            assertThat(kept).singleElement().satisfies(row -> {
                assertThat(row.eventId()).isEqualTo("idempotency-test-event");
                assertThat(row.position()).isEqualTo(1_000_000);
                assertThat(row.type()).isEqualTo("NormPledged");
            });
            assertThat(jdbc.queryForObject("select fact_count from rm_scorecard_version "
                    + "where instrument_id = ? and state_code = 'ISL'", Long.class, instrument))
                    .as("counted once").isEqualTo(1L);
        } finally {
            jdbc.update("delete from rm_scorecard_fact_block where instrument_id = ?", instrument);
            jdbc.update("delete from rm_scorecard_version where instrument_id = ?", instrument);
        }
    }
}
