package org.cybernorms.compliance.scorecard.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.cybernorms.compliance.runtime.ProjectionReplay;
import org.cybernorms.compliance.runtime.rebuild.ReadModelRebuild;
import org.cybernorms.compliance.scorecard.view.FactTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bulk rebuild (the log read in pages, rows inserted in batches) gives read models identical, row for row and
 * column for column, to those the live processors built event by event; and it loses nothing at its boundary.
 */
class BulkRebuildTest extends ScorecardStoreTest {

    private static final String REPLAY = "/api/admin/projections/replay";
    private static final List<String> TABLES = List.of(
            "select * from rm_assistance_fact order by event_id",
            "select * from rm_instrument_listing order by instrument_id",
            // the generation is new at every rebuild, on purpose: it retires cached answers
            "select instrument_id, state_code, fact_count, last_position, last_recorded_at from rm_scorecard_version "
                    + "order by instrument_id, state_code",
            "select scope, fact_count, last_position, last_recorded_at from rm_assistance_version order by scope");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ProjectionReplay replay;
    @Autowired
    ReadModelRebuild bulk;

    @Test
    void bulkRebuildGivesTheSameRowsAsTheLiveProcessors() throws InterruptedException {
        recordEveryKindOfFact("MLT", "CYP");
        List<List<Map<String, Object>>> live = tables();
        assertThat(FactTable.facts(jdbc)).extracting(row -> row.get("event_type")).map(Object::toString)
                .contains("NormPledged", "PledgeWithdrawn", "ReservationEntered", "CommitmentMade",
                        "CommitmentProgressReported", "CommitmentFulfilled", "CommitmentWithdrawn",
                        "ViolationReported", "ViolationReviewStarted", "ViolationConfirmed", "ViolationDismissed",
                        "ViolationRemedied", "InstrumentCreated", "NormAdded");
        assertThat(live.get(2)).as("assistance facts").hasSizeGreaterThanOrEqualTo(5);
        long events = storedEvents();

        rebuild();

        ReadModelRebuild.Report report = replay.lastBulkReport().orElseThrow();
        assertThat(report.processingGroups()).contains("scorecards", "assistance", "instruments");
        assertThat(report.events()).as("every stored event was read by the bulk pass").isEqualTo(events);
        assertThat(report.readDirectly()).as("every event of a current revision read straight from its bytes")
                .isEqualTo(events);
        assertThat(tables()).as("bulk rows equal live rows").isEqualTo(live);
        assertThat(indexes("rm_assistance_fact")).contains("ix_rm_assistance_fact_requester",
                "ix_rm_assistance_fact_offeror", "ix_rm_assistance_fact_request", "ix_rm_assistance_fact_offer",
                "ix_rm_assistance_fact_type").hasSize(6);
        Map<String, Object> anyBlock = jdbc.queryForList("select * from rm_scorecard_fact_block").get(0);
        assertThatThrownBy(() -> jdbc.update("insert into rm_scorecard_fact_block select * from "
                + "rm_scorecard_fact_block where instrument_id = ? and state_code = ? and block_no = ?",
                value(anyBlock, "instrument_id"), value(anyBlock, "state_code"), value(anyBlock, "block_no")))
                .as("the primary key is back").isInstanceOf(DataIntegrityViolationException.class);
        assertThat(primaryKeyColumns("rm_scorecard_fact_block")).as("keyed by subject and block, on either store")
                .containsExactly("instrument_id", "state_code", "block_no");

        rebuild("?mode=processors");

        assertThat(replay.lastBulkReport()).as("every processor replayed the log itself").isEmpty();
        assertThat(tables()).as("rows replayed by the processors equal live rows").isEqualTo(live);

        String after = tracker.pledge("MLT", GGE, "13k", "2024-03-01");
        assertThat(FactTable.count(jdbc, FactTable.where("subject_id", after)))
                .as("the live processor goes on from the head the rebuild left").isEqualTo(1);
    }

