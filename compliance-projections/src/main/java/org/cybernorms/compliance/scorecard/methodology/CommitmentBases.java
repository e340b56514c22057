package org.cybernorms.compliance.scorecard.methodology;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The base of a norm with evaluable commitments under methodology v1 ({@code docs/methodology.md}, rule 2):
 * {@code (100 × on time + 50 × late) / evaluable}, divided in {@link MathContext#DECIMAL128}.
 *
 * <p>It depends on the two counts and nothing else, so each one is divided once and kept: the same value, from the
 * same division, every time. A history scores every norm at every point, and this division (a 34-digit division of
 * big integers) was the largest part of what a first history allocated. Bases for fewer than {@link #KEPT_EVALUABLE}
 * evaluable commitments are kept (one table of references, filled as they are asked for); others are divided each
 * time.
 */
final class CommitmentBases {

    /** Evaluable commitments up to which bases are kept. */
    static final int KEPT_EVALUABLE = 256;
    /** Per number of evaluable commitments: every number of half points, 0 to twice that number. */
    private static final int ROW = 2 * KEPT_EVALUABLE + 1;
    private static final AtomicReferenceArray<BigDecimal> KEPT = new AtomicReferenceArray<>(KEPT_EVALUABLE * ROW);

    private CommitmentBases() {
    }

    /** The base of {@code onTime} commitments fulfilled on time and {@code late} late, out of {@code evaluable}. */
    static BigDecimal base(int onTime, int late, int evaluable) {
        int halves = 2 * onTime + late;
        if (evaluable <= 0 || evaluable >= KEPT_EVALUABLE || halves > 2 * evaluable) {
            return divided(onTime, late, evaluable);
        }
        int index = evaluable * ROW + halves;
        BigDecimal base = KEPT.get(index);
        if (base == null) {
            base = divided(onTime, late, evaluable);
            KEPT.lazySet(index, base);
        }
        return base;
    }

    /** The base from its division, as methodology v1 defines it. */
    static BigDecimal divided(int onTime, int late, int evaluable) {
        int points = onTime * 100 + late * 50; // 100 x (1.0, 0.5 or 0.0) per evaluable commitment
        return BigDecimal.valueOf(points).divide(BigDecimal.valueOf(evaluable), MathContext.DECIMAL128);
    }
}
