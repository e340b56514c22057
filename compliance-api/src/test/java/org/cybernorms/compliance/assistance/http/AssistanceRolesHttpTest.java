package org.cybernorms.compliance.assistance.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.cybernorms.compliance.support.Api;
import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A state may request and offer assistance in its own name and accept or decline offers on its own requests; for
 * another state's name it gets 403 and nothing is stored. Estonia and Singapore act with their own tokens, in 2024.
 */
class AssistanceRolesHttpTest extends EmbeddedStoreTest {

    private Api estonia;
    private Api singapore;
    private String request;

    @BeforeEach
    void estoniaRequests() {
        estonia = api.as(ESTONIA);
        singapore = api.as(SINGAPORE);
        Api.Response response = estonia.post("/api/assistance/requests",
                AssistanceClient.requestBody("EST", null, "13h", "2024-01-10"));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        request = response.json().get("requestId").asText();
    }

    private JsonNode forbidden(Api caller, String path, String body) {
        long before = storedEvents();
        Api.Response response = caller.post(path, body);
        assertThat(response.status()).as(response.text()).isEqualTo(403);
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/forbidden");
        assertThat(storedEvents()).as("nothing stored").isEqualTo(before);
        return response.json();
    }

    private String offerAsSingapore() {
        Api.Response response = singapore.post("/api/assistance/requests/" + request + "/offers",
                AssistanceClient.offerBody("SGP", "2024-01-20"));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("offerId").asText();
    }

    @Test
    void aStateRequestsInItsOwnNameAndTheRecordSaysSo() {
        List<String> metadata = jdbc.queryForList("select meta_data from domain_event_entry "
                + "where aggregate_identifier = ?", byte[].class, request)
                .stream().map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList();

        assertThat(metadata).singleElement().asString().contains("\"actorRole\":\"STATE:EST\"");
        assertThat(api.get("/api/assistance/requests/" + request).json().get("requester").asText()).isEqualTo("EST");
    }

    @Test
    void aStateCannotRequestInAnotherStatesName() {
        JsonNode problem = forbidden(estonia, "/api/assistance/requests",
                AssistanceClient.requestBody("SGP", null, "13h", "2024-01-10"));

        assertThat(problem.get("detail").asText()).contains("only in its own name");
    }

    @Test
    void aStateOffersInItsOwnNameButNotInAnotherPartysName() {
        offerAsSingapore();

        forbidden(singapore, "/api/assistance/requests/" + request + "/offers",
                AssistanceClient.offerBody("GHA", "2024-01-20"));
        new AssistanceClient(api).register("singapore-friends", "2020-01-01");
        forbidden(singapore, "/api/assistance/requests/" + request + "/offers",
                AssistanceClient.offerBody("org:singapore-friends", "2024-01-20"));
    }

    @Test
    void onlyTheRequestingStateAcceptsOrDeclinesOffersOnItsRequest() {
        String first = offerAsSingapore();
        String second = offerAsSingapore();

        forbidden(singapore, "/api/assistance/offers/" + first + "/acceptance", "{\"acceptedOn\":\"2024-01-25\"}");
        forbidden(singapore, "/api/assistance/offers/" + second + "/declination", "{\"declinedOn\":\"2024-01-25\"}");
        Api.Response accepted = estonia.post("/api/assistance/offers/" + first + "/acceptance",
                "{\"acceptedOn\":\"2024-01-25\"}");
        Api.Response declined = estonia.post("/api/assistance/offers/" + second + "/declination",
                "{\"declinedOn\":\"2024-01-25\"}");

        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        assertThat(declined.status()).as(declined.text()).isEqualTo(200);
        JsonNode offers = declined.json().get("offers");
        assertThat(offers.get(0).get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(offers.get(1).get("status").asText()).isEqualTo("DECLINED");
    }

    @Test
    void aStateRecordsNoDeliveryCompletionWithdrawalClosureOrOrganisation() {
        String offer = offerAsSingapore();
        estonia.post("/api/assistance/offers/" + offer + "/acceptance", "{\"acceptedOn\":\"2024-01-25\"}");

        forbidden(singapore, "/api/assistance/offers/" + offer + "/deliveries",
                "{\"deliveredOn\":\"2024-02-01\",\"description\":\"d\",\"evidence\":\"e\"}");
        forbidden(singapore, "/api/assistance/offers/" + offer + "/completion", "{\"completedOn\":\"2024-02-01\"}");
        forbidden(singapore, "/api/assistance/offers/" + offer + "/withdrawal",
                "{\"withdrawnOn\":\"2024-02-01\",\"reason\":\"r\"}");
        forbidden(estonia, "/api/assistance/requests/" + request + "/closure",
                "{\"outcome\":\"FULFILLED\",\"closedOn\":\"2024-02-01\"}");
        forbidden(estonia, "/api/assistance/organisations",
                "{\"organisationId\":\"estonian-org\",\"name\":\"n\",\"registeredOn\":\"2024-01-01\"}");
    }

    @Test
    void aHistorianMayNotRecordAndWithoutATokenNobodyMay() {
        forbidden(api.as(HISTORIAN), "/api/assistance/requests",
                AssistanceClient.requestBody("EST", null, "13h", "2024-01-10"));
        Api.Response anonymous = api.as(null).post("/api/assistance/requests/" + request + "/offers",
                AssistanceClient.offerBody("SGP", "2024-01-20"));

        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void readsArePublic() {
        Api anonymous = api.as(null);

        assertThat(anonymous.get("/api/states/EST/assistance").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/assistance/requests?state=EST").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/assistance/requests/" + request).status()).isEqualTo(200);
        assertThat(anonymous.get("/api/assistance/rankings").status()).isEqualTo(200);
    }
}
