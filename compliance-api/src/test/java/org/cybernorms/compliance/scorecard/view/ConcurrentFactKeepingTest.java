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

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Facts of one state kept by several transactions at once (as two segments or two nodes do) all land in their block
 * and are all counted: a block changed by another transaction after it was read is read again, never overwritten.
 */
class ConcurrentFactKeepingTest extends ScorecardStoreTest {

    private static final int THREADS = 4;
    private static final int FACTS_EACH = 25;

    @Autowired
    ScorecardFactWriter writer;
    @Autowired
    FactRows rows;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private final InstrumentId instrument = InstrumentId.of("concurrent-" + UUID.randomUUID().toString()
            .substring(0, 8));

    @AfterEach
    void forgetInstrument() {
        jdbc.update("delete from rm_scorecard_fact_block where instrument_id = ?", instrument.value());
        jdbc.update("delete from rm_scorecard_version where instrument_id = ?", instrument.value());
    }

    @Test
    void factsOfOneBlockKeptByConcurrentTransactionsAreAllKeptAndCounted() throws Exception {
        StateCode state = StateCode.of("NOR");
        long first = 5_000L * FactBlocks.POSITIONS_PER_BLOCK; // one block for every fact below
        Instant recorded = Instant.parse("2024-01-01T00:00:00Z");
        TransactionTemplate inTransaction = new TransactionTemplate(transactions);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < FACTS_EACH; i++) {
                        long position = first + (long) i * THREADS + thread;
                        FactRow fact = FactRow.of(new ParticipationEvents.NormPledged(PledgeId.random(), state,
                                        instrument, NormCode.of("13a"), LocalDate.of(2020, 1, 1), "pledge"),
                                UUID.randomUUID().toString(), recorded.plusSeconds(position - first), position)
                                .orElseThrow();
                        inTransaction.executeWithoutResult(status -> writer.keep(fact));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : work) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<FactRow> kept = rows.stateFacts(instrument.value(), state.value(), Instant.parse("2100-01-01T00:00:00Z"));
        assertThat(kept).hasSize(THREADS * FACTS_EACH);
        assertThat(kept).extracting(FactRow::position).doesNotHaveDuplicates().isSorted();
        assertThat(jdbc.queryForObject("select fact_count from rm_scorecard_version where instrument_id = ? "
                + "and state_code = ?", Long.class, instrument.value(), state.value()))
                .isEqualTo(THREADS * FACTS_EACH);
        assertThat(jdbc.queryForObject("select fact_count from rm_scorecard_fact_block where instrument_id = ? "
                + "and state_code = ?", Long.class, instrument.value(), state.value()))
                .isEqualTo(THREADS * FACTS_EACH);
    }
}
