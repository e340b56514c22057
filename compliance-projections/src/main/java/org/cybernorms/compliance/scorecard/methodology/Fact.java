package org.cybernorms.compliance.scorecard.methodology;

import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.violation.api.Severity;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One fact a methodology may read, with the event it came from. Facts are plain values: they name neither state nor
 * instrument, because a {@link ScoringInput} already holds the facts of one state under one instrument.
 */
public sealed interface Fact {

    FactRef ref();

    // ---- the instrument's norms ----

    record NormAdded(FactRef ref, NormCode norm, String title, LocalDate effectiveOn) implements Fact {
        public NormAdded {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(norm, "norm");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(effectiveOn, "effectiveOn");
        }
    }

    record NormRevised(FactRef ref, NormCode norm, String title, LocalDate revisedOn) implements Fact {
        public NormRevised {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(norm, "norm");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(revisedOn, "revisedOn");
        }
    }

    record NormRetired(FactRef ref, NormCode norm, LocalDate retiredOn) implements Fact {
        public NormRetired {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(norm, "norm");
            Objects.requireNonNull(retiredOn, "retiredOn");
        }
    }

    // ---- the state's participation ----

    record Pledged(FactRef ref, String pledgeId, NormCode norm, LocalDate pledgedOn) implements Fact {
        public Pledged {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(pledgeId, "pledgeId");
            Objects.requireNonNull(norm, "norm");
            Objects.requireNonNull(pledgedOn, "pledgedOn");
        }
    }

    record PledgeWithdrawn(FactRef ref, String pledgeId, LocalDate withdrawnOn) implements Fact {
        public PledgeWithdrawn {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(pledgeId, "pledgeId");
            Objects.requireNonNull(withdrawnOn, "withdrawnOn");
        }
    }

    record ReservationEntered(FactRef ref, NormCode norm, LocalDate enteredOn) implements Fact {
        public ReservationEntered {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(norm, "norm");
            Objects.requireNonNull(enteredOn, "enteredOn");
        }
    }

    record ReservationWithdrawn(FactRef ref, NormCode norm, LocalDate withdrawnOn) implements Fact {
        public ReservationWithdrawn {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(norm, "norm");
            Objects.requireNonNull(withdrawnOn, "withdrawnOn");
        }
    }

    // ---- commitments ----

    record CommitmentMade(FactRef ref, String commitmentId, NormCode norm, LocalDate madeOn, LocalDate dueOn)
            implements Fact {
        public CommitmentMade {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(commitmentId, "commitmentId");
            Objects.requireNonNull(norm, "norm");
            Objects.requireNonNull(madeOn, "madeOn");
            Objects.requireNonNull(dueOn, "dueOn");
        }
    }

    record CommitmentFulfilled(FactRef ref, String commitmentId, LocalDate fulfilledOn) implements Fact {
        public CommitmentFulfilled {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(commitmentId, "commitmentId");
            Objects.requireNonNull(fulfilledOn, "fulfilledOn");
        }
    }

    record CommitmentWithdrawn(FactRef ref, String commitmentId, LocalDate withdrawnOn) implements Fact {
        public CommitmentWithdrawn {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(commitmentId, "commitmentId");
            Objects.requireNonNull(withdrawnOn, "withdrawnOn");
        }
    }

    record CommitmentProgressReported(FactRef ref, String commitmentId, LocalDate reportedOn) implements Fact {
        public CommitmentProgressReported {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(commitmentId, "commitmentId");
            Objects.requireNonNull(reportedOn, "reportedOn");
        }
    }

    // ---- violation reports ----

    record ViolationReported(FactRef ref, String violationId, NormCode norm, LocalDate occurredOn, Severity severity)
            implements Fact {
        public ViolationReported {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(violationId, "violationId");
            Objects.requireNonNull(norm, "norm");
            Objects.requireNonNull(occurredOn, "occurredOn");
            Objects.requireNonNull(severity, "severity");
        }
    }

    record ViolationReviewStarted(FactRef ref, String violationId, LocalDate startedOn) implements Fact {
        public ViolationReviewStarted {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(violationId, "violationId");
            Objects.requireNonNull(startedOn, "startedOn");
        }
    }

    record ViolationConfirmed(FactRef ref, String violationId, LocalDate confirmedOn) implements Fact {
        public ViolationConfirmed {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(violationId, "violationId");
            Objects.requireNonNull(confirmedOn, "confirmedOn");
        }
    }

    record ViolationDismissed(FactRef ref, String violationId, LocalDate dismissedOn) implements Fact {
        public ViolationDismissed {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(violationId, "violationId");
            Objects.requireNonNull(dismissedOn, "dismissedOn");
        }
    }

    record ViolationRemedied(FactRef ref, String violationId, LocalDate remediedOn) implements Fact {
        public ViolationRemedied {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(violationId, "violationId");
            Objects.requireNonNull(remediedOn, "remediedOn");
        }
    }

    record StateResponded(FactRef ref, String violationId, LocalDate respondedOn) implements Fact {
        public StateResponded {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(violationId, "violationId");
            Objects.requireNonNull(respondedOn, "respondedOn");
        }
    }
}
