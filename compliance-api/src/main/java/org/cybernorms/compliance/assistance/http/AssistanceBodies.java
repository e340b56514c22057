package org.cybernorms.compliance.assistance.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.cybernorms.compliance.assistance.api.AssistanceArea;
import org.cybernorms.compliance.assistance.api.OfferStatus;
import org.cybernorms.compliance.assistance.api.OfferTerms;
import org.cybernorms.compliance.assistance.api.RequestStatus;
import org.cybernorms.compliance.assistance.ledger.AssistanceRankings;
import org.cybernorms.compliance.assistance.ledger.RankedParty;
import org.cybernorms.compliance.assistance.ledger.StateAssistance;
import org.cybernorms.compliance.assistance.view.RequestListing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON shapes of assistance answers. Parties are plain strings ({@code "GHA"}, {@code "org:itu"}); a wait,
 * addressee or closing date that does not exist (yet) is written as {@code null}, never left out.
 */
final class AssistanceBodies {

    private AssistanceBodies() {
    }

    @Schema(description = "What a state asked for, offered, received and delivered as the world stood at the end of "
            + "asOf (UTC), on what the tracker had recorded by knownAt")
    record StateAssistanceBody(
            @Schema(example = "KEN") String state,
            @Schema(example = "2024-12-31") LocalDate asOf,
            @Schema(example = "2025-01-01T00:00:00Z") Instant knownAt,
            AssistanceTotals totals,
            @Schema(description = "Requests the state made, by requestedOn") List<AskedLine> asked,
            @Schema(description = "Offers the state made against others' requests, by offeredOn")
            List<OfferedLine> offered,
            @Schema(description = "Delivery parts on the state's requests, by deliveredOn") List<DeliveryLine> received,
            @Schema(description = "Delivery parts on the state's offers, by deliveredOn") List<DeliveryLine> delivered) {

        static StateAssistanceBody of(StateAssistance ledger) {
            return new StateAssistanceBody(ledger.party().value(), ledger.asOf(), ledger.knownAt(),
                    AssistanceTotals.of(ledger.totals()), ledger.asked().stream().map(AskedLine::of).toList(),
                    ledger.offered().stream().map(OfferedLine::of).toList(),
                    ledger.received().stream().map(DeliveryLine::of).toList(),
                    ledger.delivered().stream().map(DeliveryLine::of).toList());
        }
    }

    @Schema(description = "Counts: requests made (and of those still open), offers received against them, offers "
            + "made, delivery parts received and made")
    record AssistanceTotals(@Schema(example = "2") int requests, @Schema(example = "1") int openRequests,
                            @Schema(example = "3") int offersReceived, @Schema(example = "1") int offersMade,
                            @Schema(example = "2") int deliveriesReceived, @Schema(example = "1") int deliveriesMade) {

        static AssistanceTotals of(StateAssistance.Totals totals) {
            return new AssistanceTotals(totals.requests(), totals.openRequests(), totals.offersReceived(),
                    totals.offersMade(), totals.deliveriesReceived(), totals.deliveriesMade());
        }
    }

    record AskedLine(
            String requestId,
            @Schema(example = "un-gge-2015") String instrument,
            @Schema(example = "13h") String norm,
            @Schema(example = "INCIDENT_RESPONSE_TEAMS") AssistanceArea area,
            @Schema(example = "org:itu", nullable = true, description = "null: open to all")
            @JsonInclude(JsonInclude.Include.ALWAYS) String addressee,
            @Schema(example = "2023-01-10") LocalDate requestedOn,
            @Schema(example = "OPEN", description = "At asOf") RequestStatus status,
            @Schema(nullable = true) @JsonInclude(JsonInclude.Include.ALWAYS) LocalDate closedOn,
            @Schema(description = "Offers received by asOf, whatever became of them") int offers,
            int acceptedOffers,
            @Schema(description = "Delivery parts received by asOf") int deliveries,
            @Schema(nullable = true) @JsonInclude(JsonInclude.Include.ALWAYS) LocalDate firstOfferOn,
            @Schema(nullable = true) @JsonInclude(JsonInclude.Include.ALWAYS) LocalDate firstDeliveryOn,
            @Schema(example = "15", nullable = true, description = "Days from requestedOn to the first offer; "
                    + "null while none") @JsonInclude(JsonInclude.Include.ALWAYS) Long daysToFirstOffer,
            @Schema(example = "60", nullable = true, description = "Days from requestedOn to the first delivery "
                    + "part; null while none") @JsonInclude(JsonInclude.Include.ALWAYS) Long daysToFirstDelivery) {

        static AskedLine of(StateAssistance.Asked a) {
            return new AskedLine(a.requestId().value(), a.instrument().value(), a.norm().value(), a.area(),
                    a.addressee() == null ? null : a.addressee().value(), a.requestedOn(), a.status(), a.closedOn(),
                    a.offers(), a.acceptedOffers(), a.deliveries(), a.firstOfferOn(), a.firstDeliveryOn(),
                    a.daysToFirstOffer(), a.daysToFirstDelivery());
        }
    }

