package org.cybernorms.compliance.assistance.view;

import org.cybernorms.compliance.assistance.api.AssistanceArea;
import org.cybernorms.compliance.assistance.api.AssistanceEvents;
import org.cybernorms.compliance.assistance.api.AssistanceRequestId;
import org.cybernorms.compliance.assistance.api.ClosureOutcome;
import org.cybernorms.compliance.assistance.api.OfferId;
import org.cybernorms.compliance.assistance.api.OfferStatus;
import org.cybernorms.compliance.assistance.api.OfferTerms;
import org.cybernorms.compliance.assistance.api.Party;
import org.cybernorms.compliance.assistance.api.RequestStatus;
import org.cybernorms.compliance.history.HistoryEntry;
import org.cybernorms.compliance.history.RecordedEvent;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A request folded from its own events: its offers, deliveries, waits and history. */
class AssistanceRequestViewTest {

    private static final AssistanceRequestId REQUEST = AssistanceRequestId.of("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    private static final OfferId GHANA_OFFER = OfferId.of("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
    private static final OfferId ITU_OFFER = OfferId.of("b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e");
    private static final StateCode KEN = StateCode.of("KEN");
    private static final Party GHA = Party.of("GHA");
    private static final Party ITU = Party.of("org:itu");

    private static List<RecordedEvent> recorded(Object... payloads) {
        List<RecordedEvent> events = new ArrayList<>();
        for (int i = 0; i < payloads.length; i++) {
            events.add(new RecordedEvent("e" + i, Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i), payloads[i]));
        }
        return events;
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void foldsTheWholeLifecycleOfARequest() {
        AssistanceRequestView view = AssistanceRequestView.of(recorded(
                new AssistanceEvents.AssistanceRequested(REQUEST, KEN, null, InstrumentId.UN_GGE_2015,
                        NormCode.of("13h"), AssistanceArea.INCIDENT_RESPONSE_TEAMS, "A national CERT", d("2023-01-10")),
                new AssistanceEvents.AssistanceOffered(REQUEST, KEN, GHANA_OFFER, GHA, OfferTerms.CONDITIONAL,
                        "Training in Accra", d("2023-02-09")),
                new AssistanceEvents.AssistanceOffered(REQUEST, KEN, ITU_OFFER, ITU, OfferTerms.UNCONDITIONAL, null,
                        d("2023-01-25")),
                new AssistanceEvents.OfferDeclined(REQUEST, KEN, ITU_OFFER, ITU, d("2023-02-01"), "Not needed"),
                new AssistanceEvents.OfferAccepted(REQUEST, KEN, GHANA_OFFER, GHA, d("2023-02-20")),
                new AssistanceEvents.AssistanceDelivered(REQUEST, KEN, GHANA_OFFER, GHA, 1, d("2023-04-10"), "week 2",
                        "report 2"),
                new AssistanceEvents.AssistanceDelivered(REQUEST, KEN, GHANA_OFFER, GHA, 2, d("2023-03-11"), "week 1",
                        "report 1"),
                new AssistanceEvents.OfferCompleted(REQUEST, KEN, GHANA_OFFER, GHA, d("2023-04-15")),
                new AssistanceEvents.AssistanceRequestClosed(REQUEST, KEN, ClosureOutcome.FULFILLED, d("2023-04-20"),
                        "CERT operational")));

        assertThat(view.status).isEqualTo(RequestStatus.FULFILLED);
        assertThat(view.closedOn).isEqualTo(d("2023-04-20"));
        assertThat(view.closureNote).isEqualTo("CERT operational");
        assertThat(view.addressee).isNull();
        assertThat(view.firstOfferOn).isEqualTo(d("2023-01-25"));
        assertThat(view.daysToFirstOffer).isEqualTo(15L);
        assertThat(view.firstDeliveryOn).isEqualTo(d("2023-03-11"));
        assertThat(view.daysToFirstDelivery).isEqualTo(60L);
        assertThat(view.offers).extracting(o -> o.offerId).containsExactly(GHANA_OFFER, ITU_OFFER);
        AssistanceRequestView.OfferView ghana = view.offer(GHANA_OFFER).orElseThrow();
        assertThat(ghana.status).isEqualTo(OfferStatus.COMPLETED);
        assertThat(ghana.conditions).isEqualTo("Training in Accra");
        assertThat(ghana.acceptedOn).isEqualTo(d("2023-02-20"));
        assertThat(ghana.completedOn).isEqualTo(d("2023-04-15"));
        assertThat(ghana.deliveries).extracting(AssistanceRequestView.DeliveryPart::part).containsExactly(1, 2);
        AssistanceRequestView.OfferView itu = view.offer(ITU_OFFER).orElseThrow();
        assertThat(itu.status).isEqualTo(OfferStatus.DECLINED);
        assertThat(itu.declinationReason).isEqualTo("Not needed");
        assertThat(view.history).extracting(HistoryEntry::type).containsExactly("AssistanceRequested",
                "AssistanceOffered", "AssistanceOffered", "OfferDeclined", "OfferAccepted", "AssistanceDelivered",
                "AssistanceDelivered", "OfferCompleted", "AssistanceRequestClosed");
        assertThat(view.history.get(1).validOn()).isEqualTo(d("2023-02-09"));
    }

    @Test
    void aRequestWithoutOffersHasNoWaitsYet() {
        AssistanceRequestView view = AssistanceRequestView.of(recorded(
                new AssistanceEvents.AssistanceRequested(REQUEST, KEN, GHA, InstrumentId.UN_GGE_2015,
                        NormCode.of("13h"), AssistanceArea.OTHER, "text", d("2023-01-10"))));

        assertThat(view.status).isEqualTo(RequestStatus.OPEN);
        assertThat(view.addressee).isEqualTo(GHA);
        assertThat(view.daysToFirstOffer).isNull();
        assertThat(view.daysToFirstDelivery).isNull();
        assertThat(view.offers).isEmpty();
    }

    @Test
    void eventsOfAnotherKindOfRecordGiveNoRequest() {
        assertThat(AssistanceRequestView.of(recorded("not an assistance event"))).isNull();
        assertThat(AssistanceRequestView.of(List.of())).isNull();
    }
}
