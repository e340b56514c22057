package org.cybernorms.compliance.persistence;

import jakarta.persistence.EntityManagerFactory;
import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL schema, as Flyway made it and as Hibernate validated it when the application started with
 * {@code ddl-auto=validate}: an entity without its table (or with a column of the wrong type) fails that start, and
 * so every test of the PostgreSQL run, loudly. This test checks what validation does not: no large objects, the
 * global index sequence, Axon's recommended indexes, and that every mapped entity has its table.
 */
@Tag("postgres-only")
class PostgresSchemaTest extends EmbeddedStoreTest {

    @Autowired
    EntityManagerFactory entityManagerFactory;
    @Value("${spring.jpa.hibernate.ddl-auto}")
    String ddlAuto;

    @Test
    void startedWithFlywayAndHibernateValidation() {
        assertThat(ddlAuto).isEqualTo("validate");
        assertThat(jdbc.queryForList("select version from flyway_schema_history where success "
                + "and version is not null order by installed_rank", String.class)).startsWith("1");
    }

    @Test
    void everyEntityHasItsTable() {
        SessionFactoryImplementor sessions = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
        Map<String, String> tableOfEntity = new TreeMap<>();
        sessions.getMappingMetamodel().forEachEntityDescriptor(descriptor ->
                tableOfEntity.put(descriptor.getEntityName(),
                        ((AbstractEntityPersister) descriptor).getTableName().toLowerCase()));
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = current_schema", String.class);

        assertThat(tables).containsAll(tableOfEntity.values());
        assertThat(tables).as("the facts' table of an earlier form, made by V1 and empty, dropped at start-up")
                .doesNotContain("rm_scorecard_fact");
        assertThat(new TreeSet<>(tableOfEntity.values())).as("tables of the entities known today").contains(
                "domain_event_entry", "snapshot_event_entry", "token_entry", "saga_entry",
                "association_value_entry", "dead_letter_entry", "rm_instrument_listing", "rm_scorecard_fact_block",
                "idempotency_record");
    }

    @Test
    void storesBinaryColumnsAsByteaNotLargeObjects() {
        Map<String, String> types = new TreeMap<>();
        jdbc.query("select table_name, column_name, data_type from information_schema.columns "
                        + "where table_schema = current_schema",
                row -> {
                    types.put(row.getString(1) + "." + row.getString(2), row.getString(3));
                });

        assertThat(types).containsEntry("domain_event_entry.payload", "bytea")
                .containsEntry("domain_event_entry.meta_data", "bytea")
                .containsEntry("snapshot_event_entry.payload", "bytea")
                .containsEntry("snapshot_event_entry.meta_data", "bytea")
                .containsEntry("token_entry.token", "bytea")
                .containsEntry("saga_entry.serialized_saga", "bytea")
                .containsEntry("dead_letter_entry.payload", "bytea")
                .containsEntry("dead_letter_entry.token", "bytea")
                .containsEntry("dead_letter_entry.diagnostics", "bytea")
                .containsEntry("rm_scorecard_fact_block.facts", "bytea");
        assertThat(types).doesNotContainValue("oid");
        assertThat(jdbc.queryForObject("select count(*) from pg_largeobject_metadata", Long.class)).isZero();
    }

    @Test
    void handsOutTheGlobalIndexOneByOne() {
        assertThat(jdbc.queryForObject("select increment_by from pg_sequences where schemaname = current_schema "
                + "and sequencename = 'domain_event_entry_seq'", Long.class)).isEqualTo(1);
    }

    @Test
    void hasTheIndexesAxonRecommends() {
        Map<String, String> indexes = new TreeMap<>();
        jdbc.query("select indexname, indexdef from pg_indexes where schemaname = current_schema",
                row -> {
                    indexes.put(row.getString(1), row.getString(2).replaceAll(" ON \\S+\\.", " ON "));
                });

        assertThat(indexes.values()).anyMatch(d -> d.contains("UNIQUE INDEX")
                        && d.endsWith("ON domain_event_entry USING btree (aggregate_identifier, sequence_number)"))
                .anyMatch(d -> d.contains("UNIQUE INDEX")
                        && d.endsWith("ON domain_event_entry USING btree (event_identifier)"))
                .anyMatch(d -> d.endsWith("ON snapshot_event_entry USING btree (aggregate_identifier)"))
                .anyMatch(d -> d.contains("UNIQUE INDEX")
                        && d.endsWith("ON snapshot_event_entry USING btree (event_identifier)"))
                .anyMatch(d -> d.endsWith("ON association_value_entry USING btree "
                        + "(saga_type, association_key, association_value)"))
                .anyMatch(d -> d.endsWith("ON association_value_entry USING btree (saga_id, saga_type)"))
                .anyMatch(d -> d.contains("UNIQUE INDEX")
                        && d.endsWith("ON token_entry USING btree (processor_name, segment)"))
                .anyMatch(d -> d.contains("UNIQUE INDEX") && d.endsWith("ON rm_scorecard_fact_block USING btree "
                        + "(instrument_id, state_code, block_no)"));
    }
}
