package org.cybernorms.compliance.treaty;

import org.cybernorms.compliance.participation.api.ParticipationAction;

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

    /** A registered organisation rather than a state. */
    public boolean byOrganisation() {
        return participant.startsWith("org:");
    }
}
