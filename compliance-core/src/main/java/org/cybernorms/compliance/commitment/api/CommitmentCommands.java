package org.cybernorms.compliance.commitment.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;

import java.time.LocalDate;

/** Commands on a state's commitment under a norm. */
public sealed interface CommitmentCommands {

    CommitmentId commitmentId();

    record MakeCommitment(@TargetAggregateIdentifier CommitmentId commitmentId, StateCode state,
                          InstrumentId instrument, NormCode norm, String description, LocalDate madeOn,
                          LocalDate dueOn) implements CommitmentCommands {
    }

    record ReportCommitmentProgress(@TargetAggregateIdentifier CommitmentId commitmentId, LocalDate reportedOn,
                                    String note) implements CommitmentCommands {
    }

    record FulfilCommitment(@TargetAggregateIdentifier CommitmentId commitmentId, LocalDate fulfilledOn,
                            String evidence) implements CommitmentCommands {
    }

    record WithdrawCommitment(@TargetAggregateIdentifier CommitmentId commitmentId, LocalDate withdrawnOn,
                              String reason) implements CommitmentCommands {
    }
}
