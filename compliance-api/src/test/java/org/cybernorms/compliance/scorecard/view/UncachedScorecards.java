package org.cybernorms.compliance.scorecard.view;

import org.cybernorms.compliance.scorecard.methodology.Fact;
import org.cybernorms.compliance.scorecard.methodology.HistoryPoint;
import org.cybernorms.compliance.scorecard.methodology.MethodologyV1;
import org.cybernorms.compliance.scorecard.methodology.Scorecard;
import org.cybernorms.compliance.scorecard.methodology.ScoringInput;
import org.cybernorms.compliance.scorecard.methodology.Step;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.StateCode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reads as they were before the cache: every request reads every fact ({@link FactRows}) and
 * runs methodology v1. The tests compare the cached answers with these.
 */
final class UncachedScorecards {

    private final FactRows rows;
    private final MethodologyV1 methodology = new MethodologyV1();

    UncachedScorecards(FactRows rows) {
        this.rows = rows;
    }

    Scorecard scorecard(StateCode state, InstrumentId instrument, LocalDate asOf, Instant knownAt) {
        return methodology.score(input(state, instrument, knownAt), asOf, knownAt);
    }

    List<HistoryPoint> history(StateCode state, InstrumentId instrument, LocalDate from, LocalDate to, Step step,
                               Instant knownAt) {
        return methodology.history(input(state, instrument, knownAt), from, to, step, knownAt);
    }

    List<RankedState> ranking(InstrumentId instrument, LocalDate asOf, Instant knownAt) {
        List<Fact> instrumentFacts = facts(rows.instrumentFacts(instrument.value(), knownAt));
        Map<StateCode, List<Fact>> byState = new LinkedHashMap<>();
        for (FactRow row : rows.allStateFacts(instrument.value(), knownAt)) {
            List<Fact> facts = byState.computeIfAbsent(StateCode.of(row.stateCode()), s -> new ArrayList<>());
            row.toFact().ifPresent(facts::add);
        }
        Map<StateCode, BigDecimal> scores = new LinkedHashMap<>();
        byState.forEach((state, facts) -> scores.put(state, methodology.score(
                new ScoringInput(state, instrument, instrumentFacts, facts), asOf, knownAt).score()));
        return Ranking.rank(scores);
    }

    private ScoringInput input(StateCode state, InstrumentId instrument, Instant knownAt) {
        return new ScoringInput(state, instrument, facts(rows.instrumentFacts(instrument.value(), knownAt)),
                facts(rows.stateFacts(instrument.value(), state.value(), knownAt)));
    }

    private static List<Fact> facts(List<FactRow> rows) {
        List<Fact> facts = new ArrayList<>(rows.size());
        for (FactRow row : rows) {
            row.toFact().ifPresent(facts::add);
        }
        return facts;
    }
}
