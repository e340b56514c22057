package org.cybernorms.compliance.runtime;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.cybernorms.compliance.support.TestStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JPA event store is wired as the issue demands: Jackson everywhere, dense global index; on H2 in file mode by
 * default, on PostgreSQL in the PostgreSQL run.
 */
// Runs on the embedded store only: the embedded default itself: H2's catalogue, sequence and file.
@org.junit.jupiter.api.Tag("embedded-only")
class EmbeddedEventStoreTest extends EmbeddedStoreTest {

    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    Serializer serializer;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    @Qualifier("messageSerializer")
    Serializer messageSerializer;
    @Autowired
    InstrumentSeeder seeder;

    @Test
    void storesEventsInAxonsJpaEventStoreOnTheConfiguredDatabase() {
        assertThat(storageEngine).isInstanceOf(JpaEventStorageEngine.class);
        if (TestStore.postgres()) {
            assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
            assertThat(jdbc.queryForObject("select current_schema", String.class))
                    .startsWith(TestStore.SCHEMA_PREFIX);
        } else {
            String version = jdbc.queryForObject("select setting_value from information_schema.settings "
                    + "where setting_name = 'info.VERSION'", String.class);
            assertThat(version).isNotBlank();
        }
    }

    @Test
    void theScorecardFactBlocksAreKeptInTheirRowsNotAsLargeObjects() {
        // H2 keeps a LOB of more than 256 bytes apart from its row; every rewrite of a block would make a new one
        assertThat(jdbc.queryForObject("select data_type from information_schema.columns where table_name = "
                + "'RM_SCORECARD_FACT_BLOCK' and column_name = 'FACTS'", String.class)).isEqualTo("BINARY VARYING");
        assertThat(jdbc.queryForObject("select character_maximum_length from information_schema.columns where "
                + "table_name = 'RM_SCORECARD_FACT_BLOCK' and column_name = 'FACTS'", Long.class))
                .as("H2's largest").isEqualTo(1_000_000_000L);
    }

    @Test
    void aBlobAQueryReturnedIsKeptOneSecondNotFiveMinutes() {
        // H2 copies every BLOB a query returns (the event payloads) into a temporary LOB kept this long
        assertThat(jdbc.queryForObject("select setting_value from information_schema.settings "
                + "where setting_name = 'LOB_TIMEOUT'", String.class)).isEqualTo("1000");
    }

    @Test
    void serializesEverythingWithJackson() {
        assertThat(serializer).isInstanceOf(JacksonSerializer.class);
        assertThat(eventSerializer).isInstanceOf(JacksonSerializer.class);
        assertThat(messageSerializer).isInstanceOf(JacksonSerializer.class);
        String payloadType = jdbc.queryForObject(
                "select payload_type from domain_event_entry where aggregate_identifier = 'un-gge-2015' "
                        + "and sequence_number = 0", String.class);
        assertThat(payloadType).endsWith("InstrumentEvents$InstrumentCreated");
    }

    @Test
    void storesDatesAndIdentifiersAsPlainJsonStrings() {
        byte[] payload = jdbc.queryForObject(
                "select payload from domain_event_entry where aggregate_identifier = 'un-gge-2015' "
                        + "and sequence_number = 0", byte[].class);
        assertThat(new String(payload, java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"instrumentId\":\"un-gge-2015\"")
                .contains("\"adoptedOn\":\"2015-07-22\"");
        String revision = jdbc.queryForObject(
                "select payload_revision from domain_event_entry where aggregate_identifier = 'un-gge-2015' "
                        + "and sequence_number = 0", String.class);
        assertThat(revision).isEqualTo("1");
    }

    @Test
    void handsOutGlobalIndexesWithoutGaps() {
        String pledge = "{\"instrument\":\"un-gge-2015\",\"norm\":\"13a\",\"pledgedOn\":\"2020-01-01\",\"statement\":\"s\"}";
        for (int i = 0; i < 3; i++) {
            api.create("/api/states/AUT/pledges", pledge, "pledgeId");
        }

        List<Long> last = jdbc.queryForList(
                "select global_index from domain_event_entry order by global_index desc limit 3", Long.class);

        assertThat(last.get(0) - last.get(1)).isEqualTo(1);
        assertThat(last.get(1) - last.get(2)).isEqualTo(1);
        Long increment = jdbc.queryForObject("select increment from information_schema.sequences "
                + "where lower(sequence_name) = 'domain_event_entry_seq' "
                + "and lower(sequence_schema) = lower(current_schema)", Long.class);
        assertThat(increment).isEqualTo(1);
    }

    @Test
    void seedsTheInstrumentOnlyOnce() {
        long before = storedEvents();

        boolean created = seeder.seed();

        assertThat(created).isFalse();
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry "
                + "where aggregate_identifier = 'un-gge-2015' and sequence_number = 0", Long.class)).isEqualTo(1);
    }

    @Test
    void switchesOffTheUpdateChecker() {
        assertThat(System.getProperty("axoniq.update-checker.disabled")).isEqualTo("true");
    }
}
