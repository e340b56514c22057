package org.cybernorms.compliance.treaty;

import org.cybernorms.compliance.participation.api.ParticipationAction;
import org.cybernorms.compliance.participation.api.ParticipationEvents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One dated fact of a participant under a treaty: a participation step, a reservation (entered or withdrawn) or an
 * objection, with its valid date and the moment it was recorded.
 *
 * @param participant a state code ({@code FRA}) or a registered organisation ({@code org:eu})
 * @param norm        the provision of a reservation or objection; null for a step
 * @param otherState  the state whose reservation an objection is aimed at; null otherwise
 */
public record ParticipationStep(String participant, Kind kind, LocalDate validOn, Instant recordedAt, String norm,
                                String otherState, String text) {

    /** What the fact is. */
    public enum Kind {
        SIGNED, RATIFIED, ACCEPTED, APPROVED, ACCEDED, DENOUNCED, WITHDREW, RESERVED, RESERVATION_WITHDRAWN, OBJECTED;

        public boolean isConsent() {
            return this == RATIFIED || this == ACCEPTED || this == APPROVED || this == ACCEDED;
        }

        public static Kind of(ParticipationAction action) {
            return valueOf(action.name());
        }

        /** The kind of step an event type (its simple name) records; empty for other events, such as a pledge. */
        public static Optional<Kind> ofEventType(String type) {
            return Optional.ofNullable(switch (type) {
                case "InstrumentSigned" -> SIGNED;
                case "InstrumentRatified" -> RATIFIED;
                case "InstrumentAccepted" -> ACCEPTED;
                case "InstrumentApproved" -> APPROVED;
                case "InstrumentAcceded" -> ACCEDED;
                case "InstrumentDenounced" -> DENOUNCED;
                case "InstrumentWithdrawnFrom" -> WITHDREW;
                case "ReservationEntered" -> RESERVED;
                case "ReservationWithdrawn" -> RESERVATION_WITHDRAWN;
                case "ObjectionEntered" -> OBJECTED;
                default -> null;
            });
        }
    }

    public static ParticipationStep step(String participant, Kind kind, LocalDate validOn, Instant recordedAt) {
        return new ParticipationStep(participant, kind, validOn, recordedAt, null, null, null);
    }

    /** The step a participation event records; empty for a pledge, which is no part of a treaty's status. */
    public static Optional<ParticipationStep> of(ParticipationEvents event, Instant recordedAt) {
        String who = event.state().value();
        Kind kind;
        String norm = null;
        String other = null;
        String text = null;
        if (event instanceof ParticipationEvents.InstrumentSigned) {
            kind = Kind.SIGNED;
        } else if (event instanceof ParticipationEvents.InstrumentRatified) {
            kind = Kind.RATIFIED;
        } else if (event instanceof ParticipationEvents.InstrumentAccepted) {
            kind = Kind.ACCEPTED;
        } else if (event instanceof ParticipationEvents.InstrumentApproved) {
            kind = Kind.APPROVED;
        } else if (event instanceof ParticipationEvents.InstrumentAcceded) {
            kind = Kind.ACCEDED;
        } else if (event instanceof ParticipationEvents.InstrumentDenounced) {
            kind = Kind.DENOUNCED;
        } else if (event instanceof ParticipationEvents.InstrumentWithdrawnFrom) {
            kind = Kind.WITHDREW;
        } else if (event instanceof ParticipationEvents.ReservationEntered e) {
            kind = Kind.RESERVED;
            norm = e.norm().value();
            text = e.text();
        } else if (event instanceof ParticipationEvents.ReservationWithdrawn e) {
            kind = Kind.RESERVATION_WITHDRAWN;
            norm = e.norm().value();
        } else if (event instanceof ParticipationEvents.ObjectionEntered e) {
            kind = Kind.OBJECTED;
            norm = e.norm().value();
            other = e.reservingState().value();
            text = e.text();
        } else {
            return Optional.empty();
        }
        return Optional.of(new ParticipationStep(who, kind, event.validOn(), recordedAt, norm, other, text));
    }

    /** A registered organisation rather than a state. */
    public boolean byOrganisation() {
        return participant.startsWith("org:");
    }
}
