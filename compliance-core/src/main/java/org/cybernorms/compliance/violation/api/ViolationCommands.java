package org.cybernorms.compliance.violation.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;

import java.time.LocalDate;
import java.util.List;

/** Commands on a report of a violation of a norm by a state. */
public sealed interface ViolationCommands {

    ViolationId violationId();

    /**
     * Reports a violation. {@code reportedOn} is the date of the report (valid time of the report itself);
     * {@code reportingBody} names who reports it.
     */
    record ReportViolation(@TargetAggregateIdentifier ViolationId violationId, StateCode state,
                           InstrumentId instrument, NormCode norm, LocalDate occurredOn, LocalDate reportedOn,
                           Severity severity, String summary, List<String> evidence, String reportingBody)
            implements ViolationCommands {
    }

    record StartReview(@TargetAggregateIdentifier ViolationId violationId, LocalDate startedOn)
            implements ViolationCommands {
    }

    record ConfirmViolation(@TargetAggregateIdentifier ViolationId violationId, LocalDate confirmedOn, String finding)
            implements ViolationCommands {
    }

    record DismissViolation(@TargetAggregateIdentifier ViolationId violationId, LocalDate dismissedOn, String reason)
            implements ViolationCommands {
    }

    /** The accused state's right of reply. */
    record RespondToViolation(@TargetAggregateIdentifier ViolationId violationId, LocalDate respondedOn, String text)
            implements ViolationCommands {
    }

    record RemedyViolation(@TargetAggregateIdentifier ViolationId violationId, LocalDate remediedOn, String note)
            implements ViolationCommands {
    }
}
