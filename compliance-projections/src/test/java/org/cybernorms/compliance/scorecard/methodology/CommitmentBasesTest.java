package org.cybernorms.compliance.scorecard.methodology;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;

import static org.assertj.core.api.Assertions.assertThat;

class CommitmentBasesTest {

    /** Rule 2 of docs/methodology.md, written out here on its own. */
    private static BigDecimal rule(int onTime, int late, int evaluable) {
        return BigDecimal.valueOf(100L * onTime + 50L * late).divide(BigDecimal.valueOf(evaluable),
                MathContext.DECIMAL128);
    }

    @Test
    void everyKeptBaseIsTheRulesQuotientWithItsScaleAskedTwice() {
        for (int evaluable = 1; evaluable < CommitmentBases.KEPT_EVALUABLE; evaluable += evaluable < 40 ? 1 : 7) {
            for (int onTime = 0; onTime <= evaluable; onTime++) {
                for (int late = 0; onTime + late <= evaluable; late++) {
                    BigDecimal first = CommitmentBases.base(onTime, late, evaluable);
                    assertThat(first).isEqualTo(rule(onTime, late, evaluable)); // the same value and scale
                    assertThat(CommitmentBases.base(onTime, late, evaluable)).isSameAs(first);
                }
            }
        }
    }

    @Test
    void moreEvaluableCommitmentsThanAreKeptAreDividedEachTimeWithTheSameQuotient() {
        int evaluable = CommitmentBases.KEPT_EVALUABLE + 1_000;
        assertThat(CommitmentBases.base(700, 301, evaluable))
                .isEqualTo(rule(700, 301, evaluable));
    }

    @Test
    void twoOnTimeAndOneLateOutOfThreeIsEightyThreeAndAThird() {
        assertThat(CommitmentBases.base(2, 1, 3).setScale(4, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo("83.3333");
        assertThat(CommitmentBases.base(0, 0, 4)).isEqualByComparingTo("0");
    }
}
