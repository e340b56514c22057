package org.cybernorms.compliance.assistance.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.cybernorms.compliance.assistance.api.AssistanceArea;
import org.cybernorms.compliance.assistance.api.AssistanceEvents;
import org.cybernorms.compliance.assistance.api.AssistanceRequestId;
import org.cybernorms.compliance.assistance.api.OfferId;
import org.cybernorms.compliance.assistance.api.OfferStatus;
import org.cybernorms.compliance.assistance.api.OfferTerms;
import org.cybernorms.compliance.assistance.api.Party;
import org.cybernorms.compliance.assistance.api.RequestStatus;
import org.cybernorms.compliance.assistance.ledger.AssistanceLedger;
import org.cybernorms.compliance.history.HistoryEntry;
import org.cybernorms.compliance.history.RecordedEvent;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A request for assistance as it stands, with its offers, their deliveries, how long it waited for its first offer
 * and first delivery ({@code null} while none), and the dated history of every event behind it. Folded from the
 * request's own events, so it is exact at every moment.
 */
public final class AssistanceRequestView {

    public AssistanceRequestId requestId;
    public StateCode requester;
    /** The one party asked, or {@code null} for a request open to all. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public Party addressee;
    public InstrumentId instrument;
    public NormCode norm;
    public AssistanceArea area;
    public String description;
    public LocalDate requestedOn;
    public RequestStatus status;
    public LocalDate closedOn;
    public String closureNote;
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public LocalDate firstOfferOn;
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public LocalDate firstDeliveryOn;
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public Long daysToFirstOffer;
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public Long daysToFirstDelivery;
    public final List<OfferView> offers = new ArrayList<>();
    public final List<HistoryEntry> history = new ArrayList<>();

    /** One offer against the request, as it stands. */
    public static final class OfferView {
        public OfferId offerId;
        public AssistanceRequestId requestId;
        public Party offeror;
        public OfferTerms terms;
        public String conditions;
        public LocalDate offeredOn;
        public OfferStatus status;
        public LocalDate acceptedOn;
        public LocalDate declinedOn;
        public String declinationReason;
        public LocalDate completedOn;
        public LocalDate withdrawnOn;
        public String withdrawalReason;
        public final List<DeliveryPart> deliveries = new ArrayList<>();
    }

    /** One part of a delivery. */
    public record DeliveryPart(int part, LocalDate deliveredOn, String description, String evidence) {
    }

    /** The offer with this id, if the request has it. */
    public Optional<OfferView> offer(OfferId offerId) {
        return offers.stream().filter(o -> o.offerId.equals(offerId)).findFirst();
    }

    /** Folds a request's events, oldest first; input without the request's first event gives {@code null}. */
    public static AssistanceRequestView of(List<RecordedEvent> events) {
        AssistanceRequestView view = null;
        for (RecordedEvent recorded : events) {
            if (!(recorded.payload() instanceof AssistanceEvents event)) {
                continue;
            }
            if (event instanceof AssistanceEvents.AssistanceRequested e) {
                view = new AssistanceRequestView();
                view.requestId = e.requestId();
                view.requester = e.requester();
                view.addressee = e.addressee();
                view.instrument = e.instrument();
                view.norm = e.norm();
                view.area = e.area();
                view.description = e.description();
                view.requestedOn = e.requestedOn();
                view.status = RequestStatus.OPEN;
            } else if (view == null) {
                continue;
            } else {
                view.apply(event);
            }
            view.history.add(new HistoryEntry(recorded.eventId(), event.getClass().getSimpleName(), event.validOn(),
                    recorded.recordedAt(), event));
        }
        return view;
    }

    private void apply(AssistanceEvents event) {
        if (event instanceof AssistanceEvents.AssistanceOffered e) {
            OfferView offer = new OfferView();
            offer.offerId = e.offerId();
            offer.requestId = e.requestId();
            offer.offeror = e.offeror();
            offer.terms = e.terms();
            offer.conditions = e.conditions();
            offer.offeredOn = e.offeredOn();
            offer.status = OfferStatus.PENDING;
            offers.add(offer);
            firstOfferOn = earliest(firstOfferOn, e.offeredOn());
            daysToFirstOffer = AssistanceLedger.daysBetween(requestedOn, firstOfferOn);
        } else if (event instanceof AssistanceEvents.AssistanceRequestClosed e) {
            status = RequestStatus.closedAs(e.outcome());
            closedOn = e.closedOn();
            closureNote = e.note();
        } else if (event instanceof AssistanceEvents.OfferEvents e) {
            offer(e.offerId()).ifPresent(offer -> applyToOffer(offer, e));
        }
    }

    private void applyToOffer(OfferView offer, AssistanceEvents.OfferEvents event) {
        if (event instanceof AssistanceEvents.OfferAccepted e) {
            offer.status = OfferStatus.ACCEPTED;
            offer.acceptedOn = e.acceptedOn();
        } else if (event instanceof AssistanceEvents.OfferDeclined e) {
            offer.status = OfferStatus.DECLINED;
            offer.declinedOn = e.declinedOn();
            offer.declinationReason = e.reason();
        } else if (event instanceof AssistanceEvents.AssistanceDelivered e) {
            offer.deliveries.add(new DeliveryPart(e.part(), e.deliveredOn(), e.description(), e.evidence()));
            firstDeliveryOn = earliest(firstDeliveryOn, e.deliveredOn());
            daysToFirstDelivery = AssistanceLedger.daysBetween(requestedOn, firstDeliveryOn);
        } else if (event instanceof AssistanceEvents.OfferCompleted e) {
            offer.status = OfferStatus.COMPLETED;
            offer.completedOn = e.completedOn();
        } else if (event instanceof AssistanceEvents.OfferWithdrawn e) {
            offer.status = OfferStatus.WITHDRAWN;
            offer.withdrawnOn = e.withdrawnOn();
            offer.withdrawalReason = e.reason();
        }
    }

    private static LocalDate earliest(LocalDate current, LocalDate candidate) {
        return current == null || candidate.isBefore(current) ? candidate : current;
    }
}
