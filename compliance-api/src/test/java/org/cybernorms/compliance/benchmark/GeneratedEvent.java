package org.cybernorms.compliance.benchmark;

import org.cybernorms.compliance.shared.StateCode;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One event of a generated log, as the aggregate would have applied it.
 *
 * @param eventId       the event message's identifier
 * @param commandId     the identifier of the command that caused it (its correlation and trace id)
 * @param aggregateType the aggregate's type as Axon records it (the aggregate class's simple name)
 * @param aggregateId   the aggregate's identifier
 * @param sequence      the event's sequence number within its aggregate, from 0
 * @param payload       the event record of the feature's {@code api} package
 * @param validOn       the date the fact took effect
 * @param recordedAt    when the tracker recorded it: on or after {@code validOn}, increasing with the log
 * @param state         the state the fact is about
 * @param actor         who recorded it
 */
public record GeneratedEvent(String eventId, String commandId, String aggregateType, String aggregateId,
                             long sequence, Object payload, LocalDate validOn, Instant recordedAt, StateCode state,
                             Actor actor) {

    /** Who records a fact: a monitoring body, or the state itself (its right of reply). */
    public enum Actor { MONITOR, STATE }

    /** The simple name of the payload type, such as {@code ViolationConfirmed}. */
    public String type() {
        return payload.getClass().getSimpleName();
    }
}
