package org.cybernorms.compliance.scorecard.view;

import org.cybernorms.compliance.participation.api.ParticipationEvents;
import org.cybernorms.compliance.participation.api.PledgeId;
import org.cybernorms.compliance.scorecard.http.ScorecardStoreTest;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch of facts into one busy state's block reads the block once and writes it once, however many facts it holds.
 * Written once per fact, a block of a busy state (hundreds of kilobytes) was copied per fact, and H2 kept an undo record
 * of every copy until the batch committed: with a thousand facts in one state it ran out of heap serialising them and
 * closed the database (docs/benchmarks.md, "HTTP writes: the soak and the hot state").
 */
class BlockWritesPerBatchTest extends ScorecardStoreTest {

    private static final int FACTS = 50;

    @Autowired
    DataSource dataSource;
    @Autowired
    ScorecardCache cache;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private final InstrumentId instrument = InstrumentId.of("busy-" + UUID.randomUUID().toString().substring(0, 8));

    @AfterEach
    void forgetInstrument() {
        jdbc.update("delete from rm_scorecard_fact_block where instrument_id = ?", instrument.value());
        jdbc.update("delete from rm_scorecard_version where instrument_id = ?", instrument.value());
    }

    @Test
    void aBatchIntoOneBlockWritesTheBlockOnceAndItsVersionOnce() {
        CountingJdbc counting = new CountingJdbc(dataSource);
        ScorecardFactWriter writer = new ScorecardFactWriter(new ScorecardVersions(counting, cache), counting);
        long first = 11_000L * FactBlocks.POSITIONS_PER_BLOCK;
        inTransaction(() -> writer.keep(pledge(first)));
        counting.reset();

        List<FactRow> batch = new ArrayList<>();
        for (int i = 1; i <= FACTS; i++) {
            batch.add(pledge(first + i));
        }
        inTransaction(() -> writer.keepAll(batch));

        assertThat(counting.blockReads.get()).as("block reads").isEqualTo(1);
        assertThat(counting.blockWrites.get()).as("block writes").isEqualTo(1);
        assertThat(counting.versionWrites.get()).as("version writes").isEqualTo(1);
        assertThat(jdbc.queryForObject("select fact_count from rm_scorecard_fact_block where instrument_id = ?",
                Long.class, instrument.value())).isEqualTo(FACTS + 1);
        assertThat(jdbc.queryForObject("select fact_count from rm_scorecard_version where instrument_id = ?",
                Long.class, instrument.value())).isEqualTo(FACTS + 1);
    }

    private FactRow pledge(long position) {
        String id = UUID.randomUUID().toString();
        return FactRow.of(new ParticipationEvents.NormPledged(PledgeId.of(id), StateCode.of("NOR"), instrument,
                        NormCode.of("13c"), LocalDate.of(2021, 1, 1), "pledge " + position), id,
                Instant.parse("2024-01-01T00:00:00Z").plusSeconds(position % 100_000), position).orElseThrow();
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
    }

    /** Counts the statements on the fact blocks and the versions, on the transaction's connection as the writer's. */
    private static final class CountingJdbc extends JdbcTemplate {
        final AtomicInteger blockReads = new AtomicInteger();
        final AtomicInteger blockWrites = new AtomicInteger();
        final AtomicInteger versionWrites = new AtomicInteger();

        CountingJdbc(DataSource dataSource) {
            super(dataSource);
        }

        void reset() {
            blockReads.set(0);
            blockWrites.set(0);
            versionWrites.set(0);
        }

        @Override
        public <T> List<T> query(String sql, org.springframework.jdbc.core.RowMapper<T> rowMapper, Object... args) {
            if (sql.contains("from rm_scorecard_fact_block")) {
                blockReads.incrementAndGet();
            }
            return super.query(sql, rowMapper, args);
        }

        @Override
        public int update(String sql, Object... args) {
            if (sql.contains("rm_scorecard_fact_block")) {
                blockWrites.incrementAndGet();
            }
            if (sql.contains("rm_scorecard_version")) {
                versionWrites.incrementAndGet();
            }
            return super.update(sql, args);
        }
    }
}
