package org.cybernorms.compliance.participation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.cybernorms.compliance.instrument.NormCatalog;
import org.cybernorms.compliance.participation.api.ParticipationAction;
import org.cybernorms.compliance.participation.api.ParticipationCommands;
import org.cybernorms.compliance.participation.api.ParticipationCommands.EnterObjection;
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
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One state's participation in one instrument: its treaty status and its reservations. It comes into being with the
 * first fact recorded about the pair.
 *
 * <p>Participation: a state signs and then ratifies (or accepts, or approves), or accedes without signing. Under a
 * political instrument it may withdraw after any step and sign or accede again after withdrawing. Under a treaty it
 * consents once, and a party leaves by denunciation, which is final. Each step is dated on or after the last. What
 * follows from the dates (entry into force for the state) is derived by the read side from the treaty's terms.
 */
public class Participation {

    @AggregateIdentifier
    private String participationId;
    private Status status = Status.NONE;
    private LocalDate statusSince;
    private final Map<NormCode, LocalDate> activeReservations = new HashMap<>();
    private final Map<NormCode, LocalDate> lastReservationWithdrawals = new HashMap<>();
    /** The reservations this state objected to, as {@code reservingState/norm}. */
    private final Set<String> objections = new HashSet<>();

    protected Participation() {
    }

    /** Where the state stands with respect to the instrument. */
    enum Status { NONE, SIGNED, PARTY, WITHDRAWN, DENOUNCED }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordParticipation command, Clock clock, NormCatalog catalog) {
        FactRules rules = FactRules.asOf(LocalDate.now(clock))
                .present("action", command.action())
                .present("date", command.date())
                .notInFuture("date", command.date())
                .notBefore("date", command.date(), "the previous participation step", statusSince);
        catalog.requireAdopted(rules, command.instrument(), command.date(), "date");
        boolean treaty = command.instrument() != null && catalog.treatyTerms(command.instrument()).isPresent();
        ParticipationAction action = command.action();
        if (action == ParticipationAction.DENOUNCED && !treaty) {
            rules.reject("action", "only a treaty can be denounced; a state leaves a political instrument by WITHDREW");
        }
        if (action == ParticipationAction.WITHDREW && treaty) {
            rules.reject("action", "a party leaves a treaty by DENOUNCED");
        }
        rules.orThrow();
        if (!allowed(action, treaty)) {
            throw new TransitionForbiddenException(
                    command.state() + " cannot be recorded as " + action + " while its status is " + status
                            + (treaty && status == Status.PARTY && action.isConsent()
                            ? " (a state consents to a treaty once)" : ""),
                    status.name());
        }
        apply(event(command));
    }

    /**
     * Whether {@code action} may follow the current status. Under a treaty a state consents once: no second consent,
     * and none after a denunciation; under a political instrument a state may sign or accede again after withdrawing.
     */
    private boolean allowed(ParticipationAction action, boolean treaty) {
        boolean fresh = status == Status.NONE || (!treaty && status == Status.WITHDRAWN);
        return switch (action) {
            case SIGNED, ACCEDED -> fresh;
            case RATIFIED, ACCEPTED, APPROVED -> status == Status.SIGNED;
            case DENOUNCED -> status == Status.PARTY;
            case WITHDREW -> status == Status.SIGNED || status == Status.PARTY;
        };
    }

    private static ParticipationEvents event(RecordParticipation command) {
        return switch (command.action()) {
            case SIGNED -> new ParticipationEvents.InstrumentSigned(command.state(), command.instrument(),
                    command.date());
            case RATIFIED -> new ParticipationEvents.InstrumentRatified(command.state(), command.instrument(),
                    command.date());
            case ACCEPTED -> new ParticipationEvents.InstrumentAccepted(command.state(), command.instrument(),
                    command.date());
            case APPROVED -> new ParticipationEvents.InstrumentApproved(command.state(), command.instrument(),
                    command.date());
            case ACCEDED -> new ParticipationEvents.InstrumentAcceded(command.state(), command.instrument(),
                    command.date());
            case DENOUNCED -> new ParticipationEvents.InstrumentDenounced(command.state(), command.instrument(),
                    command.date());
            case WITHDREW -> new ParticipationEvents.InstrumentWithdrawnFrom(command.state(), command.instrument(),
                    command.date());
        };
    }

    /**
     * An objection to another state's reservation on a treaty provision. Only a state that has consented to the
     * treaty (and not denounced it) may object, once per reservation it objects to.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(EnterObjection command, Clock clock, NormCatalog catalog) {
        FactRules rules = FactRules.asOf(LocalDate.now(clock))
                .present("reservingState", command.reservingState())
                .present("norm", command.norm())
                .present("objectedOn", command.objectedOn())
                .present("text", command.text())
                .notInFuture("objectedOn", command.objectedOn())
                .notBefore("objectedOn", command.objectedOn(), "the objecting state's consent",
                        status == Status.PARTY ? statusSince : null);
        if (command.reservingState() != null && command.reservingState().equals(command.state())) {
            rules.reject("reservingState", "a state cannot object to its own reservation");
        }
        if (command.instrument() != null && catalog.adoptedOn(command.instrument()).isPresent()
                && catalog.treatyTerms(command.instrument()).isEmpty()) {
            rules.reject("instrument", "'" + command.instrument() + "' is not a treaty: objections are made to "
                    + "reservations on treaties");
        }
        catalog.requireInForce(rules, command.instrument(), command.norm(), command.objectedOn(), "objectedOn")
                .orThrow();
        if (status != Status.PARTY) {
            throw new TransitionForbiddenException(command.state() + " has not consented to '" + command.instrument()
                    + "' (its status is " + status + "): only a party may object to a reservation", status.name());
        }
        if (objections.contains(command.reservingState().value() + "/" + command.norm().value())) {
            throw new TransitionForbiddenException(command.state() + " already objected to the reservation of "
                    + command.reservingState() + " on '" + command.norm() + "'", "OBJECTED");
        }
        apply(new ParticipationEvents.ObjectionEntered(command.state(), command.instrument(),
                command.reservingState(), command.norm(), command.objectedOn(), command.text().strip()));
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
    void on(ParticipationEvents.InstrumentAccepted event) {
        identify(event);
        status = Status.PARTY;
        statusSince = event.acceptedOn();
    }

    @EventSourcingHandler
    void on(ParticipationEvents.InstrumentApproved event) {
        identify(event);
        status = Status.PARTY;
        statusSince = event.approvedOn();
    }

    @EventSourcingHandler
    void on(ParticipationEvents.InstrumentDenounced event) {
        identify(event);
        status = Status.DENOUNCED;
        statusSince = event.notifiedOn();
    }

    @EventSourcingHandler
    void on(ParticipationEvents.ObjectionEntered event) {
        identify(event);
        objections.add(event.reservingState().value() + "/" + event.norm().value());
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
