package org.cybernorms.compliance.scorecard.view;

import org.cybernorms.compliance.shared.StateCode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Orders states by score. The tie rule is standard competition ranking on the published score: scores are compared
 * as shown, to one decimal; states with equal scores share the rank of the first of them, and the next rank counts
 * every state above it ("1, 2, 2, 4"). Among equal scores states are listed by code. States without a score come
 * last, by code, and have no rank.
 */
public final class Ranking {

    private static final Comparator<Map.Entry<StateCode, BigDecimal>> ORDER =
            Comparator.<Map.Entry<StateCode, BigDecimal>, BigDecimal>comparing(Map.Entry::getValue,
                            Comparator.nullsLast(Comparator.reverseOrder()))
                    .thenComparing(Map.Entry::getKey);

    private Ranking() {
    }

    public static List<RankedState> rank(Map<StateCode, BigDecimal> scores) {
        List<Map.Entry<StateCode, BigDecimal>> ordered = new ArrayList<>(scores.entrySet());
        ordered.sort(ORDER);
        List<RankedState> ranking = new ArrayList<>(ordered.size());
        BigDecimal previous = null;
        int rank = 0;
        for (int i = 0; i < ordered.size(); i++) {
            BigDecimal score = ordered.get(i).getValue();
            if (score == null) {
                ranking.add(new RankedState(ordered.get(i).getKey(), null, null));
                continue;
            }
            if (previous == null || score.compareTo(previous) != 0) {
                rank = i + 1;
                previous = score;
            }
            ranking.add(new RankedState(ordered.get(i).getKey(), score, rank));
        }
        return ranking;
    }
}
