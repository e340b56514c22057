package org.cybernorms.compliance.commitment;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.cybernorms.compliance.commitment.api.CommitmentCommands.FulfilCommitment;
import org.cybernorms.compliance.commitment.api.CommitmentCommands.MakeCommitment;
import org.cybernorms.compliance.commitment.api.CommitmentCommands.ReportCommitmentProgress;
import org.cybernorms.compliance.commitment.api.CommitmentCommands.WithdrawCommitment;
import org.cybernorms.compliance.commitment.api.CommitmentEvents.CommitmentFulfilled;
import org.cybernorms.compliance.commitment.api.CommitmentEvents.CommitmentMade;
import org.cybernorms.compliance.commitment.api.CommitmentEvents.CommitmentProgressReported;
import org.cybernorms.compliance.commitment.api.CommitmentEvents.CommitmentWithdrawn;
import org.cybernorms.compliance.commitment.api.CommitmentId;
import org.cybernorms.compliance.commitment.api.CommitmentStatus;
import org.cybernorms.compliance.instrument.NormCatalog;
import org.cybernorms.compliance.shared.FactRules;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.cybernorms.compliance.shared.TransitionForbiddenException;

import java.time.Clock;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A commitment made by a state under a norm: made, progress reported any number of times, then either fulfilled or
 * withdrawn, once. Every later date is on or after {@code madeOn}.
 */
public class Commitment {

    @AggregateIdentifier
    private CommitmentId commitmentId;
    private StateCode state;
    private InstrumentId instrument;
    private NormCode norm;
    private LocalDate madeOn;
    private CommitmentStatus status;
    private LocalDate closedOn;

    protected Commitment() {
    }

    @CommandHandler
    public Commitment(MakeCommitment command, Clock clock, NormCatalog catalog) {
        FactRules rules = FactRules.asOf(LocalDate.now(clock))
                .present("norm", command.norm())
                .present("description", command.description())
                .present("madeOn", command.madeOn())
                .present("dueOn", command.dueOn())
                .notInFuture("madeOn", command.madeOn())
                .notBefore("dueOn", command.dueOn(), "madeOn", command.madeOn());
        catalog.requireInForce(rules, command.instrument(), command.norm(), command.madeOn(), "madeOn").orThrow();
        apply(new CommitmentMade(command.commitmentId(), command.state(), command.instrument(), command.norm(),
                command.description(), command.madeOn(), command.dueOn()));
    }

    @CommandHandler
    public void handle(ReportCommitmentProgress command, Clock clock) {
        FactRules.asOf(LocalDate.now(clock))
                .present("reportedOn", command.reportedOn())
                .present("note", command.note())
                .notInFuture("reportedOn", command.reportedOn())
                .notBefore("reportedOn", command.reportedOn(), "madeOn", madeOn)
                .orThrow();
        requireOpen("report progress on");
        apply(new CommitmentProgressReported(commitmentId, state, instrument, norm, command.reportedOn(),
                command.note()));
    }

    @CommandHandler
    public void handle(FulfilCommitment command, Clock clock) {
        FactRules.asOf(LocalDate.now(clock))
                .present("fulfilledOn", command.fulfilledOn())
                .present("evidence", command.evidence())
                .notInFuture("fulfilledOn", command.fulfilledOn())
                .notBefore("fulfilledOn", command.fulfilledOn(), "madeOn", madeOn)
                .orThrow();
        requireOpen("fulfil");
        apply(new CommitmentFulfilled(commitmentId, state, instrument, norm, command.fulfilledOn(),
                command.evidence()));
    }

    @CommandHandler
    public void handle(WithdrawCommitment command, Clock clock) {
        FactRules.asOf(LocalDate.now(clock))
                .present("withdrawnOn", command.withdrawnOn())
                .present("reason", command.reason())
                .notInFuture("withdrawnOn", command.withdrawnOn())
                .notBefore("withdrawnOn", command.withdrawnOn(), "madeOn", madeOn)
                .orThrow();
        requireOpen("withdraw");
        apply(new CommitmentWithdrawn(commitmentId, state, instrument, norm, command.withdrawnOn(),
                command.reason()));
    }

    private void requireOpen(String action) {
        if (status != CommitmentStatus.OPEN) {
            throw new TransitionForbiddenException("cannot " + action + " commitment " + commitmentId + ": it was "
                    + status.name().toLowerCase() + " on " + closedOn, status.name());
        }
    }

    @EventSourcingHandler
    void on(CommitmentMade event) {
        commitmentId = event.commitmentId();
        state = event.state();
        instrument = event.instrument();
        norm = event.norm();
        madeOn = event.madeOn();
        status = CommitmentStatus.OPEN;
    }

    @EventSourcingHandler
    void on(CommitmentFulfilled event) {
        status = CommitmentStatus.FULFILLED;
        closedOn = event.fulfilledOn();
    }

    @EventSourcingHandler
    void on(CommitmentWithdrawn event) {
        status = CommitmentStatus.WITHDRAWN;
        closedOn = event.withdrawnOn();
    }
}
