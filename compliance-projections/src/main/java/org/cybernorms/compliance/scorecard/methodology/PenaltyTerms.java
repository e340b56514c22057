package org.cybernorms.compliance.scorecard.methodology;

import org.cybernorms.compliance.violation.api.Severity;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The penalty of one confirmed violation under methodology v1 ({@code docs/methodology.md}, rule 4):
 * {@code weight(severity) × 0.5^(days / 730) × (0.5 if remedied, else 1)}, as the {@link BigDecimal} of that
 * double ({@link BigDecimal#valueOf(double)}).
 *
 * <p>A term depends on the severity, whether the violation was remedied and the whole days since it occurred, and
 * nothing else, so each one is computed once and kept: the same value, from the same expression, every time. Without
 * this, {@code BigDecimal.valueOf(double)} (which goes through {@code Double.toString}) was about a fifth of the time
 * of a first scorecard or history over many violations. Terms for up to {@link #KEPT_DAYS} days are kept (8 tables of
 * references, filled as they are asked for); later ones are computed each time.
 */
final class PenaltyTerms {

    /** Days (about 90 years) up to which terms are kept. */
    static final int KEPT_DAYS = 1 << 15;

    private static final Severity[] SEVERITIES = Severity.values();
    /** Per severity, then unremedied (0) or remedied (1): the terms by days, filled lazily. */
    private static final AtomicReferenceArray<BigDecimal>[] KEPT = tables();

    private PenaltyTerms() {
    }

    /** The penalty term of a confirmed violation that occurred {@code days} (at least 0) before the date scored. */
    static BigDecimal term(Severity severity, boolean remedied, long days) {
        if (days < 0 || days >= KEPT_DAYS) {
            return computed(severity, remedied, days);
        }
        AtomicReferenceArray<BigDecimal> table = KEPT[severity.ordinal() * 2 + (remedied ? 1 : 0)];
        BigDecimal term = table.get((int) days);
        if (term == null) {
            term = computed(severity, remedied, days);
            table.lazySet((int) days, term);
        }
        return term;
    }

    /** The term from its expression, as methodology v1 defines it. */
    static BigDecimal computed(Severity severity, boolean remedied, long days) {
        double decay = Math.pow(0.5, days / (double) MethodologyV1.HALF_LIFE_DAYS);
        double remedy = remedied ? 0.5 : 1.0;
        return BigDecimal.valueOf(MethodologyV1.weight(severity) * decay * remedy);
    }

    @SuppressWarnings("unchecked")
    private static AtomicReferenceArray<BigDecimal>[] tables() {
        AtomicReferenceArray<BigDecimal>[] tables = new AtomicReferenceArray[SEVERITIES.length * 2];
        for (int i = 0; i < tables.length; i++) {
            tables[i] = new AtomicReferenceArray<>(KEPT_DAYS);
        }
        return tables;
    }
}
