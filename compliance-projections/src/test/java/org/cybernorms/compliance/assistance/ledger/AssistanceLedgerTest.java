package org.cybernorms.compliance.assistance.ledger;

import org.cybernorms.compliance.assistance.api.ClosureOutcome;
import org.cybernorms.compliance.assistance.api.OfferStatus;
import org.cybernorms.compliance.assistance.api.Party;
import org.cybernorms.compliance.assistance.api.RequestStatus;
import org.cybernorms.compliance.assistance.ledger.StateAssistance.Asked;
import org.cybernorms.compliance.assistance.ledger.StateAssistance.Delivery;
import org.cybernorms.compliance.assistance.ledger.StateAssistance.Totals;
import org.cybernorms.compliance.shared.StateCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cybernorms.compliance.assistance.ledger.LedgerFacts.LONG_AFTER;
import static org.cybernorms.compliance.assistance.ledger.LedgerFacts.offerId;
import static org.cybernorms.compliance.assistance.ledger.LedgerFacts.requestId;

/**
 * Kenya's assistance, folded by hand:
 * <ul>
 *   <li>request 1, 2023-01-10, open to all. Ghana offers on 2023-02-09 (offer 1), KEN accepts on 2023-02-20, Ghana
 *       delivers parts on 2023-03-11 and 2023-04-10 and completes on 2023-04-15. The ITU offers on 2023-01-25 (offer
 *       2, recorded after Ghana's offer but dated earlier); KEN declines on 2023-02-01. Closed as fulfilled on
 *       2023-04-20. First offer after 15 days (2023-01-25), first delivery after 60 days (21 + 28 + 11).</li>
 *   <li>request 2, 2023-06-01, addressed to Ghana: no offer.</li>
 *   <li>Kenya offers to Estonia's request 3 (2023-03-01) on 2023-03-05 (offer 3), accepted on 2023-03-07, and
 *       delivers part 1 on 2023-05-01.</li>
 *   <li>Singapore's request 4 and Ghana's offer on it are about others and ignored.</li>
 * </ul>
 */
class AssistanceLedgerTest {

    private static final Party KEN = Party.of("KEN");
    private static final StateCode KEN_CODE = StateCode.of("KEN");

    private final LedgerFacts facts = new LedgerFacts()
            .requested(1, "KEN", null, "2023-01-10")
            .offered(1, "KEN", 1, "GHA", "2023-02-09")
            .offered(1, "KEN", 2, "org:itu", "2023-01-25")
            .step(1, "KEN", 2, "org:itu", OfferStatus.DECLINED, "2023-02-01")
            .step(1, "KEN", 1, "GHA", OfferStatus.ACCEPTED, "2023-02-20")
            .requested(3, "EST", null, "2023-03-01")
            .offered(3, "EST", 3, "KEN", "2023-03-05")
            .step(3, "EST", 3, "KEN", OfferStatus.ACCEPTED, "2023-03-07")
            .delivered(1, "KEN", 1, "GHA", 1, "2023-03-11")
            .delivered(1, "KEN", 1, "GHA", 2, "2023-04-10")
            .step(1, "KEN", 1, "GHA", OfferStatus.COMPLETED, "2023-04-15")
            .closed(1, "KEN", ClosureOutcome.FULFILLED, "2023-04-20")
            .delivered(3, "EST", 3, "KEN", 1, "2023-05-01")
            .requested(2, "KEN", "GHA", "2023-06-01")
            .requested(4, "SGP", null, "2023-06-01")
            .offered(4, "SGP", 4, "GHA", "2023-06-02");

    private StateAssistance at(Party party, String asOf, Instant knownAt) {
        return AssistanceLedger.of(party, facts.all(), LocalDate.parse(asOf), knownAt);
    }

    @Test
    void atTheEndOf2023KenyaAskedTwiceOfferedOnceReceivedTwoPartsAndDeliveredOne() {
        StateAssistance ken = at(KEN, "2023-12-31", LONG_AFTER);

        assertThat(ken.totals()).isEqualTo(new Totals(2, 1, 2, 1, 2, 1));
        assertThat(ken.asked()).extracting(Asked::requestId).containsExactly(requestId(1), requestId(2));
        Asked first = ken.asked().get(0);
        assertThat(first.status()).isEqualTo(RequestStatus.FULFILLED);
        assertThat(first.closedOn()).isEqualTo(LocalDate.parse("2023-04-20"));
        assertThat(first.offers()).isEqualTo(2);
        assertThat(first.acceptedOffers()).isEqualTo(1);
        assertThat(first.deliveries()).isEqualTo(2);
        assertThat(first.firstOfferOn()).isEqualTo(LocalDate.parse("2023-01-25"));
        assertThat(first.daysToFirstOffer()).isEqualTo(15L);
        assertThat(first.firstDeliveryOn()).isEqualTo(LocalDate.parse("2023-03-11"));
        assertThat(first.daysToFirstDelivery()).isEqualTo(60L);
        Asked second = ken.asked().get(1);
        assertThat(second.addressee()).isEqualTo(Party.of("GHA"));
        assertThat(second.status()).isEqualTo(RequestStatus.OPEN);
        assertThat(second.offers()).isZero();
        assertThat(second.daysToFirstOffer()).isNull();
        assertThat(second.daysToFirstDelivery()).isNull();

        assertThat(ken.offered()).singleElement().satisfies(offer -> {
            assertThat(offer.offerId()).isEqualTo(offerId(3));
            assertThat(offer.requester().value()).isEqualTo("EST");
            assertThat(offer.status()).isEqualTo(OfferStatus.ACCEPTED);
            assertThat(offer.deliveries()).isEqualTo(1);
        });
        assertThat(ken.received()).containsExactly(
                new Delivery(requestId(1), offerId(1), Party.of("GHA"), KEN_CODE, 1, LocalDate.parse("2023-03-11")),
                new Delivery(requestId(1), offerId(1), Party.of("GHA"), KEN_CODE, 2, LocalDate.parse("2023-04-10")));
        assertThat(ken.delivered()).containsExactly(new Delivery(requestId(3), offerId(3), KEN,
                StateCode.of("EST"), 1, LocalDate.parse("2023-05-01")));
    }

