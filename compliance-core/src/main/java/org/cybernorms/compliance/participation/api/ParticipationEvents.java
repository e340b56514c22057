package org.cybernorms.compliance.participation.api;

import org.axonframework.serialization.Revision;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;

import java.time.LocalDate;

/**
 * Events of a state's participation in an instrument. Schema: never changed in place. The date field is the valid
 * time; the event's timestamp is when it was recorded.
 */
public sealed interface ParticipationEvents {

    StateCode state();

    InstrumentId instrument();

    /** The date on which the fact took effect. */
    LocalDate validOn();

    @Revision("1")
    record InstrumentSigned(StateCode state, InstrumentId instrument, LocalDate signedOn) implements ParticipationEvents {
        public LocalDate validOn() {
            return signedOn;
        }
    }

    @Revision("1")
    record InstrumentRatified(StateCode state, InstrumentId instrument, LocalDate ratifiedOn)
            implements ParticipationEvents {
        public LocalDate validOn() {
            return ratifiedOn;
        }
    }

    @Revision("1")
    record InstrumentAcceded(StateCode state, InstrumentId instrument, LocalDate accededOn)
            implements ParticipationEvents {
        public LocalDate validOn() {
            return accededOn;
        }
    }

    /** Acceptance of a treaty: a consent to be bound, like a ratification. */
    @Revision("1")
    record InstrumentAccepted(StateCode state, InstrumentId instrument, LocalDate acceptedOn)
            implements ParticipationEvents {
        public LocalDate validOn() {
            return acceptedOn;
        }
    }

    /** Approval of a treaty: a consent to be bound, like a ratification. */
    @Revision("1")
    record InstrumentApproved(StateCode state, InstrumentId instrument, LocalDate approvedOn)
            implements ParticipationEvents {
        public LocalDate validOn() {
            return approvedOn;
        }
    }

    /**
     * A party notified its denunciation of a treaty on {@code notifiedOn}; it takes effect after the treaty's
     * {@code denunciationTakesEffectAfterDays}, a date derived from the instrument's terms, not stored here.
     */
    @Revision("1")
    record InstrumentDenounced(StateCode state, InstrumentId instrument, LocalDate notifiedOn)
            implements ParticipationEvents {
        public LocalDate validOn() {
            return notifiedOn;
        }
    }

    /**
     * {@code state}, having consented to the treaty, objects to the reservation that {@code reservingState} made on
     * {@code norm}.
     */
    @Revision("1")
    record ObjectionEntered(StateCode state, InstrumentId instrument, StateCode reservingState, NormCode norm,
                            LocalDate objectedOn, String text) implements ParticipationEvents {
        public LocalDate validOn() {
            return objectedOn;
        }
    }

    @Revision("1")
    record InstrumentWithdrawnFrom(StateCode state, InstrumentId instrument, LocalDate withdrawnOn)
            implements ParticipationEvents {
        public LocalDate validOn() {
            return withdrawnOn;
        }
    }

    @Revision("1")
    record ReservationEntered(StateCode state, InstrumentId instrument, NormCode norm, LocalDate enteredOn,
                              String text) implements ParticipationEvents {
        public LocalDate validOn() {
            return enteredOn;
        }
    }

    @Revision("1")
    record ReservationWithdrawn(StateCode state, InstrumentId instrument, NormCode norm, LocalDate withdrawnOn)
            implements ParticipationEvents {
        public LocalDate validOn() {
            return withdrawnOn;
        }
    }

    @Revision("1")
    record NormPledged(PledgeId pledgeId, StateCode state, InstrumentId instrument, NormCode norm,
                       LocalDate pledgedOn, String statement) implements ParticipationEvents {
        public LocalDate validOn() {
            return pledgedOn;
        }
    }

    @Revision("1")
    record PledgeWithdrawn(PledgeId pledgeId, StateCode state, InstrumentId instrument, NormCode norm,
                           LocalDate withdrawnOn) implements ParticipationEvents {
        public LocalDate validOn() {
            return withdrawnOn;
        }
    }
}
