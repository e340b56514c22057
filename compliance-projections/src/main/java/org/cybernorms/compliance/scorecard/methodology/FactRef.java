package org.cybernorms.compliance.scorecard.methodology;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Identifies the recorded event behind a fact.
 *
 * @param eventId    the id of the event in the event log
 * @param type       a short event type name, such as {@code CommitmentFulfilled}
 * @param validOn    the event's valid time: the date on which it took effect in the world (for a violation report,
 *                   the date it was reported; for every other fact, the date the fact carries)
 * @param recordedAt the event's recorded time: when the tracker learnt of it
 */
public record FactRef(String eventId, String type, LocalDate validOn, Instant recordedAt) {

    public FactRef {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(validOn, "validOn");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
