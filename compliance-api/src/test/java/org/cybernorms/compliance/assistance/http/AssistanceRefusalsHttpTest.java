package org.cybernorms.compliance.assistance.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.cybernorms.compliance.support.Api;
import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of assistance over HTTP: every refusal is a problem answer and stores nothing. Malawi requests, Zambia
 * offers, in 2022.
 */
class AssistanceRefusalsHttpTest extends EmbeddedStoreTest {

    private AssistanceClient assistance;
    private String request;

    @BeforeEach
    void openARequest() {
        assistance = new AssistanceClient(api);
        request = assistance.request("MWI", null, "2022-03-01");
    }

    /** Sends the request and checks that it was refused with {@code status} and that nothing was stored. */
    private JsonNode refused(int status, String path, String body) {
        long before = storedEvents();
        Api.Response response = api.post(path, body);
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(storedEvents()).as("nothing stored").isEqualTo(before);
        return response.json();
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private String offers() {
        return "/api/assistance/requests/" + request + "/offers";
    }

    @Test
    void onlyKnownPartiesTakePart() {
        JsonNode unregistered = refused(400, offers(), AssistanceClient.offerBody("org:never-registered",
                "2022-03-05"));
        assertThat(fields(unregistered)).containsExactly("offeror");
        assertThat(unregistered.get("errors").get(0).get("message").asText()).contains("not a registered organisation");

        assertThat(fields(refused(400, offers(), AssistanceClient.offerBody("XXX", "2022-03-05"))))
                .containsExactly("offeror");
        assertThat(fields(refused(400, "/api/assistance/requests",
                AssistanceClient.requestBody("MWI", "un:itu", "13h", "2022-03-01")))).containsExactly("addressee");
        assertThat(fields(refused(400, "/api/assistance/requests",
                AssistanceClient.requestBody("ANT", null, "13h", "2022-03-01")))).containsExactly("requester");
    }

    @Test
    void anOrganisationTakesPartOnlyFromItsRegistration() {
        assistance.register("malawi-late-partner", "2022-06-01");

        JsonNode early = refused(400, offers(), AssistanceClient.offerBody("org:malawi-late-partner", "2022-05-31"));

        assertThat(fields(early)).containsExactly("offeror");
        assertThat(early.get("errors").get(0).get("message").asText()).contains("registered on 2022-06-01");
        assistance.offer(request, "org:malawi-late-partner", "2022-06-01");
    }

    @Test
    void aRequesterCannotOfferToItself() {
        JsonNode problem = refused(400, offers(), AssistanceClient.offerBody("MWI", "2022-03-05"));

        assertThat(fields(problem)).containsExactly("offeror");
        assertThat(problem.get("errors").get(0).get("message").asText()).contains("cannot offer to itself");
    }

    @Test
    void anAddressedRequestTakesOffersOnlyFromItsAddressee() {
        String addressed = assistance.request("MWI", "ZMB", "2022-03-01");

        JsonNode problem = refused(400, "/api/assistance/requests/" + addressed + "/offers",
                AssistanceClient.offerBody("TZA", "2022-03-05"));

        assertThat(fields(problem)).containsExactly("offeror");
        assistance.offer(addressed, "ZMB", "2022-03-05");
    }

    @Test
    void conditionalTermsAreWrittenOut() {
        JsonNode problem = refused(400, offers(),
                "{\"offeror\":\"ZMB\",\"terms\":\"CONDITIONAL\",\"offeredOn\":\"2022-03-05\"}");

        assertThat(fields(problem)).containsExactly("conditions");
    }

    @Test
    void datesKeepTheirOrderAndNoneIsInTheFuture() {
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

        assertThat(fields(refused(400, "/api/assistance/requests",
                AssistanceClient.requestBody("MWI", null, "13h", tomorrow)))).containsExactly("requestedOn");
        assertThat(fields(refused(400, offers(), AssistanceClient.offerBody("ZMB", "2022-02-28"))))
                .containsExactly("offeredOn");
        String offer = assistance.offer(request, "ZMB", "2022-03-05");
        assertThat(fields(refused(400, "/api/assistance/offers/" + offer + "/acceptance",
                "{\"acceptedOn\":\"2022-03-04\"}"))).containsExactly("acceptedOn");
        assistance.accept(offer, "2022-03-10");
        assertThat(fields(refused(400, "/api/assistance/offers/" + offer + "/deliveries",
                "{\"deliveredOn\":\"2022-03-09\",\"description\":\"d\",\"evidence\":\"e\"}")))
                .containsExactly("deliveredOn");
        assertThat(fields(refused(400, "/api/assistance/offers/" + offer + "/deliveries",
                "{\"deliveredOn\":\"" + tomorrow + "\",\"description\":\"d\",\"evidence\":\"e\"}")))
                .containsExactly("deliveredOn");
    }

    @Test
    void theNormMustBeInForceOnTheDayOfTheRequest() {
        JsonNode problem = refused(400, "/api/assistance/requests",
                AssistanceClient.requestBody("MWI", null, "13h", "2015-07-21"));

        assertThat(fields(problem)).containsExactly("norm");
        assertThat(problem.get("errors").get(0).get("message").asText()).contains("not yet in force");
    }

    @Test
    void nothingCanBeDeliveredOnAnOfferThatWasNotAccepted() {
        String offer = assistance.offer(request, "ZMB", "2022-03-05");

        JsonNode problem = refused(409, "/api/assistance/offers/" + offer + "/deliveries",
                "{\"deliveredOn\":\"2022-03-10\",\"description\":\"Training\",\"evidence\":\"Report\"}");

        assertThat(problem.get("type").asText()).isEqualTo("/problems/transition-forbidden");
        assertThat(problem.get("currentStatus").asText()).isEqualTo("PENDING");
    }

    @Test
    void nothingCanBeOfferedAgainstAClosedRequest() {
        assistance.close(request, "ABANDONED", "2022-04-01");

        JsonNode problem = refused(409, offers(), AssistanceClient.offerBody("ZMB", "2022-04-02"));

        assertThat(problem.get("currentStatus").asText()).isEqualTo("ABANDONED");
        assertThat(problem.get("detail").asText()).contains("closed as abandoned on 2022-04-01");
    }

    @Test
    void aRequestClosesOnlyOnceEveryOfferIsSettled() {
        String offer = assistance.offer(request, "ZMB", "2022-03-05");

        JsonNode problem = refused(409, "/api/assistance/requests/" + request + "/closure",
                "{\"outcome\":\"ABANDONED\",\"closedOn\":\"2022-04-01\"}");

        assertThat(problem.get("detail").asText()).contains("still pending");
        assistance.withdraw(offer, "2022-03-20");
        assertThat(assistance.close(request, "ABANDONED", "2022-04-01").get("status").asText())
                .isEqualTo("ABANDONED");
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        String unknown = UUID.randomUUID().toString();

        assertThat(api.get("/api/assistance/requests/" + unknown).status()).isEqualTo(404);
        assertThat(api.get("/api/assistance/requests/not-an-id").status()).isEqualTo(404);
        assertThat(api.get("/api/assistance/offers/" + unknown).status()).isEqualTo(404);
        assertThat(api.get("/api/assistance/organisations/never-registered").status()).isEqualTo(404);
        assertThat(refused(404, "/api/assistance/offers/" + unknown + "/acceptance",
                "{\"acceptedOn\":\"2022-03-10\"}").get("type").asText()).isEqualTo("/problems/not-found");
        refused(404, "/api/assistance/requests/" + unknown + "/offers", AssistanceClient.offerBody("ZMB",
                "2022-03-05"));
        refused(404, "/api/assistance/requests/" + unknown + "/closure",
                "{\"outcome\":\"ABANDONED\",\"closedOn\":\"2022-04-01\"}");
    }

    @Test
    void registeringAnOrganisationTwiceIsAConflict() {
        assistance.register("malawi-twice", "2021-01-01");

        JsonNode problem = refused(409, "/api/assistance/organisations",
                "{\"organisationId\":\"malawi-twice\",\"name\":\"Again\",\"registeredOn\":\"2021-01-01\"}");

        assertThat(problem.get("type").asText()).isEqualTo("/problems/already-exists");
        JsonNode organisation = assistance.ok("/api/assistance/organisations/MALAWI-TWICE");
        assertThat(organisation.get("party").asText()).isEqualTo("org:malawi-twice");
        assertThat(organisation.get("name").asText()).isEqualTo("Organisation malawi-twice");
    }

    @Test
    void unknownFieldsAndEnumsOutsideTheListAreRefused() {
        assertThat(fields(refused(400, offers(),
                "{\"offeror\":\"ZMB\",\"terms\":\"UNCONDITIONAL\",\"offeredOn\":\"2022-03-05\",\"price\":1}")))
                .containsExactly("price");
        assertThat(fields(refused(400, "/api/assistance/requests", AssistanceClient.requestBody("MWI", null, "13h",
                "2022-03-01").replace("INCIDENT_RESPONSE_TEAMS", "MONEY")))).containsExactly("area");
    }
}
