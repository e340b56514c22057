package org.cybernorms.compliance.shared;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every broken rule of one command, so that a client learns of all its mistakes at once, then throws
 * {@link FactRejectedException} if there were any. Plain logic, no framework.
 */
public final class FactRules {

    private final LocalDate today;
    private final List<FactRejectedException.FieldProblem> problems = new ArrayList<>();

    private FactRules(LocalDate today) {
        this.today = today;
    }

    /** Starts a check; {@code today} is the current UTC date, after which no fact may be dated. */
    public static FactRules asOf(LocalDate today) {
        return new FactRules(today);
    }

    public FactRules notInFuture(String field, LocalDate date) {
        if (date != null && date.isAfter(today)) {
            reject(field, "must not be in the future (today is " + today + " UTC)");
        }
        return this;
    }

    /** {@code later} must be on or after {@code earlier}. */
    public FactRules notBefore(String field, LocalDate later, String earlierName, LocalDate earlier) {
        if (later != null && earlier != null && later.isBefore(earlier)) {
            reject(field, "must not be before " + earlierName + " (" + earlier + ")");
        }
        return this;
    }

    public FactRules require(boolean condition, String field, String message) {
        if (!condition) {
            reject(field, message);
        }
        return this;
    }

    public FactRules present(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            reject(field, "is required");
        }
        return this;
    }

    public FactRules reject(String field, String message) {
        problems.add(new FactRejectedException.FieldProblem(field, message));
        return this;
    }

    public void orThrow() {
        if (!problems.isEmpty()) {
            throw new FactRejectedException(problems);
        }
    }
}
