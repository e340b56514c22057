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
 * @param carried    for a fact recorded under another instrument and carried onto a treaty's provision through a
 *                   crosswalk: the crosswalk, the source instrument and the source norm; null for a fact recorded
 *                   under the instrument scored
 */
public record FactRef(String eventId, String type, LocalDate validOn, Instant recordedAt, Carried carried) {

    /** Where a carried fact comes from. */
    public record Carried(String crosswalk, String sourceInstrument, String sourceNorm) {
    }

    /** A fact recorded under the instrument scored. */
    public FactRef(String eventId, String type, LocalDate validOn, Instant recordedAt) {
        this(eventId, type, validOn, recordedAt, null);
    }

    /** This fact, carried through a crosswalk. */
    public FactRef carriedBy(Carried via) {
        return new FactRef(eventId, type, validOn, recordedAt, via);
    }

    public FactRef {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(validOn, "validOn");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
