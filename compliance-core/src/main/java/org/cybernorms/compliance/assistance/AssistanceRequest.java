package org.cybernorms.compliance.assistance;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.cybernorms.compliance.assistance.api.AssistanceCommands.AcceptOffer;
import org.cybernorms.compliance.assistance.api.AssistanceCommands.CloseRequest;
import org.cybernorms.compliance.assistance.api.AssistanceCommands.CompleteOffer;
import org.cybernorms.compliance.assistance.api.AssistanceCommands.DeclineOffer;
import org.cybernorms.compliance.assistance.api.AssistanceCommands.OfferAssistance;
import org.cybernorms.compliance.assistance.api.AssistanceCommands.ReportDelivery;
import org.cybernorms.compliance.assistance.api.AssistanceCommands.RequestAssistance;
import org.cybernorms.compliance.assistance.api.AssistanceCommands.WithdrawOffer;
import org.cybernorms.compliance.assistance.api.AssistanceEvents.AssistanceDelivered;
import org.cybernorms.compliance.assistance.api.AssistanceEvents.AssistanceOffered;
import org.cybernorms.compliance.assistance.api.AssistanceEvents.AssistanceRequestClosed;
import org.cybernorms.compliance.assistance.api.AssistanceEvents.AssistanceRequested;
import org.cybernorms.compliance.assistance.api.AssistanceEvents.OfferAccepted;
import org.cybernorms.compliance.assistance.api.AssistanceEvents.OfferCompleted;
import org.cybernorms.compliance.assistance.api.AssistanceEvents.OfferDeclined;
import org.cybernorms.compliance.assistance.api.AssistanceEvents.OfferWithdrawn;
import org.cybernorms.compliance.assistance.api.AssistanceRequestId;
import org.cybernorms.compliance.assistance.api.OfferId;
import org.cybernorms.compliance.assistance.api.OfferStatus;
import org.cybernorms.compliance.assistance.api.OfferTerms;
import org.cybernorms.compliance.assistance.api.Party;
import org.cybernorms.compliance.assistance.api.RequestStatus;
import org.cybernorms.compliance.instrument.NormCatalog;
import org.cybernorms.compliance.shared.FactRules;
import org.cybernorms.compliance.shared.StateCode;
import org.cybernorms.compliance.shared.TransitionForbiddenException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A state's request for assistance under a norm, with the offers made against it as entities ({@link Offer}), so
 * that "nothing is offered against a closed request" and "nothing is delivered on an offer that was not accepted"
 * are checked against one consistent record.
 *
 * <p>Lifecycle: requested; offers made by known parties (only its addressee, if it names one; never the requester);
 * each offer accepted or declined, an accepted one delivered in parts and then completed; a pending or accepted
 * offer may be withdrawn. The request is closed once, as fulfilled or abandoned, when every offer is settled; a
 * closed request takes nothing more. Every date is on or after the dates it follows, and none is in the future.
 */
public class AssistanceRequest {

    @AggregateIdentifier
    private AssistanceRequestId requestId;
    private StateCode requester;
    private Party addressee;
    private LocalDate requestedOn;
    private RequestStatus status;
    private LocalDate closedOn;
    private final Map<OfferId, Offer> offers = new LinkedHashMap<>();

    protected AssistanceRequest() {
    }

    @CommandHandler
    public AssistanceRequest(RequestAssistance command, Clock clock, NormCatalog catalog, PartyDirectory parties) {
        FactRules rules = FactRules.asOf(LocalDate.now(clock))
                .present("requester", command.requester())
                .present("instrument", command.instrument())
                .present("norm", command.norm())
                .present("area", command.area())
                .present("description", command.description())
                .present("requestedOn", command.requestedOn())
                .notInFuture("requestedOn", command.requestedOn())
                .require(command.addressee() == null || command.requester() == null
                        || !command.addressee().isState(command.requester()), "addressee",
                        "must not be the requesting state itself");
        parties.requireKnown(rules, "addressee", command.addressee(), command.requestedOn(), "requestedOn");
        catalog.requireInForce(rules, command.instrument(), command.norm(), command.requestedOn(), "requestedOn")
                .orThrow();
        apply(new AssistanceRequested(command.requestId(), command.requester(), command.addressee(),
                command.instrument(), command.norm(), command.area(), command.description(),
                command.requestedOn()));
    }

