package org.cybernorms.compliance.participation.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;

import java.time.LocalDate;

/** Commands about a state's participation in an instrument, its reservations and its pledges. */
public sealed interface ParticipationCommands {

    /** The aggregate identifier of one state's participation in one instrument. */
    static String participationId(InstrumentId instrument, StateCode state) {
        return instrument.value() + ":" + state.value();
    }

    /** A participation step ({@link ParticipationAction}), effective on {@code date}. */
    record RecordParticipation(StateCode state, InstrumentId instrument, ParticipationAction action, LocalDate date)
            implements ParticipationCommands {
        @TargetAggregateIdentifier
        public String participationId() {
            return ParticipationCommands.participationId(instrument, state);
        }
    }

    record EnterReservation(StateCode state, InstrumentId instrument, NormCode norm, LocalDate enteredOn, String text)
            implements ParticipationCommands {
        @TargetAggregateIdentifier
        public String participationId() {
            return ParticipationCommands.participationId(instrument, state);
        }
    }

    record WithdrawReservation(StateCode state, InstrumentId instrument, NormCode norm, LocalDate withdrawnOn)
            implements ParticipationCommands {
        @TargetAggregateIdentifier
        public String participationId() {
            return ParticipationCommands.participationId(instrument, state);
        }
    }

    /** {@code state} objects to the reservation that {@code reservingState} made on {@code norm} of a treaty. */
    record EnterObjection(StateCode state, InstrumentId instrument, StateCode reservingState, NormCode norm,
                          LocalDate objectedOn, String text) implements ParticipationCommands {
        @TargetAggregateIdentifier
        public String participationId() {
            return ParticipationCommands.participationId(instrument, state);
        }
    }

    record PledgeNorm(@TargetAggregateIdentifier PledgeId pledgeId, StateCode state, InstrumentId instrument,
                      NormCode norm, LocalDate pledgedOn, String statement) implements ParticipationCommands {
    }

    /** Withdraws a pledge; {@code state} must be the state that made it. */
    record WithdrawPledge(@TargetAggregateIdentifier PledgeId pledgeId, StateCode state, LocalDate withdrawnOn)
            implements ParticipationCommands {
    }
}
