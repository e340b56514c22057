package org.cybernorms.compliance.assistance.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.cybernorms.compliance.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/** Records assistance facts over real HTTP and checks that each write succeeded. */
final class AssistanceClient {

    private final Api api;

    AssistanceClient(Api api) {
        this.api = api;
    }

    void register(String organisationId, String registeredOn) {
        expect(201, api.post("/api/assistance/organisations", "{\"organisationId\":\"" + organisationId
                + "\",\"name\":\"Organisation " + organisationId + "\",\"registeredOn\":\"" + registeredOn + "\"}"));
    }

    /** A request under UN GGE 2015 norm 13h; {@code addressee} null for one open to all. Returns its id. */
    String request(String requester, String addressee, String requestedOn) {
        return request(requester, addressee, "13h", requestedOn);
    }

    String request(String requester, String addressee, String norm, String requestedOn) {
        Api.Response response = api.post("/api/assistance/requests", requestBody(requester, addressee, norm,
                requestedOn));
        expect(201, response);
        String id = response.json().get("requestId").asText();
        assertThat(response.header("Location")).isEqualTo("/api/assistance/requests/" + id);
        return id;
    }

    static String requestBody(String requester, String addressee, String norm, String requestedOn) {
        return "{\"requester\":\"" + requester + "\","
                + (addressee == null ? "" : "\"addressee\":\"" + addressee + "\",")
                + "\"instrument\":\"un-gge-2015\",\"norm\":\"" + norm + "\",\"area\":\"INCIDENT_RESPONSE_TEAMS\","
                + "\"description\":\"Help to set up a national CERT\",\"requestedOn\":\"" + requestedOn + "\"}";
    }

    /** An unconditional offer; returns its id. */
    String offer(String requestId, String offeror, String offeredOn) {
        Api.Response response = api.post("/api/assistance/requests/" + requestId + "/offers",
                offerBody(offeror, offeredOn));
        expect(201, response);
        assertThat(response.json().get("requestId").asText()).isEqualTo(requestId);
        return response.json().get("offerId").asText();
    }

    static String offerBody(String offeror, String offeredOn) {
        return "{\"offeror\":\"" + offeror + "\",\"terms\":\"UNCONDITIONAL\",\"offeredOn\":\"" + offeredOn + "\"}";
    }

    JsonNode accept(String offerId, String on) {
        return expect(200, api.post("/api/assistance/offers/" + offerId + "/acceptance",
                "{\"acceptedOn\":\"" + on + "\"}"));
    }

    JsonNode decline(String offerId, String on) {
        return expect(200, api.post("/api/assistance/offers/" + offerId + "/declination",
                "{\"declinedOn\":\"" + on + "\",\"reason\":\"Not needed\"}"));
    }

    JsonNode deliver(String offerId, String on) {
        return expect(200, api.post("/api/assistance/offers/" + offerId + "/deliveries",
                "{\"deliveredOn\":\"" + on + "\",\"description\":\"Training\",\"evidence\":\"Course report\"}"));
    }

    JsonNode complete(String offerId, String on) {
        return expect(200, api.post("/api/assistance/offers/" + offerId + "/completion",
                "{\"completedOn\":\"" + on + "\"}"));
    }

    JsonNode withdraw(String offerId, String on) {
        return expect(200, api.post("/api/assistance/offers/" + offerId + "/withdrawal",
                "{\"withdrawnOn\":\"" + on + "\",\"reason\":\"Funding cut\"}"));
    }

    JsonNode close(String requestId, String outcome, String on) {
        return expect(200, api.post("/api/assistance/requests/" + requestId + "/closure",
                "{\"outcome\":\"" + outcome + "\",\"closedOn\":\"" + on + "\"}"));
    }

    JsonNode ok(String path) {
        return expect(200, api.get(path));
    }

    private static JsonNode expect(int status, Api.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        return response.json();
    }
}
