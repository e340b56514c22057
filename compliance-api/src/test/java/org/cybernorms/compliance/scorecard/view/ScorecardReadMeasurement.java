package org.cybernorms.compliance.scorecard.view;

import org.cybernorms.compliance.scorecard.http.ScorecardStoreTest;
import org.cybernorms.compliance.scorecard.methodology.Step;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.StateCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a timed assertion: prints how long a scorecard, a ranking and a ten-year monthly history take read with JPA
 * and scored on every request, against the tracker's way (cold: versions, JDBC read and methodology; warm: versions
 * and cache).
 * Run with {@code -Dcompliance.measure=true -Dtest=ScorecardReadMeasurement}. Facts are bulk-inserted with plain
 * JDBC and counted with {@link ScorecardVersions#recountFromFacts()}, as a bulk rebuild does.
 */
@EnabledIfSystemProperty(named = "compliance.measure", matches = "true")
class ScorecardReadMeasurement extends ScorecardStoreTest {

    private static final int STATES = Integer.getInteger("compliance.measure.states", 40);
    private static final int FACTS_PER_STATE = Integer.getInteger("compliance.measure.facts", 3_000);

    @Autowired
    ScorecardQueries queries;
    @Autowired
    ScorecardVersions versions;
    @Autowired
    ScorecardCache cache;
    @Autowired
    FactRows rows;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void measuresReadsBeforeAndAfter() {
        InstrumentId instrument = InstrumentId.of("measure-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            List<StateCode> states = insertFacts(instrument.value());
            versions.recountFromFacts();
            UncachedScorecards before = new UncachedScorecards(rows);
            LocalDate asOf = LocalDate.of(2024, 12, 31);
            LocalDate from = LocalDate.of(2015, 1, 1);
            Instant now = Instant.now();
            StateCode state = states.get(0);

            assertThat(queries.scorecard(state, instrument, asOf, now))
                    .isEqualTo(before.scorecard(state, instrument, asOf, now));
            assertThat(queries.ranking(instrument, asOf, now)).isEqualTo(before.ranking(instrument, asOf, now));

            report("scorecard", () -> before.scorecard(state, instrument, asOf, now),
                    () -> { cache.clear(); return queries.scorecard(state, instrument, asOf, now); },
                    () -> queries.scorecard(state, instrument, asOf, now));
            report("ranking  ", () -> before.ranking(instrument, asOf, now),
                    () -> { cache.clear(); return queries.ranking(instrument, asOf, now); },
                    () -> queries.ranking(instrument, asOf, now));
            report("history  ", () -> before.history(state, instrument, from, asOf, Step.MONTH, now),
                    () -> { cache.clear(); return queries.history(state, instrument, from, asOf, Step.MONTH, now); },
                    () -> queries.history(state, instrument, from, asOf, Step.MONTH, now));
        } finally {
            jdbc.update("delete from rm_scorecard_fact_block where instrument_id = ?", instrument.value());
            jdbc.update("delete from rm_scorecard_version where instrument_id = ?", instrument.value());
        }
    }

    private static void report(String what, Supplier<?> before, Supplier<?> cold, Supplier<?> warm) {
        System.out.printf(Locale.ROOT, "MEASURE %s %d states x %d facts: before %.2f ms, cold %.2f ms, warm %.3f ms%n",
                what, STATES, FACTS_PER_STATE, median(before, 7), median(cold, 7), median(warm, 51));
    }

    private static double median(Supplier<?> read, int runs) {
        read.get();
        read.get();
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            read.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return ms[runs / 2];
    }

    /** Norms n1..n11, and per state a mix of pledges, commitments (made, fulfilled) and confirmed violations. */
    private List<StateCode> insertFacts(String instrument) {
        String[] codes = {"FRA", "DEU", "ITA", "ESP", "PRT", "NLD", "BEL", "LUX", "AUT", "CHE", "POL", "CZE", "SVK",
                "HUN", "SVN", "HRV", "ROU", "BGR", "GRC", "CYP", "MLT", "IRL", "GBR", "DNK", "SWE", "NOR", "FIN",
                "EST", "LVA", "LTU", "ISL", "USA", "CAN", "MEX", "BRA", "ARG", "CHL", "JPN", "KOR", "AUS", "NZL",
                "IND", "ZAF", "EGY", "KEN", "NGA", "SEN", "MAR", "TUN", "SGP"};
        List<FactRow> batch = new ArrayList<>();
        long[] position = {1};
        Instant recorded = Instant.parse("2020-01-01T00:00:00Z");
        batch.add(row(position, instrument, null, "InstrumentCreated", LocalDate.of(2015, 7, 22), recorded, null,
                null, "Measure", null, null, null));
        for (int n = 1; n <= 11; n++) {
            batch.add(row(position, instrument, null, "NormAdded", LocalDate.of(2015, 7, 22), recorded, "n" + n,
                    null, "Norm " + n, null, null, null));
        }
        List<StateCode> states = new ArrayList<>();
        for (int s = 0; s < STATES; s++) {
            String state = codes[s % codes.length];
            states.add(StateCode.of(state));
            int facts = 0;
            for (int i = 0; facts < FACTS_PER_STATE; i++) {
                String norm = "n" + (1 + i % 11);
                LocalDate made = LocalDate.of(2015, 8, 1).plusDays((i * 37L) % 3400);
                String subject = UUID.randomUUID().toString();
                Instant at = recorded.plusSeconds(i);
                switch (i % 4) {
                    case 0, 1 -> {
                        batch.add(row(position, instrument, state, "CommitmentMade", made, at, norm, subject, null,
                                made.plusMonths(6), null, null));
                        batch.add(row(position, instrument, state, "CommitmentFulfilled", made.plusMonths(i % 9), at,
                                norm, subject, null, null, null, null));
                        facts += 2;
                    }
                    case 2 -> {
                        batch.add(row(position, instrument, state, "ViolationReported", made, at, norm, subject,
                                null, null, made.minusDays(10), "MEDIUM"));
                        batch.add(row(position, instrument, state, "ViolationConfirmed", made.plusMonths(2), at, norm,
                                subject, null, null, null, null));
                        facts += 2;
                    }
                    default -> {
                        batch.add(row(position, instrument, state, "NormPledged", made, at, norm, subject, null,
                                null, null, null));
                        facts++;
                    }
                }
            }
        }
        insertBlocks(jdbc, batch);
        return states;
    }

    /** Inserts the facts in blocks, as the bulk rebuild writes them. */
    static void insertBlocks(JdbcTemplate jdbc, List<FactRow> facts) {
        Map<List<Object>, List<FactRow>> blocks = new java.util.LinkedHashMap<>();
        for (FactRow fact : facts) {
            blocks.computeIfAbsent(List.of(fact.instrumentId(), fact.stateCode() == null ? ScorecardVersion.INSTRUMENT
                    : fact.stateCode(), FactBlocks.blockOf(fact.position())), key -> new ArrayList<>()).add(fact);
        }
        List<Object[]> rows = new ArrayList<>();
        blocks.forEach((key, inBlock) -> {
            Object[] row = ScorecardFactsBulk.block(List.of((String) key.get(0), (String) key.get(1)),
                    (Long) key.get(2), inBlock);
            row[5] = OffsetDateTime.ofInstant((Instant) row[5], ZoneOffset.UTC);
            rows.add(row);
        });
        jdbc.batchUpdate("insert into rm_scorecard_fact_block (instrument_id, state_code, block_no, fact_count, "
                + "last_position, last_recorded_at, facts) values (?, ?, ?, ?, ?, ?, ?)", rows);
    }

    private static FactRow row(long[] position, String instrument, String state, String type, LocalDate validOn,
                               Instant recordedAt, String norm, String subject, String title, LocalDate dueOn,
                               LocalDate occurredOn, String severity) {
        return new FactRow(UUID.randomUUID().toString(), position[0]++, recordedAt, type, instrument, state, validOn,
                norm, subject, title, dueOn, occurredOn,
                severity == null ? null : org.cybernorms.compliance.violation.api.Severity.valueOf(severity));
    }
}
