package org.cybernorms.compliance.runtime.rebuild;

import org.cybernorms.compliance.projection.Column;
import org.cybernorms.compliance.projection.Table;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("store-independent")
class DeferredKeysTest {

    private static final Table FACTS = Table.of("rm_fact", Column.text("event_id"), Column.bigint("log_position"),
                    Column.text("state_code"))
            .keyedInLogOrder("log_position, event_id")
            .withIndex("ix_rm_fact_state", "state_code, log_position");

    private JdbcTemplate jdbc;
    private DeferredKeys keys;

    @BeforeEach
    void freshDatabase() {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(source);
        keys = new DeferredKeys(jdbc);
    }

    @Test
    void tellsWhetherATableIsThere() {
        assertThat(keys.exists("rm_fact")).isFalse();
        jdbc.execute("create table rm_fact (event_id varchar(64) not null)");
        assertThat(keys.exists("rm_fact")).isTrue();
    }

    @Test
    void keepsAKeyInLogOrderDuringARebuildAndDropsAndRestoresTheIndexes() {
        jdbc.execute("create table rm_fact (event_id varchar(64) not null, log_position bigint not null, "
                + "state_code varchar(3), constraint rm_fact_pkey primary key (log_position, event_id))");
        jdbc.execute("create index ix_rm_fact_state on rm_fact (state_code, log_position)");

        DeferredKeys.Dropped dropped = keys.drop(FACTS);
        assertThat(keys.primaryKeyColumns("rm_fact")).containsExactly("log_position", "event_id");
        assertThat(indexCount("ix_rm_fact_state")).isZero();

        keys.restore(dropped);
        assertThat(indexCount("ix_rm_fact_state")).isOne();
    }

    @Test
    void dropsAndRestoresAKeyNotInLogOrder() {
        Table byId = Table.of("rm_listing", Column.text("id"), Column.text("title"));
        jdbc.execute("create table rm_listing (id varchar(64) not null, title varchar(100), "
                + "constraint rm_listing_pkey primary key (id))");

        DeferredKeys.Dropped dropped = keys.drop(byId);
        assertThat(keys.primaryKeyName("rm_listing")).isNull();

        keys.restore(dropped);
        assertThat(keys.primaryKeyColumns("rm_listing")).containsExactly("id");
    }

    private int indexCount(String name) {
        return jdbc.queryForObject("select count(*) from information_schema.indexes where lower(index_name) = ?",
                Integer.class, name);
    }
}
