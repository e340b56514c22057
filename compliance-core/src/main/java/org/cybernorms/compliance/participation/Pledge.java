package org.cybernorms.compliance.participation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.cybernorms.compliance.instrument.NormCatalog;
import org.cybernorms.compliance.participation.api.ParticipationCommands.PledgeNorm;
import org.cybernorms.compliance.participation.api.ParticipationCommands.WithdrawPledge;
import org.cybernorms.compliance.participation.api.ParticipationEvents.NormPledged;
import org.cybernorms.compliance.participation.api.ParticipationEvents.PledgeWithdrawn;
import org.cybernorms.compliance.participation.api.PledgeId;
import org.cybernorms.compliance.shared.FactRules;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.cybernorms.compliance.shared.TransitionForbiddenException;

import java.time.Clock;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A state's pledge to uphold one norm, from a date, until it is withdrawn. */
public class Pledge {

    @AggregateIdentifier
    private PledgeId pledgeId;
    private StateCode state;
    private InstrumentId instrument;
    private NormCode norm;
    private LocalDate pledgedOn;
    private LocalDate withdrawnOn;

    protected Pledge() {
    }

    @CommandHandler
    public Pledge(PledgeNorm command, Clock clock, NormCatalog catalog) {
        FactRules rules = FactRules.asOf(LocalDate.now(clock))
                .present("norm", command.norm())
                .present("pledgedOn", command.pledgedOn())
                .present("statement", command.statement())
                .notInFuture("pledgedOn", command.pledgedOn());
        catalog.requireInForce(rules, command.instrument(), command.norm(), command.pledgedOn(), "pledgedOn")
                .orThrow();
        apply(new NormPledged(command.pledgeId(), command.state(), command.instrument(), command.norm(),
                command.pledgedOn(), command.statement()));
    }

    @CommandHandler
    public void handle(WithdrawPledge command, Clock clock) {
        if (!state.equals(command.state())) {
            throw new AggregateNotFoundException(pledgeId.value(),
                    "pledge " + pledgeId + " is not a pledge of " + command.state());
        }
        FactRules.asOf(LocalDate.now(clock))
                .present("withdrawnOn", command.withdrawnOn())
                .notInFuture("withdrawnOn", command.withdrawnOn())
                .notBefore("withdrawnOn", command.withdrawnOn(), "pledgedOn", pledgedOn)
                .orThrow();
        if (withdrawnOn != null) {
            throw new TransitionForbiddenException("pledge " + pledgeId + " was already withdrawn on " + withdrawnOn,
                    "WITHDRAWN");
        }
        apply(new PledgeWithdrawn(pledgeId, state, instrument, norm, command.withdrawnOn()));
    }

    @EventSourcingHandler
    void on(NormPledged event) {
        pledgeId = event.pledgeId();
        state = event.state();
        instrument = event.instrument();
        norm = event.norm();
        pledgedOn = event.pledgedOn();
    }

    @EventSourcingHandler
    void on(PledgeWithdrawn event) {
        withdrawnOn = event.withdrawnOn();
    }
}
