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
import org.cybernorms.compliance.support.TestStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The scorecard facts table on the real embedded store: indexed for per-state reads, and idempotent. */
// Runs on the embedded store only: it reads H2's index catalogue; PostgresSchemaTest checks the PostgreSQL indexes.
@org.junit.jupiter.api.Tag("embedded-only")
class ScorecardFactsReadModelTest extends ScorecardStoreTest {

    @Autowired
    ScorecardFactsProjection projection;
    @Autowired
    FactRowRepository rows;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void indexesFactsByInstrumentThenStateThenLogPosition() {
        List<String> columns = TestStore.postgres()
                ? jdbc.queryForList("""
                        select upper(a.attname) from pg_index i
                        join pg_class ix on ix.oid = i.indexrelid
                        join pg_namespace n on n.oid = ix.relnamespace
                        cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
                        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                        where n.nspname = current_schema and ix.relname = 'ix_rm_scorecard_fact_subject'
                        order by k.ord""", String.class)
                : jdbc.queryForList("""
                        select c.column_name from information_schema.index_columns c
                        where c.table_name = 'RM_SCORECARD_FACT' and c.index_name = 'IX_RM_SCORECARD_FACT_SUBJECT'
                        order by c.ordinal_position""", String.class);

        assertThat(columns).containsExactly("INSTRUMENT_ID", "STATE_CODE", "LOG_POSITION");
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
            rows.deleteById("idempotency-test-event");
            jdbc.update("delete from rm_scorecard_version where instrument_id = ?", instrument);
        }
    }
}
