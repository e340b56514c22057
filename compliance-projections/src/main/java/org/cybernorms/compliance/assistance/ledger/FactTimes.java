package org.cybernorms.compliance.assistance.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** The event behind a fact and its two times: the date it took effect and the instant it was recorded. */
public record FactTimes(String eventId, LocalDate validOn, Instant recordedAt) {

    public FactTimes {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(validOn, "validOn");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** Whether the fact counts as the world stood at the end of {@code asOf}, on what was recorded by {@code knownAt}. */
    public boolean countsAt(LocalDate asOf, Instant knownAt) {
        return !validOn.isAfter(asOf) && !recordedAt.isAfter(knownAt);
    }
}
