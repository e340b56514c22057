package org.cybernorms.compliance.assistance.ledger;

import org.cybernorms.compliance.assistance.api.AssistanceRequestId;
import org.cybernorms.compliance.assistance.api.OfferId;
import org.cybernorms.compliance.assistance.api.OfferStatus;
import org.cybernorms.compliance.assistance.api.Party;
import org.cybernorms.compliance.assistance.api.RequestStatus;
import org.cybernorms.compliance.assistance.ledger.StateAssistance.Asked;
import org.cybernorms.compliance.assistance.ledger.StateAssistance.Delivery;
import org.cybernorms.compliance.assistance.ledger.StateAssistance.Offered;
import org.cybernorms.compliance.assistance.ledger.StateAssistance.Totals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds a party's assistance facts into what it asked for, offered, received and delivered at a date, and how long
 * each of its requests waited for its first offer and its first delivery. Plain logic, no framework.
 *
 * <p>A fact counts at ({@code asOf}, {@code knownAt}) when its date is on or before {@code asOf} and it was recorded
 * at or before {@code knownAt}. The facts are read in recorded order; as every step of a request or an offer is dated
 * on or after the step before it, the status a request or an offer had at {@code asOf} is that of its last step that
 * counts.
 *
 * <p>Lists are ordered by date, then id (and part): requests by requestedOn, offers by offeredOn, deliveries by
 * deliveredOn.
 */
public final class AssistanceLedger {

    private static final Comparator<Delivery> DELIVERY_ORDER = Comparator.comparing(Delivery::deliveredOn)
            .thenComparing(d -> d.offerId().value()).thenComparingInt(Delivery::part);

    private AssistanceLedger() {
    }

    /**
     * The party's ledger. {@code facts} must hold, in recorded order, every fact of the requests the party made and
     * every fact of the offers it made (more is harmless: facts about others are ignored).
     */
    public static StateAssistance of(Party party, List<? extends LedgerFact> facts, LocalDate asOf,
                                     Instant knownAt) {
        Map<AssistanceRequestId, AskedLine> asked = new LinkedHashMap<>();
        Map<OfferId, OfferLine> offered = new LinkedHashMap<>();
        List<Delivery> received = new ArrayList<>();
        List<Delivery> delivered = new ArrayList<>();
        for (LedgerFact fact : facts) {
            if (!fact.times().countsAt(asOf, knownAt)) {
                continue;
            }
            boolean mine = party.isState(fact.requester());
            AskedLine request = mine ? asked.get(fact.requestId()) : null;
            if (fact instanceof LedgerFact.Requested f && mine) {
                asked.put(f.requestId(), new AskedLine(f));
            } else if (fact instanceof LedgerFact.Offered f) {
                if (f.offeror().equals(party)) {
                    offered.put(f.offerId(), new OfferLine(f));
                }
                if (request != null) {
                    request.offers++;
                    request.firstOfferOn = earliest(request.firstOfferOn, f.times().validOn());
                }
            } else if (fact instanceof LedgerFact.OfferStep f) {
                OfferLine offer = offered.get(f.offerId());
                if (offer != null && f.offeror().equals(party)) {
                    offer.status = f.status();
                }
                if (request != null && f.status() == OfferStatus.ACCEPTED) {
                    request.acceptedOffers++;
                }
            } else if (fact instanceof LedgerFact.Delivered f) {
                Delivery delivery = new Delivery(f.requestId(), f.offerId(), f.offeror(), f.requester(), f.part(),
                        f.times().validOn());
                if (f.offeror().equals(party)) {
                    delivered.add(delivery);
                    OfferLine offer = offered.get(f.offerId());
                    if (offer != null) {
                        offer.deliveries++;
                    }
                }
                if (request != null) {
                    received.add(delivery);
                    request.deliveries++;
                    request.firstDeliveryOn = earliest(request.firstDeliveryOn, f.times().validOn());
                }
            } else if (fact instanceof LedgerFact.Closed f && request != null) {
                request.status = RequestStatus.closedAs(f.outcome());
                request.closedOn = f.times().validOn();
            }
        }
        List<Asked> askedLines = asked.values().stream().map(AskedLine::line)
                .sorted(Comparator.comparing(Asked::requestedOn).thenComparing(a -> a.requestId().value()))
                .toList();
        List<Offered> offeredLines = offered.values().stream().map(OfferLine::line)
                .sorted(Comparator.comparing(Offered::offeredOn).thenComparing(o -> o.offerId().value()))
                .toList();
        received.sort(DELIVERY_ORDER);
        delivered.sort(DELIVERY_ORDER);
        Totals totals = new Totals(askedLines.size(),
                (int) askedLines.stream().filter(a -> a.status() == RequestStatus.OPEN).count(),
                askedLines.stream().mapToInt(Asked::offers).sum(), offeredLines.size(), received.size(),
                delivered.size());
        return new StateAssistance(party, asOf, knownAt, totals, askedLines, offeredLines, List.copyOf(received),
                List.copyOf(delivered));
    }

    /** Whole days from {@code from} to {@code to}, or {@code null} if {@code to} has not happened. */
    public static Long daysBetween(LocalDate from, LocalDate to) {
        return to == null ? null : ChronoUnit.DAYS.between(from, to);
    }

    private static LocalDate earliest(LocalDate current, LocalDate candidate) {
        return current == null || candidate.isBefore(current) ? candidate : current;
    }

    /** A request of the party, as it is being folded. */
    private static final class AskedLine {
        private final LedgerFact.Requested requested;
        private RequestStatus status = RequestStatus.OPEN;
        private LocalDate closedOn;
        private int offers;
        private int acceptedOffers;
        private int deliveries;
        private LocalDate firstOfferOn;
        private LocalDate firstDeliveryOn;

        AskedLine(LedgerFact.Requested requested) {
            this.requested = requested;
        }

        Asked line() {
            LocalDate requestedOn = requested.times().validOn();
            return new Asked(requested.requestId(), requested.instrument(), requested.norm(), requested.area(),
                    requested.addressee(), requestedOn, status, closedOn, offers, acceptedOffers, deliveries,
                    firstOfferOn, firstDeliveryOn, daysBetween(requestedOn, firstOfferOn),
                    daysBetween(requestedOn, firstDeliveryOn));
        }
    }

    /** An offer of the party, as it is being folded. */
    private static final class OfferLine {
        private final LedgerFact.Offered offered;
        private OfferStatus status = OfferStatus.PENDING;
        private int deliveries;

        OfferLine(LedgerFact.Offered offered) {
            this.offered = offered;
        }

        Offered line() {
            return new Offered(offered.offerId(), offered.requestId(), offered.requester(), offered.terms(),
                    offered.times().validOn(), status, deliveries);
        }
    }
}