    @CommandHandler
    public void handle(OfferAssistance command, Clock clock, PartyDirectory parties) {
        Party offeror = command.offeror();
        FactRules rules = FactRules.asOf(LocalDate.now(clock))
                .present("offeror", offeror)
                .present("terms", command.terms())
                .present("offeredOn", command.offeredOn())
                .notInFuture("offeredOn", command.offeredOn())
                .notBefore("offeredOn", command.offeredOn(), "requestedOn", requestedOn);
        if (offeror != null && offeror.isState(requester)) {
            rules.reject("offeror", "must not be the requesting state: a requester cannot offer to itself");
        } else if (offeror != null && addressee != null && !addressee.equals(offeror)) {
            rules.reject("offeror", "the request is addressed to " + addressee + "; only " + addressee
                    + " may offer against it");
        }
        boolean hasConditions = command.conditions() != null && !command.conditions().isBlank();
        if (command.terms() == OfferTerms.CONDITIONAL) {
            rules.require(hasConditions, "conditions", "are required for CONDITIONAL terms: write them out");
        } else if (command.terms() == OfferTerms.UNCONDITIONAL) {
            rules.require(!hasConditions, "conditions", "must be empty for UNCONDITIONAL terms");
        }
        parties.requireKnown(rules, "offeror", offeror, command.offeredOn(), "offeredOn").orThrow();
        requireOpen("offer assistance against");
        if (offers.containsKey(command.offerId())) {
            throw new TransitionForbiddenException("offer " + command.offerId() + " already exists", "EXISTS");
        }
        apply(new AssistanceOffered(requestId, requester, command.offerId(), offeror, command.terms(),
                hasConditions ? command.conditions() : null, command.offeredOn()));
    }

    @CommandHandler
    public void handle(AcceptOffer command, Clock clock) {
        Offer offer = offer(command.offerId());
        FactRules.asOf(LocalDate.now(clock))
                .present("acceptedOn", command.acceptedOn())
                .notInFuture("acceptedOn", command.acceptedOn())
                .notBefore("acceptedOn", command.acceptedOn(), "offeredOn", offer.offeredOn())
                .orThrow();
        offer.require("accept", OfferStatus.PENDING);
        apply(new OfferAccepted(requestId, requester, offer.offerId(), offer.offeror(), command.acceptedOn()));
    }

    @CommandHandler
    public void handle(DeclineOffer command, Clock clock) {
        Offer offer = offer(command.offerId());
        FactRules.asOf(LocalDate.now(clock))
                .present("declinedOn", command.declinedOn())
                .notInFuture("declinedOn", command.declinedOn())
                .notBefore("declinedOn", command.declinedOn(), "offeredOn", offer.offeredOn())
                .orThrow();
        offer.require("decline", OfferStatus.PENDING);
        apply(new OfferDeclined(requestId, requester, offer.offerId(), offer.offeror(), command.declinedOn(),
                command.reason()));
    }

    @CommandHandler
    public void handle(ReportDelivery command, Clock clock) {
        Offer offer = offer(command.offerId());
        FactRules.asOf(LocalDate.now(clock))
                .present("deliveredOn", command.deliveredOn())
                .present("description", command.description())
                .present("evidence", command.evidence())
                .notInFuture("deliveredOn", command.deliveredOn())
                .notBefore("deliveredOn", command.deliveredOn(), "acceptedOn", offer.acceptedOn())
                .orThrow();
        offer.require("deliver on", OfferStatus.ACCEPTED);
        apply(new AssistanceDelivered(requestId, requester, offer.offerId(), offer.offeror(), offer.parts() + 1,
                command.deliveredOn(), command.description(), command.evidence()));
    }

