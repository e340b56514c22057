package org.cybernorms.compliance.scorecard.view;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.cybernorms.compliance.commitment.api.CommitmentEvents;
import org.cybernorms.compliance.commitment.api.CommitmentId;
import org.cybernorms.compliance.instrument.api.InstrumentEvents;
import org.cybernorms.compliance.participation.api.ParticipationEvents;
import org.cybernorms.compliance.participation.api.PledgeId;
import org.cybernorms.compliance.scorecard.http.ScorecardStoreTest;
import org.cybernorms.compliance.scorecard.methodology.HistoryPoint;
import org.cybernorms.compliance.scorecard.methodology.NormScore;
import org.cybernorms.compliance.scorecard.methodology.Scorecard;
import org.cybernorms.compliance.scorecard.methodology.Step;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache of computed scorecards: a cached answer is exactly the answer computed from the facts, and every change
 * to the facts (a new one, one committed late with a lower log position, a rebuild) is seen at once. Facts are handed
 * to the projection directly, under an instrument of each test's own, with chosen positions and recorded instants.
 */
@TestPropertySource(properties = "compliance.scorecards.keep.enabled=false") // counts every hit and miss itself
class ScorecardReadCacheTest extends ScorecardStoreTest {

    private static final AtomicLong POSITIONS = new AtomicLong(4_000_000_000L);
    private static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);
    private static final StateCode FRA = StateCode.of("FRA");
    private static final StateCode DEU = StateCode.of("DEU");
    private static final StateCode ITA = StateCode.of("ITA");

    @Autowired
    ScorecardFactsProjection projection;
    @Autowired
    ScorecardQueries queries;
    @Autowired
    ScorecardCache cache;
    @Autowired
    ScorecardVersions versions;
    @Autowired
    FactRows rows;
    @Autowired
    JdbcTemplate jdbc;

    /** An event handed to the projection, with its position and recorded instant. */
    private record Logged(Object event, long position, Instant recordedAt) {
    }

    private final List<Logged> instrumentLog = new ArrayList<>();
    private UncachedScorecards uncached;
    private InstrumentId instrument;
    private Instant recorded;

    @BeforeEach
    void newInstrument() {
        uncached = new UncachedScorecards(rows);
        instrument = InstrumentId.of("cache-" + UUID.randomUUID().toString().substring(0, 8));
        recorded = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        record(new InstrumentEvents.InstrumentCreated(instrument, "Cache test", LocalDate.of(2015, 7, 22)));
        for (String norm : List.of("n1", "n2", "n3")) {
            record(new InstrumentEvents.NormAdded(instrument, NormCode.of(norm), "Norm " + norm, "summary",
                    LocalDate.of(2015, 7, 22)));
        }
    }

    @AfterEach
    void forgetInstrument() {
        jdbc.update("delete from rm_scorecard_fact_block where instrument_id = ?", instrument.value());
        jdbc.update("delete from rm_scorecard_version where instrument_id = ?", instrument.value());
    }

    @Test
    void cachedScorecardsRankingAndHistoryEqualTheUncachedComputation() {
        for (StateCode state : List.of(FRA, DEU, ITA)) {
            recordActivity(state, 4);
        }
        recordActivity(FRA, 3);
        Instant now = Instant.now();
        ScorecardCache.Statistics before = cache.statistics();

        for (StateCode state : List.of(FRA, DEU, ITA)) {
            Scorecard first = queries.scorecard(state, instrument, AS_OF, now);
            Scorecard second = queries.scorecard(state, instrument, AS_OF, now);
            assertThat(first).isEqualTo(uncached.scorecard(state, instrument, AS_OF, now));
            assertThat(second).isEqualTo(first);
            List<HistoryPoint> history = queries.history(state, instrument, LocalDate.of(2020, 1, 1), AS_OF,
                    Step.MONTH, now);
            assertThat(queries.history(state, instrument, LocalDate.of(2020, 1, 1), AS_OF, Step.MONTH, now))
                    .isEqualTo(history)
                    .isEqualTo(uncached.history(state, instrument, LocalDate.of(2020, 1, 1), AS_OF, Step.MONTH, now));
        }
        List<RankedState> ranking = queries.ranking(instrument, AS_OF, now);
        assertThat(queries.ranking(instrument, AS_OF, now)).isEqualTo(ranking)
                .isEqualTo(uncached.ranking(instrument, AS_OF, now));
        assertThat(ranking).extracting(RankedState::state).containsExactlyInAnyOrder(FRA, DEU, ITA);

        ScorecardCache.Statistics after = cache.statistics();
        assertThat(after.scorecardHits() - before.scorecardHits()).as("scorecards served from the cache")
                .isEqualTo(3);
        assertThat(after.historyHits() - before.historyHits()).as("histories served from the cache").isEqualTo(3);
        assertThat(after.scoreHits() - before.scoreHits()).as("ranking scores served from the cache")
                .isEqualTo(6);
    }

    @Test
    void aScorecardWithItsLatestBasisIsTheFullScorecardCutAndIsCachedApart() {
        recordActivity(FRA, 30);
        Instant now = Instant.now();
        Scorecard expected = uncached.scorecard(FRA, instrument, AS_OF, now);
        NormScore fullLine = expected.norm(NormCode.of("n1")).orElseThrow();
        assertThat(fullLine.basis()).as("more facts than a scorecard shows")
                .hasSizeGreaterThan(ScorecardQueries.LATEST_BASIS);
        ScorecardCache.Statistics before = cache.statistics();

        Scorecard cut = queries.scorecardWithLatestBasis(FRA, instrument, AS_OF, now);
        Scorecard again = queries.scorecardWithLatestBasis(FRA, instrument, AS_OF, now);
        Scorecard full = queries.scorecard(FRA, instrument, AS_OF, now);

        assertThat(cut).isEqualTo(expected.withLatestBasis(ScorecardQueries.LATEST_BASIS)).isEqualTo(again);
        NormScore line = cut.norm(NormCode.of("n1")).orElseThrow();
        assertThat(line.basis()).hasSize(ScorecardQueries.LATEST_BASIS)
                .isEqualTo(fullLine.basis().subList(fullLine.basis().size() - ScorecardQueries.LATEST_BASIS,
                        fullLine.basis().size()));
        assertThat(line.basisTotal()).isEqualTo(fullLine.basis().size());
        assertThat(full).as("the whole basis, for paging").isEqualTo(expected);
        ScorecardCache.Statistics after = cache.statistics();
        assertThat(after.latestHits() - before.latestHits()).as("cut scorecards served from the cache").isEqualTo(1);
        assertThat(after.scorecardHits() - before.scorecardHits())
                .as("the full scorecard computed for the cut one was cached too").isEqualTo(1);
    }

    @Test
    void aCachedScorecardCarriesTheKnownAtOfTheRequest() {
        recordActivity(FRA, 2);
        Instant earlier = Instant.now();
        Scorecard first = queries.scorecard(FRA, instrument, AS_OF, earlier);
        Instant later = earlier.plusSeconds(1);

        Scorecard second = queries.scorecard(FRA, instrument, AS_OF, later);

        assertThat(first.knownAt()).isEqualTo(earlier);
        assertThat(second).isEqualTo(uncached.scorecard(FRA, instrument, AS_OF, later));
        assertThat(second.knownAt()).isEqualTo(later);
    }

    @Test
    void aNewFactIsShownAtOnce() {
        recordActivity(FRA, 2);
        recordActivity(DEU, 2);
        Instant now = Instant.now();
        Scorecard cached = queries.scorecard(FRA, instrument, AS_OF, now);
        Scorecard cachedCut = queries.scorecardWithLatestBasis(FRA, instrument, AS_OF, now);
        List<RankedState> ranking = queries.ranking(instrument, AS_OF, now);
        List<HistoryPoint> history = queries.history(FRA, instrument, LocalDate.of(2023, 1, 1), AS_OF, Step.MONTH,
                now);

        CommitmentId overdue = CommitmentId.random();
        record(new CommitmentEvents.CommitmentMade(overdue, FRA, instrument, NormCode.of("n3"), "late",
                LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 30)));
        Instant then = Instant.now();

        Scorecard fresh = queries.scorecard(FRA, instrument, AS_OF, then);
        assertThat(fresh).isEqualTo(uncached.scorecard(FRA, instrument, AS_OF, then));
        assertThat(fresh.score()).isNotEqualTo(cached.score());
        Scorecard freshCut = queries.scorecardWithLatestBasis(FRA, instrument, AS_OF, then);
        assertThat(freshCut).isEqualTo(fresh.withLatestBasis(ScorecardQueries.LATEST_BASIS));
        assertThat(freshCut.score()).isNotEqualTo(cachedCut.score());
        assertThat(freshCut.norm(NormCode.of("n3")).orElseThrow().basisTotal())
                .isEqualTo(cachedCut.norm(NormCode.of("n3")).orElseThrow().basisTotal() + 1);
        assertThat(queries.ranking(instrument, AS_OF, then)).isEqualTo(uncached.ranking(instrument, AS_OF, then))
                .isNotEqualTo(ranking);
        assertThat(queries.history(FRA, instrument, LocalDate.of(2023, 1, 1), AS_OF, Step.MONTH, then))
                .isEqualTo(uncached.history(FRA, instrument, LocalDate.of(2023, 1, 1), AS_OF, Step.MONTH, then))
                .isNotEqualTo(history);
    }

    @Test
    void aFactCommittedLateWithALowerPositionIsShownAtOnce() {
        CommitmentId commitment = CommitmentId.random();
        record(new CommitmentEvents.CommitmentMade(commitment, FRA, instrument, NormCode.of("n1"), "c",
                LocalDate.of(2022, 1, 1), LocalDate.of(2023, 1, 1)));
        long lowerPosition = POSITIONS.getAndIncrement();
        recordActivity(FRA, 2);
        Instant now = Instant.now();
        Scorecard cached = queries.scorecard(FRA, instrument, AS_OF, now);
        Map<String, ScorecardVersions.Version> versionsBefore = versions.of(instrument.value(), FRA.value());

        // A write that took its position before the last one but committed after it was read.
        record(new CommitmentEvents.CommitmentFulfilled(commitment, FRA, instrument, NormCode.of("n1"),
                LocalDate.of(2022, 12, 1), "evidence"), lowerPosition, recorded.minusSeconds(5));

        assertThat(versions.of(instrument.value(), FRA.value()).get(FRA.value()).lastPosition())
                .as("the highest position did not move").isEqualTo(versionsBefore.get(FRA.value()).lastPosition());
        Scorecard fresh = queries.scorecard(FRA, instrument, AS_OF, now);
        assertThat(fresh).isEqualTo(uncached.scorecard(FRA, instrument, AS_OF, now));
        assertThat(fresh.score()).isNotEqualTo(cached.score());
        assertThat(queries.ranking(instrument, AS_OF, now)).isEqualTo(uncached.ranking(instrument, AS_OF, now));
    }

    @Test
    void aRebuildOfTheSameCountOfDifferentFactsIsNotServedFromTheCache() {
        CommitmentId commitment = CommitmentId.random();
        LocalDate made = LocalDate.of(2022, 1, 1);
        long madeAt = POSITIONS.getAndIncrement();
        long fulfilledAt = POSITIONS.getAndIncrement();
        record(new CommitmentEvents.CommitmentMade(commitment, FRA, instrument, NormCode.of("n1"), "c", made,
                LocalDate.of(2023, 1, 1)), madeAt, recorded);
        record(new CommitmentEvents.CommitmentFulfilled(commitment, FRA, instrument, NormCode.of("n1"),
                LocalDate.of(2022, 6, 1), "on time"), fulfilledAt, recorded);
        Instant now = Instant.now();
        Scorecard onTime = queries.scorecard(FRA, instrument, AS_OF, now);
        assertThat(queries.ranking(instrument, AS_OF, now)).isEqualTo(uncached.ranking(instrument, AS_OF, now));

        // What a reset and replay of a different log does: the rows go, the same number come back at the same
        // positions and instants, and only their content differs (here, the commitment was fulfilled late).
        jdbc.update("delete from rm_scorecard_fact_block where instrument_id = ?", instrument.value());
        jdbc.update("delete from rm_scorecard_version where instrument_id = ?", instrument.value());
        List.copyOf(instrumentLog).forEach(logged -> record(logged.event(), logged.position(), logged.recordedAt()));
        record(new CommitmentEvents.CommitmentMade(commitment, FRA, instrument, NormCode.of("n1"), "c", made,
                LocalDate.of(2023, 1, 1)), madeAt, recorded);
        record(new CommitmentEvents.CommitmentFulfilled(commitment, FRA, instrument, NormCode.of("n1"),
                LocalDate.of(2023, 6, 1), "late"), fulfilledAt, recorded);

        Scorecard late = queries.scorecard(FRA, instrument, AS_OF, now);
        assertThat(late).isEqualTo(uncached.scorecard(FRA, instrument, AS_OF, now));
        assertThat(late.score()).isNotEqualTo(onTime.score());
        assertThat(queries.ranking(instrument, AS_OF, now)).isEqualTo(uncached.ranking(instrument, AS_OF, now));
    }

    @Test
    void aKnownAtBeforeTheLatestFactIsComputedFromTheFactsNotTheCache() {
        recordActivity(FRA, 2);
        Instant between = recorded.plusMillis(1);
        recorded = recorded.plusSeconds(60);
        recordActivity(FRA, 2);
        Instant now = Instant.now();
        Scorecard latest = queries.scorecard(FRA, instrument, AS_OF, now);
        queries.ranking(instrument, AS_OF, now);
        ScorecardCache.Statistics before = cache.statistics();

        Scorecard earlier = queries.scorecard(FRA, instrument, AS_OF, between);
        Scorecard earlierCut = queries.scorecardWithLatestBasis(FRA, instrument, AS_OF, between);
        List<RankedState> ranking = queries.ranking(instrument, AS_OF, between);
        List<HistoryPoint> history = queries.history(FRA, instrument, LocalDate.of(2023, 1, 1), AS_OF, Step.MONTH,
                between);

        assertThat(earlier).isEqualTo(uncached.scorecard(FRA, instrument, AS_OF, between));
        assertThat(earlier).isNotEqualTo(latest);
        assertThat(earlierCut).isEqualTo(earlier.withLatestBasis(ScorecardQueries.LATEST_BASIS));
        assertThat(ranking).isEqualTo(uncached.ranking(instrument, AS_OF, between));
        assertThat(history).isEqualTo(uncached.history(FRA, instrument, LocalDate.of(2023, 1, 1), AS_OF,
                Step.MONTH, between));
        assertThat(cache.statistics()).as("the cache was not asked").isEqualTo(before);
    }

    @Test
    void theVersionRowsMatchARecountOfTheFacts() {
        recordActivity(FRA, 3);
        recordActivity(DEU, 2);
        record(new ParticipationEvents.InstrumentSigned(ITA, instrument, LocalDate.of(2020, 1, 1)));
        record(new CommitmentEvents.CommitmentMade(CommitmentId.random(), DEU, instrument, NormCode.of("n2"), "c",
                LocalDate.of(2021, 1, 1), LocalDate.of(2022, 1, 1)), 5L, recorded.minusSeconds(30));
        List<Map<String, Object>> kept = versionRows();
        List<Object> generations = jdbc.queryForList("select generation from rm_scorecard_version "
                + "where instrument_id = ? order by state_code", Object.class, instrument.value());

        versions.recountFromFacts();

        assertThat(versionRows()).hasSize(4).isEqualTo(kept);
        assertThat(jdbc.queryForList("select generation from rm_scorecard_version where instrument_id = ? "
                + "order by state_code", Object.class, instrument.value()))
                .as("a recount starts a new generation").doesNotContainAnyElementsOf(generations);
        Instant now = Instant.now();
        assertThat(queries.scorecard(DEU, instrument, AS_OF, now))
                .isEqualTo(uncached.scorecard(DEU, instrument, AS_OF, now));
        assertThat(queries.ranking(instrument, AS_OF, now)).isEqualTo(uncached.ranking(instrument, AS_OF, now));
    }

    // ---- facts ------------------------------------------------------------------------------------------------

    private List<Map<String, Object>> versionRows() {
        return jdbc.queryForList("select state_code, fact_count, last_position, last_recorded_at "
                + "from rm_scorecard_version where instrument_id = ? order by state_code", instrument.value());
    }

    /** A pledge and {@code commitments} commitments, some fulfilled, for the state, each a second later. */
    private void recordActivity(StateCode state, int commitments) {
        record(new ParticipationEvents.NormPledged(PledgeId.random(), state, instrument, NormCode.of("n2"),
                LocalDate.of(2019, 3, 1), "pledge"));
        for (int i = 0; i < commitments; i++) {
            CommitmentId id = CommitmentId.random();
            LocalDate made = LocalDate.of(2020 + i % 4, 1 + i % 12, 1);
            record(new CommitmentEvents.CommitmentMade(id, state, instrument, NormCode.of(i % 2 == 0 ? "n1" : "n3"),
                    "c" + i, made, made.plusMonths(6)));
            if (i % 3 != 2) {
                record(new CommitmentEvents.CommitmentFulfilled(id, state, instrument, NormCode.of("n1"),
                        made.plusMonths(i % 3 == 0 ? 3 : 9), "e"));
            }
        }
    }

    private void record(Object event) {
        recorded = recorded.plusSeconds(1);
        record(event, POSITIONS.getAndIncrement(), recorded);
    }

    private void record(Object event, long position, Instant recordedAt) {
        if (event instanceof InstrumentEvents) {
            instrumentLog.add(new Logged(event, position, recordedAt));
        }
        GlobalSequenceTrackingToken token = new GlobalSequenceTrackingToken(position);
        TrackedEventMessage<?> message = new GenericTrackedEventMessage<>(token,
                new GenericEventMessage<>(UUID.randomUUID().toString(), event, Map.of(), recordedAt));
        if (event instanceof InstrumentEvents e) {
            projection.on(e, message, token);
        } else if (event instanceof ParticipationEvents e) {
            projection.on(e, message, token);
        } else if (event instanceof CommitmentEvents e) {
            projection.on(e, message, token);
        } else {
            throw new IllegalArgumentException(event.toString());
        }
    }
}
