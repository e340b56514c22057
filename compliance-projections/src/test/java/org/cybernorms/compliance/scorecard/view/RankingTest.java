package org.cybernorms.compliance.scorecard.view;

import org.cybernorms.compliance.shared.StateCode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RankingTest {

    private static RankedState line(String state, String score, Integer rank) {
        return new RankedState(StateCode.of(state), score == null ? null : new BigDecimal(score), rank);
    }

    @Test
    void ordersByScoreDescendingAndSharesTheRankOfEqualScoresThenSkips() {
        Map<StateCode, BigDecimal> scores = new HashMap<>();
        scores.put(StateCode.of("FRA"), new BigDecimal("47.7"));
        scores.put(StateCode.of("DEU"), new BigDecimal("54.5"));
        scores.put(StateCode.of("BRA"), new BigDecimal("50.0"));
        scores.put(StateCode.of("AUS"), new BigDecimal("50.0"));
        scores.put(StateCode.of("CHL"), new BigDecimal("12.3"));

        assertThat(Ranking.rank(scores)).containsExactly(
                line("DEU", "54.5", 1),
                line("AUS", "50.0", 2),
                line("BRA", "50.0", 2),
                line("FRA", "47.7", 4),
                line("CHL", "12.3", 5));
    }

    @Test
    void comparesScoresByValueNotByScale() {
        Map<StateCode, BigDecimal> scores = Map.of(
                StateCode.of("FRA"), new BigDecimal("50.0"),
                StateCode.of("DEU"), new BigDecimal("50"));

        assertThat(Ranking.rank(scores)).extracting(RankedState::rank).containsExactly(1, 1);
    }

    @Test
    void listsStatesWithoutAScoreLastByCodeAndWithoutARank() {
        Map<StateCode, BigDecimal> scores = new HashMap<>();
        scores.put(StateCode.of("NOR"), null);
        scores.put(StateCode.of("FRA"), new BigDecimal("10.0"));
        scores.put(StateCode.of("AUT"), null);

        assertThat(Ranking.rank(scores)).containsExactly(
                line("FRA", "10.0", 1),
                line("AUT", null, null),
                line("NOR", null, null));
    }

    @Test
    void ranksNothingWhenNoStateHasFacts() {
        assertThat(Ranking.rank(Map.of())).isEqualTo(List.of());
    }
}