    @Test
    void anEventCommittedAfterTheBulkPassReadPastItIsStillProjected() throws Exception {
        tracker.pledge("LUX", GGE, "13a", "2022-01-01");
        String template = jdbc.queryForObject("select max(event_identifier) from domain_event_entry where "
                + "payload_type like '%NormPledged'", String.class);
        try (Connection late = dataSource.getConnection()) {
            late.setAutoCommit(false);
            String lateEvent = UUID.randomUUID().toString();
            long position = insertCopy(late, template, lateEvent);
            tracker.pledge("LUX", GGE, "13b", "2022-01-02");
            assertThat(count("select count(*) from domain_event_entry where global_index > ?", position))
                    .as("a committed event lies beyond the uncommitted one").isPositive();

            rebuild();

            assertThat(FactTable.count(jdbc, FactTable.where("event_id", lateEvent))).isZero();
            late.commit();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (FactTable.count(jdbc, FactTable.where("event_id", lateEvent)) == 0) {
                assertThat(System.nanoTime()).as("the late event reached the read model").isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }

    @Test
    void anEventThatCommitsAfterALaterOneKeepsItsOwnPositionLiveAsInTheRebuild() throws Exception {
        LateEvent late = LateEvent.commitAfterALaterOne(tracker, jdbc, dataSource, "ISL");
        assertThat(late.livePosition(jdbc)).as("the live row has the event's own position, not the token's highest")
                .isEqualTo(late.position());

        rebuild();

        assertThat(late.livePosition(jdbc)).as("the rebuilt row has the same").isEqualTo(late.position());
    }

    @Test
    void anEventStoredInAnOldRevisionGoesThroughTheUpcastersAndGivesTheRowTheLiveProcessorSaved() throws Exception {
        tracker.reportViolation("MLT", GGE, "13h", "2021-07-01", "2021-07-02", "LOW");
        String template = jdbc.queryForObject("select max(event_identifier) from domain_event_entry where "
                + "payload_type like '%ViolationReported'", String.class);
        String violation = UUID.randomUUID().toString();
        String revision1 = """
                {"violationId":"%s","state":"MLT","instrument":"%s","norm":"13c","occurredOn":"2021-05-01",
                 "reportedOn":"2021-05-03","severity":"MEDIUM","summary":"Reported before evidence had kinds",
                 "evidence":["https://example.org/reports/old.pdf"],"reportingBody":null}"""
                .formatted(violation, GGE);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            insertCopy(connection, template, UUID.randomUUID().toString(), violation, "1",
                    revision1.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (FactTable.count(jdbc, FactTable.where("subject_id", violation)) == 0) {
            assertThat(System.nanoTime()).as("the live processor projected the old event").isLessThan(deadline);
            Thread.sleep(50);
        }
        // the rows of this report only: the other tests of this class leave rows behind
        List<Map<String, Object>> live = FactTable.facts(jdbc, FactTable.where("subject_id", violation));
        long events = storedEvents();

        rebuild();

        ReadModelRebuild.Report report = replay.lastBulkReport().orElseThrow();
        assertThat(report.events()).isEqualTo(events);
        assertThat(report.readDirectly()).as("the revision 1 event went through the upcasters").isEqualTo(events - 1);
        assertThat(FactTable.facts(jdbc, FactTable.where("subject_id", violation))).as("bulk fact equals live fact")
                .isEqualTo(live);
        assertThat(FactTable.count(jdbc, FactTable.where("subject_id", violation)
                .and(FactTable.where("severity", "MEDIUM")).and(FactTable.where("norm", "13c")))).isEqualTo(1);
    }

    /** Inserts, uncommitted, a copy of a stored event under a new identifier and aggregate; returns its position. */
    static long insertCopy(Connection connection, String templateEvent, String newEvent) throws Exception {
        return insertCopy(connection, templateEvent, newEvent, UUID.randomUUID().toString(), null, null);
    }

    /**
     * Inserts a copy of a stored event under a new identifier and aggregate, with another revision and payload if
     * they are given; returns its position.
     */
    private static long insertCopy(Connection connection, String templateEvent, String newEvent, String aggregate,
                                   String revision, byte[] payload) throws Exception {
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        long position;
        try (PreparedStatement next = connection.prepareStatement(postgres
                ? "select nextval('domain_event_entry_seq')" : "select next value for domain_event_entry_seq");
             ResultSet rs = next.executeQuery()) {
            rs.next();
            position = rs.getLong(1);
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into domain_event_entry (global_index, "
                + "event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, "
                + "payload_revision, payload, meta_data) select ?, ?, ?, 0, type, time_stamp, payload_type, "
                + "coalesce(?, payload_revision), coalesce(?, payload), meta_data from domain_event_entry "
                + "where event_identifier = ?")) {
            insert.setLong(1, position);
            insert.setString(2, newEvent);
            insert.setString(3, aggregate);
            insert.setString(4, revision);
            insert.setBytes(5, payload);
            insert.setString(6, templateEvent);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        return position;
    }

    private void recordEveryKindOfFact(String state, String other) {
        String pledge = tracker.pledge(state, GGE, "13a", "2021-02-01");
        tracker.withdrawPledge(state, pledge, "2022-02-01");
        tracker.pledge(state, GGE, "13e", "2021-02-01");
        tracker.reserve(state, GGE, "13b", "2021-03-01");
        tracker.sign(state, GGE, "2021-01-15");
        String onTime = tracker.commit(state, GGE, "13c", "2021-02-01", "2021-09-30");
        tracker.reportProgress(onTime, "2021-05-01");
        tracker.fulfil(onTime, "2021-09-01");
        String withdrawn = tracker.commit(state, GGE, "13d", "2021-02-01", "2022-09-30");
        tracker.withdrawCommitment(withdrawn, "2021-12-01");
        tracker.commit(state, GGE, "13f", "2021-02-01", "2022-01-31");
        String confirmed = tracker.confirmedViolation(state, GGE, "13g", "2021-06-01", "HIGH");
        tracker.remedy(confirmed, "2021-10-01");
        String dismissed = tracker.reportViolation(state, GGE, "13h", "2021-07-01", "2021-07-02", "LOW");
        tracker.startReview(dismissed, "2021-07-03");
        tracker.dismiss(dismissed, "2021-08-01");
        tracker.reportViolation(other, GGE, "13i", "2021-07-01", "2021-07-05", "CRITICAL");

        String organisation = "bulk-partner-" + UUID.randomUUID().toString().substring(0, 8);
        ok(tracker.post("/api/assistance/organisations", Map.of("organisationId", organisation,
                "name", "Bulk partner", "registeredOn", "2020-01-01")), 201);
        String request = ok(tracker.post("/api/assistance/requests", Map.of("requester", state,
                "instrument", GGE, "norm", "13h", "area", "INCIDENT_RESPONSE_TEAMS",
                "description", "Help to set up a national CERT", "requestedOn", "2021-03-01")), 201)
                .get("requestId").asText();
        String offer = ok(tracker.post("/api/assistance/requests/" + request + "/offers", Map.of(
                "offeror", other, "terms", "UNCONDITIONAL", "offeredOn", "2021-03-10")), 201).get("offerId").asText();
        String declined = ok(tracker.post("/api/assistance/requests/" + request + "/offers", Map.of(
                "offeror", "org:" + organisation, "terms", "UNCONDITIONAL", "offeredOn", "2021-03-11")), 201)
                .get("offerId").asText();
        ok(tracker.post("/api/assistance/offers/" + declined + "/declination", Map.of("declinedOn", "2021-03-12",
                "reason", "Not needed")), 200);
        ok(tracker.post("/api/assistance/offers/" + offer + "/acceptance", Map.of("acceptedOn", "2021-03-15")), 200);
        ok(tracker.post("/api/assistance/offers/" + offer + "/deliveries", Map.of("deliveredOn", "2021-04-01",
                "description", "Training", "evidence", "Course report")), 200);
        ok(tracker.post("/api/assistance/offers/" + offer + "/completion", Map.of("completedOn", "2021-05-01")),
                200);
        ok(tracker.post("/api/assistance/requests/" + request + "/closure", Map.of("outcome", "FULFILLED",
                "closedOn", "2021-06-01")), 200);
    }

    private static JsonNode ok(TrackerClient.Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        return answer.json();
    }

    /** The scorecard fact blocks as stored, their facts decoded, then every other table of {@link #TABLES}. */
    private List<List<Map<String, Object>>> tables() {
        List<List<Map<String, Object>>> tables = new ArrayList<>();
        tables.add(FactTable.blocks(jdbc));
        tables.add(FactTable.facts(jdbc));
        TABLES.stream().map(jdbc::queryForList).forEach(tables::add);
        return tables;
    }

    private static Object value(Map<String, Object> row, String column) {
        return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase(Locale.ROOT));
    }

    /** The table's primary key columns in key order, in lower case, from the JDBC metadata. */
    private List<String> primaryKeyColumns(String table) {
        return jdbc.execute((ConnectionCallback<List<String>>) connection -> {
            java.util.TreeMap<Short, String> columns = new java.util.TreeMap<>();
            for (String candidate : List.of(table, table.toUpperCase(Locale.ROOT))) {
                try (ResultSet rs = connection.getMetaData().getPrimaryKeys(connection.getCatalog(),
                        connection.getSchema(), candidate)) {
                    while (rs.next()) {
                        columns.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
            return List.copyOf(columns.values());
        });
    }

    /** The table's index names (the primary key's among them), in lower case, from the JDBC metadata. */
    private List<String> indexes(String table) {
        return jdbc.execute((ConnectionCallback<List<String>>) connection -> {
            List<String> names = new ArrayList<>();
            for (String candidate : List.of(table, table.toUpperCase(Locale.ROOT))) {
                try (ResultSet rs = connection.getMetaData().getIndexInfo(connection.getCatalog(),
                        connection.getSchema(), candidate, false, false)) {
                    while (rs.next()) {
                        String name = rs.getString("INDEX_NAME");
                        if (name != null && !names.contains(name.toLowerCase(Locale.ROOT))) {
                            names.add(name.toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
            return names;
        });
    }

    private long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }

    private long storedEvents() {
        return count("select count(*) from domain_event_entry");
    }

    @Test
    void anUnknownModeIsRefusedAndStartsNothing() {
        TrackerClient.Answer refused = tracker.postEmpty(REPLAY + "?mode=sideways");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"mode\"", "must be bulk or processors");
        assertThat(tracker.ok(REPLAY).get("status").asText()).isNotEqualTo("running");
    }

    @Test
    void aTableInWhichAnEarlierVersionKeptTheFactsIsDroppedOnceTheReadModelsAreRebuilt() throws Exception {
        tracker.pledge("AND", GGE, "13a", "2022-01-01");
        List<List<Map<String, Object>>> live = tables();
        jdbc.execute("create table rm_scorecard_fact (event_id varchar(64) not null, log_position bigint not null)");
        assertThat(bulk.retiredTablesPresent()).containsExactly("rm_scorecard_fact");

        replay.rebuildWhereAnEarlierFormIsLeft();
        awaitCompleted();

        assertThat(replay.lastBulkReport()).as("rebuilt in bulk").isPresent();
        assertThat(bulk.retiredTablesPresent()).as("dropped once the rebuild completed").isEmpty();
        assertThat(tables()).as("the read models as the live processors built them").isEqualTo(live);
        replay.rebuildWhereAnEarlierFormIsLeft();
        assertThat(tracker.ok(REPLAY).get("status").asText()).as("nothing left to rebuild: no new replay")
                .isEqualTo("completed");

        jdbc.execute("create table rm_scorecard_fact (event_id varchar(64) not null, log_position bigint not null)");
        rebuild("?mode=processors");
        assertThat(bulk.retiredTablesPresent()).as("dropped after a replay by the processors too (Axon Server)")
                .isEmpty();
    }

    private void rebuild() throws InterruptedException {
        rebuild("");
    }

    private void rebuild(String query) throws InterruptedException {
        TrackerClient.Answer started = tracker.postEmpty(REPLAY + query);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        awaitCompleted();
    }

    private void awaitCompleted() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            JsonNode status = tracker.ok(REPLAY);
            String state = status.get("status").asText();
            assertThat(state).as(status.toString()).isNotEqualTo("failed");
            if (state.equals("completed")) {
                return;
            }
            assertThat(System.nanoTime()).as("rebuild within two minutes").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