    @Test
    void inMidFebruary2023TheFirstRequestHadTwoOffersNoneAcceptedAndNoDelivery() {
        StateAssistance ken = at(KEN, "2023-02-15", LONG_AFTER);

        assertThat(ken.totals()).isEqualTo(new Totals(1, 1, 2, 0, 0, 0));
        Asked first = ken.asked().get(0);
        assertThat(first.status()).isEqualTo(RequestStatus.OPEN);
        assertThat(first.acceptedOffers()).isZero();
        assertThat(first.daysToFirstOffer()).isEqualTo(15L);
        assertThat(first.daysToFirstDelivery()).isNull();
        assertThat(ken.offered()).isEmpty();
    }

    @Test
    void beforeAnyOfferTheWaitForTheFirstOfferIsNull() {
        StateAssistance ken = at(KEN, "2023-01-24", LONG_AFTER);

        assertThat(ken.asked()).singleElement().satisfies(a -> {
            assertThat(a.offers()).isZero();
            assertThat(a.daysToFirstOffer()).isNull();
            assertThat(a.firstOfferOn()).isNull();
        });
    }

    @Test
    void theDayBeforeARequestNothingIsAskedAndOnItsDayItIsOpen() {
        assertThat(at(KEN, "2023-01-09", LONG_AFTER).asked()).isEmpty();
        assertThat(at(KEN, "2023-01-10", LONG_AFTER).asked()).singleElement()
                .extracting(Asked::status).isEqualTo(RequestStatus.OPEN);
    }

    @Test
    void anOfferRecordedLaterIsIgnoredByAnEarlierKnownAtSoTheWaitIsLonger() {
        LedgerFacts late = new LedgerFacts()
                .requested(1, "KEN", null, "2023-01-10")
                .offered(1, "KEN", 1, "GHA", "2023-02-09")
                .offered(1, "KEN", 2, "org:itu", "2023-01-25", Instant.parse("2024-06-01T00:00:00Z"));

        Asked known = AssistanceLedger.of(KEN, late.all(), LocalDate.parse("2023-12-31"),
                Instant.parse("2024-05-31T23:59:59Z")).asked().get(0);
        Asked later = AssistanceLedger.of(KEN, late.all(), LocalDate.parse("2023-12-31"),
                Instant.parse("2024-06-01T00:00:00Z")).asked().get(0);

        assertThat(known.offers()).isEqualTo(1);
        assertThat(known.daysToFirstOffer()).isEqualTo(30L);
        assertThat(later.offers()).isEqualTo(2);
        assertThat(later.daysToFirstOffer()).isEqualTo(15L);
    }

    @Test
    void theOfferorsOfferTakesTheStatusOfItsLastStepByAsOf() {
        Party ghana = Party.of("GHA");

        assertThat(at(ghana, "2023-02-19", LONG_AFTER).offered().get(0).status()).isEqualTo(OfferStatus.PENDING);
        assertThat(at(ghana, "2023-04-14", LONG_AFTER).offered().get(0).status()).isEqualTo(OfferStatus.ACCEPTED);
        StateAssistance completed = at(ghana, "2023-12-31", LONG_AFTER);
        assertThat(completed.offered()).extracting(StateAssistance.Offered::status)
                .containsExactly(OfferStatus.COMPLETED, OfferStatus.PENDING);
        assertThat(completed.offered().get(0).deliveries()).isEqualTo(2);
        assertThat(completed.totals()).isEqualTo(new Totals(0, 0, 0, 2, 0, 2));
        assertThat(completed.asked()).isEmpty();
    }

    @Test
    void anOrganisationOffersAndNeverAsks() {
        StateAssistance itu = at(Party.of("org:itu"), "2023-12-31", LONG_AFTER);

        assertThat(itu.asked()).isEmpty();
        assertThat(itu.offered()).singleElement().satisfies(offer -> {
            assertThat(offer.status()).isEqualTo(OfferStatus.DECLINED);
            assertThat(offer.deliveries()).isZero();
        });
        assertThat(itu.totals()).isEqualTo(new Totals(0, 0, 0, 1, 0, 0));
    }

    @Test
    void aPartyWithoutFactsHasAnEmptyLedger() {
        StateAssistance none = at(Party.of("NZL"), "2023-12-31", LONG_AFTER);

        assertThat(none.totals()).isEqualTo(new Totals(0, 0, 0, 0, 0, 0));
        assertThat(List.of(none.asked(), none.offered(), none.received(), none.delivered())).allMatch(List::isEmpty);
    }

    @Test
    void daysBetweenIsNullWhileTheLaterDateHasNotHappened() {
        assertThat(AssistanceLedger.daysBetween(LocalDate.parse("2024-02-28"), LocalDate.parse("2024-03-01")))
                .isEqualTo(2L);
        assertThat(AssistanceLedger.daysBetween(LocalDate.parse("2024-02-28"), LocalDate.parse("2024-02-28")))
                .isZero();
        assertThat(AssistanceLedger.daysBetween(LocalDate.parse("2024-02-28"), null)).isNull();
    }
}
