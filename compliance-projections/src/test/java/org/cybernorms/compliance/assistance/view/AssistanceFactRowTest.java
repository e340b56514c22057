package org.cybernorms.compliance.assistance.view;

import org.cybernorms.compliance.assistance.api.AssistanceArea;
import org.cybernorms.compliance.assistance.api.AssistanceEvents;
import org.cybernorms.compliance.assistance.api.AssistanceRequestId;
import org.cybernorms.compliance.assistance.api.ClosureOutcome;
import org.cybernorms.compliance.assistance.api.OfferId;
import org.cybernorms.compliance.assistance.api.OfferStatus;
import org.cybernorms.compliance.assistance.api.OfferTerms;
import org.cybernorms.compliance.assistance.api.Party;
import org.cybernorms.compliance.assistance.ledger.FactTimes;
import org.cybernorms.compliance.assistance.ledger.LedgerFact;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Every assistance event becomes one row, and the row turns back into the ledger fact it stands for. */
class AssistanceFactRowTest {

    private static final AssistanceRequestId REQUEST = AssistanceRequestId.of("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    private static final OfferId OFFER = OfferId.of("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
    private static final StateCode KEN = StateCode.of("KEN");
    private static final Party ITU = Party.of("org:itu");
    private static final Instant RECORDED = Instant.parse("2024-03-01T10:15:30.123456789Z");
    private static final LocalDate ON = LocalDate.of(2023, 5, 1);

    private static LedgerFact roundTrip(AssistanceEvents event) {
        AssistanceFactRow row = AssistanceFactRow.of(event, "event-1", RECORDED, 42);
        assertThat(row.position()).isEqualTo(42);
        assertThat(row.type()).isEqualTo(event.getClass().getSimpleName());
        assertThat(row.requestId()).isEqualTo(REQUEST.value());
        return row.toFact();
    }

    private static FactTimes times() {
        return new FactTimes("event-1", ON, RECORDED);
    }

    @Test
    void aRequestKeepsItsAddresseeNormAndArea() {
        assertThat(roundTrip(new AssistanceEvents.AssistanceRequested(REQUEST, KEN, ITU, InstrumentId.UN_GGE_2015,
                NormCode.of("13h"), AssistanceArea.LEGAL_FRAMEWORKS, "text", ON)))
                .isEqualTo(new LedgerFact.Requested(times(), REQUEST, KEN, ITU, InstrumentId.UN_GGE_2015,
                        NormCode.of("13h"), AssistanceArea.LEGAL_FRAMEWORKS));
        assertThat(roundTrip(new AssistanceEvents.AssistanceRequested(REQUEST, KEN, null, InstrumentId.UN_GGE_2015,
                NormCode.of("13h"), AssistanceArea.OTHER, "text", ON)))
                .extracting(f -> ((LedgerFact.Requested) f).addressee()).isNull();
    }

    @Test
    void anOfferKeepsItsOfferorAndTerms() {
        assertThat(roundTrip(new AssistanceEvents.AssistanceOffered(REQUEST, KEN, OFFER, ITU, OfferTerms.CONDITIONAL,
                "conditions", ON)))
                .isEqualTo(new LedgerFact.Offered(times(), REQUEST, KEN, OFFER, ITU, OfferTerms.CONDITIONAL));
    }

    @Test
    void eachStepOfAnOfferBecomesWhatTheOfferBecame() {
        assertThat(roundTrip(new AssistanceEvents.OfferAccepted(REQUEST, KEN, OFFER, ITU, ON)))
                .isEqualTo(new LedgerFact.OfferStep(times(), REQUEST, KEN, OFFER, ITU, OfferStatus.ACCEPTED));
        assertThat(roundTrip(new AssistanceEvents.OfferDeclined(REQUEST, KEN, OFFER, ITU, ON, null)))
                .isEqualTo(new LedgerFact.OfferStep(times(), REQUEST, KEN, OFFER, ITU, OfferStatus.DECLINED));
        assertThat(roundTrip(new AssistanceEvents.OfferCompleted(REQUEST, KEN, OFFER, ITU, ON)))
                .isEqualTo(new LedgerFact.OfferStep(times(), REQUEST, KEN, OFFER, ITU, OfferStatus.COMPLETED));
        assertThat(roundTrip(new AssistanceEvents.OfferWithdrawn(REQUEST, KEN, OFFER, ITU, ON, "reason")))
                .isEqualTo(new LedgerFact.OfferStep(times(), REQUEST, KEN, OFFER, ITU, OfferStatus.WITHDRAWN));
    }

    @Test
    void aDeliveryKeepsItsPartAndAClosureItsOutcome() {
        assertThat(roundTrip(new AssistanceEvents.AssistanceDelivered(REQUEST, KEN, OFFER, ITU, 3, ON, "d", "e")))
                .isEqualTo(new LedgerFact.Delivered(times(), REQUEST, KEN, OFFER, ITU, 3));
        assertThat(roundTrip(new AssistanceEvents.AssistanceRequestClosed(REQUEST, KEN, ClosureOutcome.ABANDONED,
                ON, null)))
                .isEqualTo(new LedgerFact.Closed(times(), REQUEST, KEN, ClosureOutcome.ABANDONED));
    }
}