    record OfferedLine(String offerId, String requestId, @Schema(example = "EST") String requester,
                       @Schema(example = "UNCONDITIONAL") OfferTerms terms,
                       @Schema(example = "2023-03-05") LocalDate offeredOn,
                       @Schema(example = "ACCEPTED", description = "At asOf") OfferStatus status,
                       @Schema(description = "Delivery parts made on it by asOf") int deliveries) {

        static OfferedLine of(StateAssistance.Offered o) {
            return new OfferedLine(o.offerId().value(), o.requestId().value(), o.requester().value(), o.terms(),
                    o.offeredOn(), o.status(), o.deliveries());
        }
    }

    record DeliveryLine(String requestId, String offerId,
                        @Schema(example = "GHA", description = "The offeror") String from,
                        @Schema(example = "KEN", description = "The requesting state") String to,
                        @Schema(example = "1") int part,
                        @Schema(example = "2023-03-11") LocalDate deliveredOn) {

        static DeliveryLine of(StateAssistance.Delivery d) {
            return new DeliveryLine(d.requestId().value(), d.offerId().value(), d.from().value(), d.to().value(),
                    d.part(), d.deliveredOn());
        }
    }

    @Schema(description = "Donors by delivery parts made and recipients by delivery parts received, as at the end of "
            + "asOf (UTC), on what the tracker had recorded by knownAt")
    record RankingsBody(@Schema(example = "2024-12-31") LocalDate asOf,
                        @Schema(example = "2025-01-01T00:00:00Z") Instant knownAt,
                        List<RankedLine> donors, List<RankedLine> recipients) {

        static RankingsBody of(AssistanceRankings.Rankings rankings) {
            return new RankingsBody(rankings.asOf(), rankings.knownAt(),
                    rankings.donors().stream().map(RankedLine::of).toList(),
                    rankings.recipients().stream().map(RankedLine::of).toList());
        }
    }

    record RankedLine(@Schema(example = "org:itu") String party,
                      @Schema(example = "4", description = "Delivery parts made (donors) or received (recipients)")
                      int deliveries,
                      @Schema(example = "2", description = "Distinct offers those parts were delivered on") int offers,
                      @Schema(example = "1", description = "Competition ranking on deliveries: equal counts share a "
                              + "rank and the next rank skips (1, 2, 2, 4)") int rank) {

        static RankedLine of(RankedParty line) {
            return new RankedLine(line.party().value(), line.deliveries(), line.offers(), line.rank());
        }
    }

    record RequestLine(String requestId, @Schema(example = "KEN") String requester,
                       @Schema(example = "org:itu", nullable = true, description = "null: open to all")
                       @JsonInclude(JsonInclude.Include.ALWAYS) String addressee,
                       @Schema(example = "un-gge-2015") String instrument, @Schema(example = "13h") String norm,
                       AssistanceArea area, @Schema(example = "2023-01-10") LocalDate requestedOn,
                       @Schema(description = "As recorded now") RequestStatus status,
                       @Schema(nullable = true) @JsonInclude(JsonInclude.Include.ALWAYS) LocalDate closedOn) {

        static RequestLine of(RequestListing r) {
            return new RequestLine(r.requestId().value(), r.requester().value(),
                    r.addressee() == null ? null : r.addressee().value(), r.instrument().value(), r.norm().value(),
                    r.area(), r.requestedOn(), r.status(), r.closedOn());
        }
    }
}
