package org.cybernorms.compliance.benchmark;

import org.cybernorms.compliance.instrument.UnGge2015;
import org.cybernorms.compliance.scorecard.methodology.Fact;
import org.cybernorms.compliance.scorecard.methodology.FactRef;
import org.cybernorms.compliance.scorecard.methodology.HistoryPoint;
import org.cybernorms.compliance.scorecard.methodology.MethodologyV1;
import org.cybernorms.compliance.scorecard.methodology.Scorecard;
import org.cybernorms.compliance.scorecard.methodology.ScoringInput;
import org.cybernorms.compliance.scorecard.methodology.Step;
import org.cybernorms.compliance.scorecard.view.FactRow;
import org.cybernorms.compliance.shared.StateCode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * JMH: methodology v1 scoring one state with about 5,000 facts (the facts of an average state in a log of 10^6
 * events), taken from a generated log of that state alone as the scorecard read model keeps them: a scorecard at the
 * end of the decade, and the ten-year monthly history (120 points).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MethodologyBenchmark {

    @Param("5000")
    public int events;

    private final MethodologyV1 methodology = new MethodologyV1();
    private final LocalDate asOf = LocalDate.of(2025, 12, 31);
    private final Instant knownAt = Instant.parse("2026-06-01T00:00:00Z");
    private ScoringInput input;

    @Setup
    public void setUp() {
        input = input(events);
    }

    /** The facts of one state (France) in a generated log of {@code events} events of that state alone. */
    static ScoringInput input(int events) {
        StateCode state = StateCode.of("FRA");
        List<Fact> instrumentFacts = new ArrayList<>();
        Instant seeded = Instant.parse("2016-01-01T00:00:00Z");
        UnGge2015.norms().forEach(norm -> instrumentFacts.add(new Fact.NormAdded(
                new FactRef("norm-" + norm.norm(), "NormAdded", UnGge2015.REPORT_DATE, seeded), norm.norm(),
                norm.title(), UnGge2015.REPORT_DATE)));
        List<Fact> stateFacts = new ArrayList<>();
        long[] position = {100};
        LogGenerator.of(LogGenerator.Settings.of(events).withStates(List.of(state))).forEachRemaining(event ->
                FactRow.of(event.payload(), event.eventId(), event.recordedAt(), position[0]++)
                        .flatMap(FactRow::toFact)
                        .ifPresent(stateFacts::add));
        return new ScoringInput(state, UnGge2015.ID, instrumentFacts, stateFacts);
    }

    @Benchmark
    public Scorecard scorecard() {
        return methodology.score(input, asOf, knownAt);
    }

    @Benchmark
    public List<HistoryPoint> monthlyHistoryOfTenYears() {
        return methodology.history(input, LocalDate.of(2016, 1, 1), asOf, Step.MONTH, knownAt);
    }
}
