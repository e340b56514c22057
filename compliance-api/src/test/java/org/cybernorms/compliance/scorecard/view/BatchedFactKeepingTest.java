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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The facts of a processor's batch, kept together: each block is read and written once for all of its facts, and the
 * rows are the same, byte for byte, as the facts kept one by one and as the bulk rebuild writes them. Facts already
 * there, and an event twice in one batch, are kept and counted once.
 */
class BatchedFactKeepingTest extends ScorecardStoreTest {

    private static final Instant EVER = Instant.parse("2100-01-01T00:00:00Z");

    @Autowired
    ScorecardFactWriter writer;
    @Autowired
    FactRows rows;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private final List<InstrumentId> instruments = new ArrayList<>();

    @AfterEach
    void forgetInstruments() {
        for (InstrumentId instrument : instruments) {
            jdbc.update("delete from rm_scorecard_fact_block where instrument_id = ?", instrument.value());
            jdbc.update("delete from rm_scorecard_version where instrument_id = ?", instrument.value());
        }
    }

    @Test
    void aBatchGivesTheSameBlocksAsFactsKeptOneByOne() {
        InstrumentId batched = instrument();
        InstrumentId single = instrument();
        long first = 7_000L * FactBlocks.POSITIONS_PER_BLOCK;
        // two states, five blocks; the second batch appends to blocks the first made, and one of its facts comes
        // before a fact its block holds (it committed late)
        List<Long> firstBatch = List.of(first + 1, first + 5, first + 2, first + FactBlocks.POSITIONS_PER_BLOCK + 3);
        List<Long> secondBatch = List.of(first + 9, first, first + 2L * FactBlocks.POSITIONS_PER_BLOCK,
                first + FactBlocks.POSITIONS_PER_BLOCK + 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < firstBatch.size() + secondBatch.size(); i++) {
            ids.add(UUID.randomUUID().toString());
        }

        inTransaction(() -> writer.keepAll(facts(batched, firstBatch, ids.subList(0, 4))));
        inTransaction(() -> writer.keepAll(facts(batched, secondBatch, ids.subList(4, 8))));
        for (FactRow fact : facts(single, firstBatch, ids.subList(0, 4))) {
            inTransaction(() -> writer.keep(fact));
        }
        for (FactRow fact : facts(single, secondBatch, ids.subList(4, 8))) {
            inTransaction(() -> writer.keep(fact));
        }

        List<Object[]> batchedBlocks = blocks(batched);
        List<Object[]> singleBlocks = blocks(single);
        assertThat(batchedBlocks).hasSize(5).hasSameSizeAs(singleBlocks);
        for (int i = 0; i < batchedBlocks.size(); i++) {
            assertThat(batchedBlocks.get(i)).as("block %d", i).isEqualTo(singleBlocks.get(i));
        }
        for (String state : List.of("NOR", "SWE")) {
            List<FactRow> kept = rows.stateFacts(batched.value(), state, EVER);
            assertThat(kept).extracting(FactRow::position).isSorted().doesNotHaveDuplicates();
            assertThat(version(batched, state)).isEqualTo(kept.size());
        }
        assertThat(version(batched, "NOR") + version(batched, "SWE")).isEqualTo(8);
        assertThat(blocks(batched)).extracting(block -> block[4])
                .as("each block's bytes as the bulk rebuild encodes its facts")
                .containsExactlyElementsOf(blocks(batched).stream().map(block -> (Object) FactBlocks.encode(
                        FactBlocks.decode((byte[]) block[4], batched.value(), (String) block[0]))).toList());
    }

    @Test
    void factsAlreadyKeptAndAnEventTwiceInOneBatchAreKeptAndCountedOnce() {
        InstrumentId instrument = instrument();
        long first = 9_000L * FactBlocks.POSITIONS_PER_BLOCK;
        List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        List<FactRow> facts = facts(instrument, List.of(first, first + 1, first + 2), ids);
        inTransaction(() -> writer.keepAll(facts.subList(0, 2)));

        List<FactRow> again = new ArrayList<>(facts);
        again.add(facts.get(2));
        inTransaction(() -> writer.keepAll(again));

        assertThat(rows.stateFacts(instrument.value(), "NOR", EVER)).extracting(FactRow::eventId)
                .containsExactly(ids.get(0), ids.get(2));
        assertThat(rows.stateFacts(instrument.value(), "SWE", EVER)).extracting(FactRow::eventId)
                .containsExactly(ids.get(1));
        assertThat(version(instrument, "NOR")).isEqualTo(2);
        assertThat(version(instrument, "SWE")).isEqualTo(1);
    }

    private InstrumentId instrument() {
        InstrumentId instrument = InstrumentId.of("batched-" + UUID.randomUUID().toString().substring(0, 8));
        instruments.add(instrument);
        return instrument;
    }

    /** Pledges at these positions, with these event (and pledge) ids: even positions NOR, odd ones SWE. */
    private static List<FactRow> facts(InstrumentId instrument, List<Long> positions, List<String> ids) {
        List<FactRow> facts = new ArrayList<>();
        for (int i = 0; i < positions.size(); i++) {
            long position = positions.get(i);
            StateCode state = StateCode.of(position % 2 == 0 ? "NOR" : "SWE");
            facts.add(FactRow.of(new ParticipationEvents.NormPledged(PledgeId.of(ids.get(i)), state, instrument,
                            NormCode.of("13a"), LocalDate.of(2020, 1, 1), "pledge " + position), ids.get(i),
                    Instant.parse("2024-01-01T00:00:00Z").plusSeconds(position % 100_000), position).orElseThrow());
        }
        return facts;
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
    }

    private List<Object[]> blocks(InstrumentId instrument) {
        return jdbc.query("select state_code, block_no, fact_count, last_position, facts from rm_scorecard_fact_block"
                        + " where instrument_id = ? order by state_code, block_no",
                (rs, i) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getBytes(5)}, instrument.value());
    }

    private long version(InstrumentId instrument, String state) {
        return jdbc.queryForObject("select fact_count from rm_scorecard_version where instrument_id = ? "
                + "and state_code = ?", Long.class, instrument.value(), state);
    }
}
