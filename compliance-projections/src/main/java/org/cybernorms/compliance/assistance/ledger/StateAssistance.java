package org.cybernorms.compliance.assistance.ledger;

import org.cybernorms.compliance.assistance.api.AssistanceArea;
import org.cybernorms.compliance.assistance.api.AssistanceRequestId;
import org.cybernorms.compliance.assistance.api.OfferId;
import org.cybernorms.compliance.assistance.api.OfferStatus;
import org.cybernorms.compliance.assistance.api.OfferTerms;
import org.cybernorms.compliance.assistance.api.Party;
import org.cybernorms.compliance.assistance.api.RequestStatus;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a party asked for, offered, received and delivered, as the world stood at the end of {@code asOf}, on what was
 * recorded by {@code knownAt}. Computed by {@link AssistanceLedger}.
 */
public record StateAssistance(Party party, LocalDate asOf, Instant knownAt, Totals totals, List<Asked> asked,
                              List<Offered> offered, List<Delivery> received, List<Delivery> delivered) {

    /**
     * The counts behind the lists.
     *
     * @param requests           requests the party made
     * @param openRequests       of those, requests not closed at asOf
     * @param offersReceived     offers made against the party's requests, whatever became of them
     * @param offersMade         offers the party made against others' requests
     * @param deliveriesReceived delivery parts on the party's requests
     * @param deliveriesMade     delivery parts on the party's offers
     */
    public record Totals(int requests, int openRequests, int offersReceived, int offersMade,
                         int deliveriesReceived, int deliveriesMade) {
    }

    /**
     * One request the party made, with how long it waited.
     *
     * @param daysToFirstOffer    days from requestedOn to the earliest offeredOn of any offer against it (whatever
     *                            became of that offer); {@code null} while it has none
     * @param daysToFirstDelivery days from requestedOn to the earliest deliveredOn of any part delivered on it;
     *                            {@code null} while it has none
     */
    public record Asked(AssistanceRequestId requestId, InstrumentId instrument, NormCode norm, AssistanceArea area,
                        Party addressee, LocalDate requestedOn, RequestStatus status, LocalDate closedOn,
                        int offers, int acceptedOffers, int deliveries, LocalDate firstOfferOn,
                        LocalDate firstDeliveryOn, Long daysToFirstOffer, Long daysToFirstDelivery) {
    }

    /** One offer the party made, and where it stood at asOf. */
    public record Offered(OfferId offerId, AssistanceRequestId requestId, StateCode requester, OfferTerms terms,
                          LocalDate offeredOn, OfferStatus status, int deliveries) {
    }

    /** One part of a delivery, from the offeror to the requesting state. */
    public record Delivery(AssistanceRequestId requestId, OfferId offerId, Party from, StateCode to, int part,
                           LocalDate deliveredOn) {
    }
}
