package org.cybernorms.compliance.scorecard.view;

import org.cybernorms.compliance.shared.StateCode;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of a ranking.
 *
 * @param score the state score as published (one decimal), or {@code null} if the state has none
 * @param rank  1 for the best score; states with equal published scores share a rank and the next rank skips
 *              ("1, 2, 2, 4"); {@code null} for a state without a score
 */
public record RankedState(StateCode state, BigDecimal score, Integer rank) {

    public RankedState {
        Objects.requireNonNull(state, "state");
    }
}
