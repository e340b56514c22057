package org.cybernorms.compliance.scorecard.http;

import org.cybernorms.compliance.scorecard.view.FactTable;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event that committed after a later one had been read by the live processors: its transaction took its global
 * index first and committed last, so the gap-aware token that comes with it holds the later, higher position.
 */
record LateEvent(String eventId, long position) {

    /**
     * Stores a copy of a pledge of {@code state} in a transaction left open while another pledge is recorded and
     * projected, then commits it and waits until the live processor has kept its fact.
     */
    static LateEvent commitAfterALaterOne(TrackerClient tracker, JdbcTemplate jdbc, DataSource dataSource,
                                          String state) throws Exception {
        tracker.pledge(state, ScorecardStoreTest.GGE, "13a", "2022-01-01");
        String template = jdbc.queryForObject("select max(event_identifier) from domain_event_entry where "
                + "payload_type like '%NormPledged'", String.class);
        String eventId = UUID.randomUUID().toString();
        long position;
        try (Connection late = dataSource.getConnection()) {
            late.setAutoCommit(false);
            position = BulkRebuildTest.insertCopy(late, template, eventId);
            String later = tracker.pledge(state, ScorecardStoreTest.GGE, "13b", "2022-01-02");
            assertThat((Long) FactTable.facts(jdbc, FactTable.where("subject_id", later)).get(0).get("log_position"))
                    .as("the live processor read past the uncommitted event")
                    .isGreaterThan(position);
            late.commit();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (FactTable.count(jdbc, FactTable.where("event_id", eventId)) == 0) {
            assertThat(System.nanoTime()).as("the late event reached the read model").isLessThan(deadline);
            Thread.sleep(50);
        }
        return new LateEvent(eventId, position);
    }

    /** The position its fact row has. */
    long livePosition(JdbcTemplate jdbc) {
        return (Long) FactTable.facts(jdbc, FactTable.where("event_id", eventId)).get(0).get("log_position");
    }
}
