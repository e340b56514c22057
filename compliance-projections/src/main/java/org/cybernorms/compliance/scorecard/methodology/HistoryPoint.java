package org.cybernorms.compliance.scorecard.methodology;

import java.math.BigDecimal;
import java.util.Objects;

/** A state score as at one date; {@code score} is {@code null} where the scorecard has none. */
public record HistoryPoint(java.time.LocalDate date, BigDecimal score) {

    public HistoryPoint {
        Objects.requireNonNull(date, "date");
    }
}
