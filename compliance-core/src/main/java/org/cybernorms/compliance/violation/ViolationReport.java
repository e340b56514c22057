package org.cybernorms.compliance.violation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.cybernorms.compliance.instrument.NormCatalog;
import org.cybernorms.compliance.shared.FactRules;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.cybernorms.compliance.shared.TransitionForbiddenException;
import org.cybernorms.compliance.shared.WebAddress;
import org.cybernorms.compliance.violation.api.ViolationCommands.ConfirmViolation;
import org.cybernorms.compliance.violation.api.ViolationCommands.DismissViolation;
import org.cybernorms.compliance.violation.api.ViolationCommands.RemedyViolation;
import org.cybernorms.compliance.violation.api.ViolationCommands.ReportViolation;
import org.cybernorms.compliance.violation.api.ViolationCommands.RespondToViolation;
import org.cybernorms.compliance.violation.api.ViolationCommands.StartReview;
import org.cybernorms.compliance.violation.api.ViolationEvents.StateResponded;
import org.cybernorms.compliance.violation.api.ViolationEvents.ViolationConfirmed;
import org.cybernorms.compliance.violation.api.ViolationEvents.ViolationDismissed;
import org.cybernorms.compliance.violation.api.ViolationEvents.ViolationRemedied;
import org.cybernorms.compliance.violation.api.ViolationEvents.ViolationReported;
import org.cybernorms.compliance.violation.api.ViolationEvents.ViolationReviewStarted;
import org.cybernorms.compliance.violation.api.EvidenceLink;
import org.cybernorms.compliance.violation.api.ViolationId;
import org.cybernorms.compliance.violation.api.ViolationStatus;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A report that a state violated a norm. Lifecycle: reported, review started, then confirmed or dismissed, once.
 * Only a confirmed violation can be remedied, once. The state may respond at any time after the report.
 * Dates keep their order: occurred, reported, review, decision, remedy.
 */
public class ViolationReport {

    @AggregateIdentifier
    private ViolationId violationId;
    private StateCode state;
    private InstrumentId instrument;
    private NormCode norm;
    private LocalDate reportedOn;
    private LocalDate reviewStartedOn;
    private ViolationStatus status;
    private LocalDate decidedOn;
    private LocalDate remediedOn;

    protected ViolationReport() {
    }

    @CommandHandler
    public ViolationReport(ReportViolation command, Clock clock, NormCatalog catalog) {
        LocalDate today = LocalDate.now(clock);
        LocalDate reportedOn = command.reportedOn() != null ? command.reportedOn() : today;
        FactRules rules = FactRules.asOf(today)
                .present("norm", command.norm())
                .present("occurredOn", command.occurredOn())
                .present("severity", command.severity())
                .present("summary", command.summary())
                .notInFuture("occurredOn", command.occurredOn())
                .notInFuture("reportedOn", reportedOn)
                .notBefore("reportedOn", reportedOn, "occurredOn", command.occurredOn());
        List<String> evidence = command.evidence() == null ? List.of() : command.evidence();
        for (int i = 0; i < evidence.size(); i++) {
            rules.require(WebAddress.isValid(evidence.get(i)), "evidence[" + i + "]",
                    "must be an absolute http or https URL");
        }
        catalog.requireInForce(rules, command.instrument(), command.norm(), command.occurredOn(), "occurredOn")
                .orThrow();
        apply(new ViolationReported(command.violationId(), command.state(), command.instrument(), command.norm(),
                command.occurredOn(), reportedOn, command.severity(), command.summary(), EvidenceLink.of(evidence),
                command.reportingBody()));
    }

    @CommandHandler
    public void handle(StartReview command, Clock clock) {
        FactRules.asOf(LocalDate.now(clock))
                .present("startedOn", command.startedOn())
                .notInFuture("startedOn", command.startedOn())
                .notBefore("startedOn", command.startedOn(), "reportedOn", reportedOn)
                .orThrow();
        requireStatus(ViolationStatus.REPORTED, "start a review of");
        apply(new ViolationReviewStarted(violationId, state, instrument, norm, command.startedOn()));
    }

    @CommandHandler
    public void handle(ConfirmViolation command, Clock clock) {
        FactRules.asOf(LocalDate.now(clock))
                .present("confirmedOn", command.confirmedOn())
                .present("finding", command.finding())
                .notInFuture("confirmedOn", command.confirmedOn())
                .notBefore("confirmedOn", command.confirmedOn(), "the start of review", reviewStartedOn)
                .orThrow();
        requireStatus(ViolationStatus.UNDER_REVIEW, "confirm");
        apply(new ViolationConfirmed(violationId, state, instrument, norm, command.confirmedOn(), command.finding()));
    }

    @CommandHandler
    public void handle(DismissViolation command, Clock clock) {
        FactRules.asOf(LocalDate.now(clock))
                .present("dismissedOn", command.dismissedOn())
                .present("reason", command.reason())
                .notInFuture("dismissedOn", command.dismissedOn())
                .notBefore("dismissedOn", command.dismissedOn(), "the start of review", reviewStartedOn)
                .orThrow();
        requireStatus(ViolationStatus.UNDER_REVIEW, "dismiss");
        apply(new ViolationDismissed(violationId, state, instrument, norm, command.dismissedOn(), command.reason()));
    }

    @CommandHandler
    public void handle(RespondToViolation command, Clock clock) {
        FactRules.asOf(LocalDate.now(clock))
                .present("respondedOn", command.respondedOn())
                .present("text", command.text())
                .notInFuture("respondedOn", command.respondedOn())
                .notBefore("respondedOn", command.respondedOn(), "reportedOn", reportedOn)
                .orThrow();
        apply(new StateResponded(violationId, state, instrument, norm, command.respondedOn(), command.text()));
    }

    @CommandHandler
    public void handle(RemedyViolation command, Clock clock) {
        FactRules.asOf(LocalDate.now(clock))
                .present("remediedOn", command.remediedOn())
                .present("note", command.note())
                .notInFuture("remediedOn", command.remediedOn())
                .notBefore("remediedOn", command.remediedOn(), "confirmedOn",
                        status == ViolationStatus.CONFIRMED ? decidedOn : null)
                .orThrow();
        requireStatus(ViolationStatus.CONFIRMED, "remedy");
        if (remediedOn != null) {
            throw new TransitionForbiddenException(
                    "violation " + violationId + " was already remedied on " + remediedOn, "REMEDIED");
        }
        apply(new ViolationRemedied(violationId, state, instrument, norm, command.remediedOn(), command.note()));
    }

    private void requireStatus(ViolationStatus required, String action) {
        if (status != required) {
            throw new TransitionForbiddenException("cannot " + action + " violation report " + violationId
                    + " while it is " + status, status.name());
        }
    }

    @EventSourcingHandler
    void on(ViolationReported event) {
        violationId = event.violationId();
        state = event.state();
        instrument = event.instrument();
        norm = event.norm();
        reportedOn = event.reportedOn();
        status = ViolationStatus.REPORTED;
    }

    @EventSourcingHandler
    void on(ViolationReviewStarted event) {
        status = ViolationStatus.UNDER_REVIEW;
        reviewStartedOn = event.startedOn();
    }

    @EventSourcingHandler
    void on(ViolationConfirmed event) {
        status = ViolationStatus.CONFIRMED;
        decidedOn = event.confirmedOn();
    }

    @EventSourcingHandler
    void on(ViolationDismissed event) {
        status = ViolationStatus.DISMISSED;
        decidedOn = event.dismissedOn();
    }

    @EventSourcingHandler
    void on(ViolationRemedied event) {
        remediedOn = event.remediedOn();
    }
}
