package org.cybernorms.compliance.assistance.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.cybernorms.compliance.support.Api;
import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kenya's request for help with a national CERT, through its whole life, on the real embedded store: open to all;
 * an organisation offers on 2023-01-25 (declined on 2023-02-01), Ghana offers on 2023-02-09 (accepted on 2023-02-20),
 * delivers on 2023-03-11 and 2023-04-10 and completes on 2023-04-15; closed as fulfilled on 2023-04-20. First offer
 * after 15 days, first delivery after 60. A second request, addressed to Ghana on 2023-06-01, gets no offer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssistanceLifecycleHttpTest extends EmbeddedStoreTest {

    private static final String ORG = "org:kenya-partners";

    private String request;
    private String addressed;
    private String ghanaOffer;
    private String orgOffer;

    @BeforeAll
    void recordTheLifecycle() {
        AssistanceClient assistance = new AssistanceClient(new Api(port, MONITOR));
        assistance.register("kenya-partners", "2020-01-01");
        request = assistance.request("KEN", null, "2023-01-10");
        ghanaOffer = assistance.offer(request, "GHA", "2023-02-09");
        orgOffer = assistance.offer(request, ORG, "2023-01-25");
        assistance.decline(orgOffer, "2023-02-01");
        assistance.accept(ghanaOffer, "2023-02-20");
        assistance.deliver(ghanaOffer, "2023-03-11");
        assistance.deliver(ghanaOffer, "2023-04-10");
        assistance.complete(ghanaOffer, "2023-04-15");
        JsonNode closed = assistance.close(request, "FULFILLED", "2023-04-20");
        assertThat(closed.get("status").asText()).isEqualTo("FULFILLED");
        addressed = assistance.request("ken", "gha", "2023-06-01");
    }

    private JsonNode ok(String path) {
        Api.Response response = api.get(path);
        assertThat(response.status()).as(path + ": " + response.text()).isEqualTo(200);
        return response.json();
    }

    @Test
    void theRequestShowsItsOffersDeliveriesWaitsAndDatedHistory() {
        JsonNode view = ok("/api/assistance/requests/" + request);

        assertThat(view.get("requester").asText()).isEqualTo("KEN");
        assertThat(view.get("addressee").isNull()).isTrue();
        assertThat(view.get("norm").asText()).isEqualTo("13h");
        assertThat(view.get("area").asText()).isEqualTo("INCIDENT_RESPONSE_TEAMS");
        assertThat(view.get("status").asText()).isEqualTo("FULFILLED");
        assertThat(view.get("closedOn").asText()).isEqualTo("2023-04-20");
        assertThat(view.get("daysToFirstOffer").asLong()).isEqualTo(15);
        assertThat(view.get("daysToFirstDelivery").asLong()).isEqualTo(60);
        JsonNode ghana = view.get("offers").get(0);
        assertThat(ghana.get("offerId").asText()).isEqualTo(ghanaOffer);
        assertThat(ghana.get("offeror").asText()).isEqualTo("GHA");
        assertThat(ghana.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(ghana.get("deliveries")).hasSize(2);
        assertThat(ghana.get("deliveries").get(1).get("part").asInt()).isEqualTo(2);
        JsonNode org = view.get("offers").get(1);
        assertThat(org.get("offeror").asText()).isEqualTo(ORG);
        assertThat(org.get("status").asText()).isEqualTo("DECLINED");
        List<String> types = new ArrayList<>();
        view.get("history").forEach(h -> {
            types.add(h.get("type").asText());
            assertThat(h.get("recordedAt").asText()).isNotBlank();
        });
        assertThat(types).containsExactly("AssistanceRequested", "AssistanceOffered", "AssistanceOffered",
                "OfferDeclined", "OfferAccepted", "AssistanceDelivered", "AssistanceDelivered", "OfferCompleted",
                "AssistanceRequestClosed");
        assertThat(view.get("history").get(2).get("validOn").asText()).isEqualTo("2023-01-25");
    }

    @Test
    void anOfferIsReadByItsOwnId() {
        JsonNode offer = ok("/api/assistance/offers/" + ghanaOffer);

        assertThat(offer.get("requestId").asText()).isEqualTo(request);
        assertThat(offer.get("acceptedOn").asText()).isEqualTo("2023-02-20");
        assertThat(offer.get("completedOn").asText()).isEqualTo("2023-04-15");
        assertThat(api.get("/api/assistance/offers/" + request).status()).as("a request id is no offer id")
                .isEqualTo(404);
    }

    @Test
    void listsRequestsByStateStatusAndNorm() {
        assertThat(ids(ok("/api/assistance/requests?state=KEN"))).containsExactly(request, addressed);
        assertThat(ids(ok("/api/assistance/requests?state=ken&status=OPEN"))).containsExactly(addressed);
        assertThat(ids(ok("/api/assistance/requests?state=KEN&status=FULFILLED&norm=13H"))).containsExactly(request);
        assertThat(ids(ok("/api/assistance/requests?state=KEN&norm=13a"))).isEmpty();
        assertThat(ids(ok("/api/assistance/requests"))).contains(request, addressed);
        JsonNode line = ok("/api/assistance/requests?state=KEN").get(1);
        assertThat(line.get("addressee").asText()).isEqualTo("GHA");
        assertThat(line.get("closedOn").isNull()).isTrue();
        assertThat(api.get("/api/assistance/requests?status=CLOSED").status()).isEqualTo(400);
        assertThat(api.get("/api/assistance/requests?state=XXX").json().get("errors").get(0).get("field").asText())
                .isEqualTo("state");
    }

    @Test
    void kenyasLedgerAtTheEndOf2023() {
        JsonNode ken = ok("/api/states/KEN/assistance?asOf=2023-12-31");

        assertThat(ken.get("state").asText()).isEqualTo("KEN");
        assertThat(ken.get("asOf").asText()).isEqualTo("2023-12-31");
        assertThat(ken.get("totals")).isEqualTo(totals(2, 1, 2, 0, 2, 0));
        JsonNode first = ken.get("asked").get(0);
        assertThat(first.get("requestId").asText()).isEqualTo(request);
        assertThat(first.get("status").asText()).isEqualTo("FULFILLED");
        assertThat(first.get("offers").asInt()).isEqualTo(2);
        assertThat(first.get("acceptedOffers").asInt()).isEqualTo(1);
        assertThat(first.get("daysToFirstOffer").asLong()).isEqualTo(15);
        assertThat(first.get("daysToFirstDelivery").asLong()).isEqualTo(60);
        JsonNode second = ken.get("asked").get(1);
        assertThat(second.get("addressee").asText()).isEqualTo("GHA");
        assertThat(second.get("daysToFirstOffer").isNull()).isTrue();
        assertThat(second.get("daysToFirstDelivery").isNull()).isTrue();
        assertThat(ken.get("received")).hasSize(2);
        assertThat(ken.get("received").get(0).get("from").asText()).isEqualTo("GHA");
        assertThat(ken.get("received").get(0).get("deliveredOn").asText()).isEqualTo("2023-03-11");
        assertThat(ken.get("offered")).isEmpty();
        assertThat(ken.get("delivered")).isEmpty();
    }

    @Test
    void kenyasLedgerAsItStoodAtEarlierDates() {
        JsonNode february = ok("/api/states/KEN/assistance?asOf=2023-02-15");
        assertThat(february.get("totals")).isEqualTo(totals(1, 1, 2, 0, 0, 0));
        JsonNode request = february.get("asked").get(0);
        assertThat(request.get("status").asText()).isEqualTo("OPEN");
        assertThat(request.get("acceptedOffers").asInt()).isZero();
        assertThat(request.get("daysToFirstOffer").asLong()).isEqualTo(15);
        assertThat(request.get("daysToFirstDelivery").isNull()).isTrue();

        JsonNode january = ok("/api/states/KEN/assistance?asOf=2023-01-20");
        assertThat(january.get("asked").get(0).get("offers").asInt()).isZero();
        assertThat(january.get("asked").get(0).get("daysToFirstOffer").isNull()).isTrue();

        assertThat(ok("/api/states/KEN/assistance?asOf=2023-01-09").get("asked")).isEmpty();
        assertThat(ok("/api/states/KEN/assistance?asOf=2023-12-31&knownAt=2000-01-01T00:00:00Z").get("totals"))
                .as("nothing was recorded by then").isEqualTo(totals(0, 0, 0, 0, 0, 0));
    }

    @Test
    void theOfferorsLedgersShowTheirOffersAndDeliveries() {
        JsonNode ghana = ok("/api/states/GHA/assistance?asOf=2023-12-31");
        assertThat(ghana.get("totals")).isEqualTo(totals(0, 0, 0, 1, 0, 2));
        assertThat(ghana.get("offered").get(0).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(ghana.get("offered").get(0).get("requester").asText()).isEqualTo("KEN");
        assertThat(ghana.get("delivered").get(1).get("to").asText()).isEqualTo("KEN");

        JsonNode inMarch = ok("/api/states/GHA/assistance?asOf=2023-03-31");
        assertThat(inMarch.get("offered").get(0).get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(inMarch.get("offered").get(0).get("deliveries").asInt()).isEqualTo(1);
    }

    @Test
    void theScorecardShowsAssistanceBesideTheScoreWithoutFoldingItIn() {
        JsonNode card = ok("/api/states/KEN/scorecard?asOf=2023-12-31");
        JsonNode withoutAssistance = ok("/api/states/TUV/scorecard?asOf=2023-12-31");

        List<String> fields = new ArrayList<>();
        card.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("state", "instrument", "methodology", "asOf", "knownAt", "score", "norms",
                "assistance");
        assertThat(card.get("methodology").asText()).isEqualTo("v1");
        assertThat(card.get("score")).isEqualTo(withoutAssistance.get("score"));
        assertThat(card.get("norms")).isEqualTo(withoutAssistance.get("norms"));
        JsonNode assistance = card.get("assistance");
        assertThat(assistance.get("requests").asInt()).isEqualTo(2);
        assertThat(assistance.get("openRequests").asInt()).isEqualTo(1);
        assertThat(assistance.get("offersReceived").asInt()).isEqualTo(2);
        assertThat(assistance.get("deliveriesReceived").asInt()).isEqualTo(2);
        assertThat(assistance.get("offersMade").asInt()).isZero();
        assertThat(assistance.get("deliveriesMade").asInt()).isZero();
        assertThat(assistance.get("waits").get(0).get("requestId").asText()).isEqualTo(request);
        assertThat(assistance.get("waits").get(0).get("daysToFirstOffer").asLong()).isEqualTo(15);
        assertThat(assistance.get("waits").get(0).get("daysToFirstDelivery").asLong()).isEqualTo(60);
        assertThat(assistance.get("waits").get(1).get("daysToFirstOffer").isNull()).isTrue();
        assertThat(assistance.get("waitsTotal").asInt()).as("every request is listed").isEqualTo(2);

        JsonNode february = ok("/api/states/KEN/scorecard?asOf=2023-02-15").get("assistance");
        assertThat(february.get("waits")).hasSize(1);
        assertThat(february.get("waits").get(0).get("status").asText()).isEqualTo("OPEN");
        assertThat(february.get("waits").get(0).get("daysToFirstDelivery").isNull()).isTrue();

        JsonNode empty = withoutAssistance.get("assistance");
        assertThat(empty.get("requests").asInt()).isZero();
        assertThat(empty.get("waits")).isEmpty();
    }

    @Test
    void theScorecardCsvKeepsItsColumns() {
        Api.Response csv = api.get("/api/states/KEN/scorecard?asOf=2023-12-31", Map.of("Accept", "text/csv"));

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text().lines().findFirst().orElseThrow()).isEqualTo("state,instrument,methodology,asOf,"
                + "knownAt,stateScore,norm,title,status,score,pledged,commitmentsEvaluable,fulfilledOnTime,"
                + "fulfilledLate,overdue,withdrawn,open,violationsReported,underReview,confirmed,dismissed,remedied");
    }

    @Test
    void documentsTheAssistanceEndpoints() {
        List<String> paths = new ArrayList<>();
        ok("/v3/api-docs").get("paths").fieldNames().forEachRemaining(paths::add);

        assertThat(paths).contains("/api/assistance/organisations", "/api/assistance/organisations/{id}",
                "/api/assistance/requests", "/api/assistance/requests/{id}", "/api/assistance/requests/{id}/offers",
                "/api/assistance/requests/{id}/closure", "/api/assistance/offers/{id}",
                "/api/assistance/offers/{id}/acceptance", "/api/assistance/offers/{id}/declination",
                "/api/assistance/offers/{id}/deliveries", "/api/assistance/offers/{id}/completion",
                "/api/assistance/offers/{id}/withdrawal", "/api/states/{state}/assistance",
                "/api/assistance/rankings");
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(line -> ids.add(line.get("requestId").asText()));
        return ids;
    }

    private static JsonNode totals(int requests, int open, int offersReceived, int offersMade, int received,
                                   int delivered) {
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(Map.of("requests", requests,
                "openRequests", open, "offersReceived", offersReceived, "offersMade", offersMade,
                "deliveriesReceived", received, "deliveriesMade", delivered));
    }
}
