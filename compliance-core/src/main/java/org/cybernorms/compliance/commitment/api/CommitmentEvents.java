package org.cybernorms.compliance.commitment.api;

import org.axonframework.serialization.Revision;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;

import java.time.LocalDate;

/**
 * Events of a commitment's life. Every event names the state, instrument and norm, so that read models need no
 * look-ups. Schema: never changed in place. The date field is the valid time.
 */
public sealed interface CommitmentEvents {

    CommitmentId commitmentId();

    StateCode state();

    InstrumentId instrument();

    NormCode norm();

    LocalDate validOn();

    @Revision("1")
    record CommitmentMade(CommitmentId commitmentId, StateCode state, InstrumentId instrument, NormCode norm,
                          String description, LocalDate madeOn, LocalDate dueOn) implements CommitmentEvents {
        public LocalDate validOn() {
            return madeOn;
        }
    }

    @Revision("1")
    record CommitmentProgressReported(CommitmentId commitmentId, StateCode state, InstrumentId instrument,
                                      NormCode norm, LocalDate reportedOn, String note) implements CommitmentEvents {
        public LocalDate validOn() {
            return reportedOn;
        }
    }

    @Revision("1")
    record CommitmentFulfilled(CommitmentId commitmentId, StateCode state, InstrumentId instrument, NormCode norm,
                               LocalDate fulfilledOn, String evidence) implements CommitmentEvents {
        public LocalDate validOn() {
            return fulfilledOn;
        }
    }

    @Revision("1")
    record CommitmentWithdrawn(CommitmentId commitmentId, StateCode state, InstrumentId instrument, NormCode norm,
                               LocalDate withdrawnOn, String reason) implements CommitmentEvents {
        public LocalDate validOn() {
            return withdrawnOn;
        }
    }
}
