package org.cybernorms.compliance.participation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.cybernorms.compliance.instrument.NormCatalog;
import org.cybernorms.compliance.participation.api.ParticipationAction;
import org.cybernorms.compliance.participation.api.ParticipationCommands;
import org.cybernorms.compliance.participation.api.ParticipationCommands.EnterReservation;
import org.cybernorms.compliance.participation.api.ParticipationCommands.RecordParticipation;
import org.cybernorms.compliance.participation.api.ParticipationCommands.WithdrawReservation;
import org.cybernorms.compliance.participation.api.ParticipationEvents;
import org.cybernorms.compliance.shared.FactRules;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.TransitionForbiddenException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One state's participation in one instrument: its treaty status and its reservations. It comes into being with the
 * first fact recorded about the pair.
 *
 * <p>Treaty status: a state signs and then ratifies, or accedes without signing; it may withdraw after signing,
 * ratifying or acceding, and may sign or accede again after withdrawing. Each step is dated on or after the last.
 */
public class Participation {

    @AggregateIdentifier
    private String participationId;
    private Status status = Status.NONE;
    private LocalDate statusSince;
    private final Map<NormCode, LocalDate> activeReservations = new HashMap<>();
    private final Map<NormCode, LocalDate> lastReservationWithdrawals = new HashMap<>();

    protected Participation() {
    }

    /** Where the state stands with respect to the instrument. */
    enum Status { NONE, SIGNED, PARTY, WITHDRAWN }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordParticipation command, Clock clock, NormCatalog catalog) {
        FactRules rules = FactRules.asOf(LocalDate.now(clock))
                .present("action", command.action())
                .present("date", command.date())
                .notInFuture("date", command.date())
                .notBefore("date", command.date(), "the previous participation step", statusSince);
        catalog.requireAdopted(rules, command.instrument(), command.date(), "date").orThrow();
        ParticipationAction action = command.action();
        boolean allowed = switch (action) {
            case SIGNED, ACCEDED -> status == Status.NONE || status == Status.WITHDRAWN;
            case RATIFIED -> status == Status.SIGNED;
            case WITHDREW -> status == Status.SIGNED || status == Status.PARTY;
        };
        if (!allowed) {
            throw new TransitionForbiddenException(
                    command.state() + " cannot be recorded as " + action + " while its status is " + status,
                    status.name());
        }
        apply(switch (action) {
            case SIGNED -> new ParticipationEvents.InstrumentSigned(command.state(), command.instrument(),
                    command.date());
            case RATIFIED -> new ParticipationEvents.InstrumentRatified(command.state(), command.instrument(),
                    command.date());
            case ACCEDED -> new ParticipationEvents.InstrumentAcceded(command.state(), command.instrument(),
                    command.date());
            case WITHDREW -> new ParticipationEvents.InstrumentWithdrawnFrom(command.state(), command.instrument(),
                    command.date());
        });
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(EnterReservation command, Clock clock, NormCatalog catalog) {
        FactRules rules = FactRules.asOf(LocalDate.now(clock))
                .present("norm", command.norm())
                .present("enteredOn", command.enteredOn())
                .present("text", command.text())
                .notInFuture("enteredOn", command.enteredOn())
                .notBefore("enteredOn", command.enteredOn(), "the withdrawal of the previous reservation",
                        lastReservationWithdrawals.get(command.norm()));
        catalog.requireInForce(rules, command.instrument(), command.norm(), command.enteredOn(), "enteredOn")
                .orThrow();
        if (activeReservations.containsKey(command.norm())) {
            throw new TransitionForbiddenException(command.state() + " already holds a reservation on norm '"
                    + command.norm() + "', entered on " + activeReservations.get(command.norm()), "RESERVED");
        }
        apply(new ParticipationEvents.ReservationEntered(command.state(), command.instrument(), command.norm(),
                command.enteredOn(), command.text()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(WithdrawReservation command, Clock clock) {
        FactRules.asOf(LocalDate.now(clock))
                .present("withdrawnOn", command.withdrawnOn())
                .notInFuture("withdrawnOn", command.withdrawnOn())
                .notBefore("withdrawnOn", command.withdrawnOn(), "enteredOn", activeReservations.get(command.norm()))
                .orThrow();
        if (!activeReservations.containsKey(command.norm())) {
            throw new TransitionForbiddenException(command.state() + " holds no reservation on norm '"
                    + command.norm() + "' of '" + command.instrument() + "'", "NOT_RESERVED");
        }
        apply(new ParticipationEvents.ReservationWithdrawn(command.state(), command.instrument(), command.norm(),
                command.withdrawnOn()));
    }

    @EventSourcingHandler
    void on(ParticipationEvents.InstrumentSigned event) {
        identify(event);
        status = Status.SIGNED;
        statusSince = event.signedOn();
    }

    @EventSourcingHandler
    void on(ParticipationEvents.InstrumentRatified event) {
        identify(event);
        status = Status.PARTY;
        statusSince = event.ratifiedOn();
    }

    @EventSourcingHandler
    void on(ParticipationEvents.InstrumentAcceded event) {
        identify(event);
        status = Status.PARTY;
        statusSince = event.accededOn();
    }

    @EventSourcingHandler
    void on(ParticipationEvents.InstrumentWithdrawnFrom event) {
        identify(event);
        status = Status.WITHDRAWN;
        statusSince = event.withdrawnOn();
    }

    @EventSourcingHandler
    void on(ParticipationEvents.ReservationEntered event) {
        identify(event);
        activeReservations.put(event.norm(), event.enteredOn());
    }

    @EventSourcingHandler
    void on(ParticipationEvents.ReservationWithdrawn event) {
        identify(event);
        activeReservations.remove(event.norm());
        lastReservationWithdrawals.put(event.norm(), event.withdrawnOn());
    }

    private void identify(ParticipationEvents event) {
        participationId = ParticipationCommands.participationId(event.instrument(), event.state());
    }
}
