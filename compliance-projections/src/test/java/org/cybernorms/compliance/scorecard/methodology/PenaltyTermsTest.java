package org.cybernorms.compliance.scorecard.methodology;

import org.cybernorms.compliance.violation.api.Severity;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class PenaltyTermsTest {

    /** Rule 4 of docs/methodology.md, written out here on its own. */
    private static BigDecimal rule(int weight, boolean remedied, long days) {
        return BigDecimal.valueOf(weight * Math.pow(0.5, days / 730.0) * (remedied ? 0.5 : 1.0));
    }

    @Test
    void everyKeptTermIsTheRulesValueWithItsScaleAskedTwice() {
        int[] weights = {5, 10, 20, 40};
        for (Severity severity : Severity.values()) {
            int weight = weights[severity.ordinal()];
            assertThat(MethodologyV1.weight(severity)).isEqualTo(weight);
            for (boolean remedied : new boolean[]{false, true}) {
                for (long days = 0; days < 20_000; days++) {
                    BigDecimal first = PenaltyTerms.term(severity, remedied, days);
                    BigDecimal expected = rule(weight, remedied, days);
                    assertThat(first).isEqualTo(expected); // equals: the same value and the same scale
                    assertThat(PenaltyTerms.term(severity, remedied, days)).isSameAs(first);
                }
            }
        }
    }

    @Test
    void termsBeyondTheKeptDaysAreComputedEachTimeWithTheSameValue() {
        long days = PenaltyTerms.KEPT_DAYS + 12;
        BigDecimal term = PenaltyTerms.term(Severity.CRITICAL, false, days);
        assertThat(term).isEqualTo(rule(40, false, days));
        assertThat(PenaltyTerms.term(Severity.CRITICAL, false, days)).isEqualTo(term);
        assertThat(PenaltyTerms.term(Severity.LOW, true, PenaltyTerms.KEPT_DAYS - 1))
                .isEqualTo(rule(5, true, PenaltyTerms.KEPT_DAYS - 1));
    }

    @Test
    void aHalfLifeHalvesTheWeightAndARemedyHalvesItAgain() {
        assertThat(PenaltyTerms.term(Severity.HIGH, false, 0)).isEqualByComparingTo("20");
        assertThat(PenaltyTerms.term(Severity.HIGH, false, MethodologyV1.HALF_LIFE_DAYS)).isEqualByComparingTo("10");
        assertThat(PenaltyTerms.term(Severity.HIGH, true, MethodologyV1.HALF_LIFE_DAYS)).isEqualByComparingTo("5");
    }
}