    @CommandHandler
    public void handle(CompleteOffer command, Clock clock) {
        Offer offer = offer(command.offerId());
        FactRules.asOf(LocalDate.now(clock))
                .present("completedOn", command.completedOn())
                .notInFuture("completedOn", command.completedOn())
                .notBefore("completedOn", command.completedOn(), "the last delivery", offer.lastDeliveredOn())
                .orThrow();
        offer.require("complete", OfferStatus.ACCEPTED);
        if (offer.parts() == 0) {
            throw new TransitionForbiddenException("cannot complete offer " + offer.offerId()
                    + ": nothing was delivered on it yet; report a delivery first, or withdraw it", "ACCEPTED");
        }
        apply(new OfferCompleted(requestId, requester, offer.offerId(), offer.offeror(), command.completedOn()));
    }

    @CommandHandler
    public void handle(WithdrawOffer command, Clock clock) {
        Offer offer = offer(command.offerId());
        FactRules.asOf(LocalDate.now(clock))
                .present("withdrawnOn", command.withdrawnOn())
                .present("reason", command.reason())
                .notInFuture("withdrawnOn", command.withdrawnOn())
                .notBefore("withdrawnOn", command.withdrawnOn(), "the offer's last step", offer.latestDate())
                .orThrow();
        offer.require("withdraw", OfferStatus.PENDING, OfferStatus.ACCEPTED);
        apply(new OfferWithdrawn(requestId, requester, offer.offerId(), offer.offeror(), command.withdrawnOn(),
                command.reason()));
    }

    @CommandHandler
    public void handle(CloseRequest command, Clock clock) {
        LocalDate lastStep = offers.values().stream().map(Offer::latestDate)
                .reduce(requestedOn, (a, b) -> a.isAfter(b) ? a : b);
        FactRules.asOf(LocalDate.now(clock))
                .present("outcome", command.outcome())
                .present("closedOn", command.closedOn())
                .notInFuture("closedOn", command.closedOn())
                .notBefore("closedOn", command.closedOn(), "the request's last step", lastStep)
                .orThrow();
        requireOpen("close");
        offers.values().stream().filter(o -> !o.status().isSettled()).findFirst().ifPresent(o -> {
            throw new TransitionForbiddenException("cannot close request " + requestId + ": offer " + o.offerId()
                    + " is still " + o.status().name().toLowerCase() + "; every offer must be declined, completed "
                    + "or withdrawn first", status.name());
        });
        apply(new AssistanceRequestClosed(requestId, requester, command.outcome(), command.closedOn(),
                command.note()));
    }

    private Offer offer(OfferId offerId) {
        Offer offer = offerId == null ? null : offers.get(offerId);
        if (offer == null) {
            throw new AggregateNotFoundException(String.valueOf(offerId),
                    "request " + requestId + " has no offer " + offerId);
        }
        return offer;
    }

    private void requireOpen(String action) {
        if (status.isClosed()) {
            throw new TransitionForbiddenException("cannot " + action + " request " + requestId + ": it was closed "
                    + "as " + status.name().toLowerCase() + " on " + closedOn, status.name());
        }
    }

    @EventSourcingHandler
    void on(AssistanceRequested event) {
        requestId = event.requestId();
        requester = event.requester();
        addressee = event.addressee();
        requestedOn = event.requestedOn();
        status = RequestStatus.OPEN;
    }

    @EventSourcingHandler
    void on(AssistanceOffered event) {
        offers.put(event.offerId(), new Offer(event.offerId(), event.offeror(), event.offeredOn()));
    }

    @EventSourcingHandler
    void on(OfferAccepted event) {
        offers.get(event.offerId()).accepted(event.acceptedOn());
    }

    @EventSourcingHandler
    void on(OfferDeclined event) {
        offers.get(event.offerId()).settled(OfferStatus.DECLINED, event.declinedOn());
    }

    @EventSourcingHandler
    void on(AssistanceDelivered event) {
        offers.get(event.offerId()).delivered(event.deliveredOn());
    }

    @EventSourcingHandler
    void on(OfferCompleted event) {
        offers.get(event.offerId()).settled(OfferStatus.COMPLETED, event.completedOn());
    }

    @EventSourcingHandler
    void on(OfferWithdrawn event) {
        offers.get(event.offerId()).settled(OfferStatus.WITHDRAWN, event.withdrawnOn());
    }

    @EventSourcingHandler
    void on(AssistanceRequestClosed event) {
        status = RequestStatus.closedAs(event.outcome());
        closedOn = event.closedOn();
    }
}
