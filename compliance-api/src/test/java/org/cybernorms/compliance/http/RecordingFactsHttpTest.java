package org.cybernorms.compliance.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.cybernorms.compliance.support.Api.Response;
import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of fact of the write API, recorded over HTTP against the real embedded store. */
class RecordingFactsHttpTest extends EmbeddedStoreTest {

    @Test
    void seedsTheElevenNormsOfTheUnGge2015Report() {
        Response response = api.get("/api/instruments/un-gge-2015");

        assertThat(response.status()).isEqualTo(200);
        JsonNode norms = response.json().get("norms");
        assertThat(norms).hasSize(11);
        assertThat(norms.get(0).get("norm").asText()).isEqualTo("13a");
        assertThat(norms.get(10).get("norm").asText()).isEqualTo("13k");
        assertThat(norms.get(5).get("title").asText()).isEqualTo("No damage to critical infrastructure");
        assertThat(norms.get(5).get("effectiveOn").asText()).isEqualTo("2015-07-22");
        assertThat(api.get("/api/instruments").json().findValuesAsText("instrumentId")).contains("un-gge-2015");
    }

    @Test
    void recordsAPledgeAndItsWithdrawal() {
        long before = storedEvents();
        Response pledged = api.post("/api/states/deu/pledges",
                "{\"instrument\":\"un-gge-2015\",\"norm\":\"13F\",\"pledgedOn\":\"2023-03-01\",\"statement\":\"We pledge.\"}");
        assertThat(pledged.status()).isEqualTo(201);
        String pledgeId = pledged.json().get("pledgeId").asText();

        Response withdrawn = api.post("/api/states/DEU/pledges/" + pledgeId + "/withdrawal",
                "{\"withdrawnOn\":\"2024-03-01\"}");

        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().get("state").asText()).isEqualTo("DEU");
        assertThat(storedEvents()).isEqualTo(before + 2);
        assertThat(api.post("/api/states/DEU/pledges/" + pledgeId + "/withdrawal",
                "{\"withdrawnOn\":\"2024-03-02\"}").status()).isEqualTo(409);
    }

    @Test
    void recordsSignatureRatificationAndWithdrawalFromAnInstrument() {
        assertThat(participation("ITA", "SIGNED", "2016-01-01").status()).isEqualTo(200);
        Response ratified = participation("ita", "RATIFIED", "2017-01-01");
        assertThat(ratified.status()).isEqualTo(200);
        assertThat(ratified.json().get("state").asText()).isEqualTo("ITA");
        assertThat(participation("ITA", "WITHDREW", "2020-01-01").status()).isEqualTo(200);
        assertThat(participation("ITA", "ACCEDED", "2021-01-01").status()).isEqualTo(200);
        assertThat(participation("ITA", "RATIFIED", "2022-01-01").status()).isEqualTo(409);
    }

    @Test
    void recordsAReservationAndItsWithdrawal() {
        Response entered = api.post("/api/states/ESP/reservations",
                "{\"instrument\":\"un-gge-2015\",\"norm\":\"13e\",\"enteredOn\":\"2016-02-01\",\"text\":\"Reserved.\"}");
        assertThat(entered.status()).isEqualTo(201);

        Response withdrawn = api.post("/api/states/ESP/reservations/13e/withdrawal",
                "{\"instrument\":\"un-gge-2015\",\"withdrawnOn\":\"2018-02-01\"}");

        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(api.post("/api/states/ESP/reservations/13e/withdrawal",
                "{\"instrument\":\"un-gge-2015\",\"withdrawnOn\":\"2018-02-02\"}").status()).isEqualTo(409);
    }

    @Test
    void recordsACommitmentThroughProgressToFulfilment() {
        Response made = api.post("/api/commitments", """
                {"state":"nld","instrument":"un-gge-2015","norm":"13g","description":"Adopt a CI strategy",
                 "madeOn":"2023-01-15","dueOn":"2024-06-01"}""");
        assertThat(made.status()).isEqualTo(201);
        String id = made.json().get("commitmentId").asText();
        assertThat(made.header("Location")).isEqualTo("/api/commitments/" + id);

        assertThat(api.post("/api/commitments/" + id + "/progress",
                "{\"reportedOn\":\"2023-09-01\",\"note\":\"Draft published\"}").status()).isEqualTo(200);
        Response fulfilled = api.post("/api/commitments/" + id + "/fulfilment",
                "{\"fulfilledOn\":\"2024-05-20\",\"evidence\":\"Decree 2024-17\"}");
        assertThat(fulfilled.status()).isEqualTo(200);

        JsonNode view = api.get("/api/commitments/" + id).json();
        assertThat(view.get("state").asText()).isEqualTo("NLD");
        assertThat(view.get("status").asText()).isEqualTo("FULFILLED");
        assertThat(view.get("progress").get(0).get("note").asText()).isEqualTo("Draft published");
        assertThat(view.get("history").findValuesAsText("type"))
                .containsExactly("CommitmentMade", "CommitmentProgressReported", "CommitmentFulfilled");
        assertThat(view.get("history").findValuesAsText("validOn"))
                .containsExactly("2023-01-15", "2023-09-01", "2024-05-20");
        assertThat(view.get("history").get(0).get("recordedAt").asText()).isNotBlank();
    }

    @Test
    void recordsTheWithdrawalOfACommitment() {
        String id = api.create("/api/commitments", """
                {"state":"BEL","instrument":"un-gge-2015","norm":"13d","description":"Join a cooperation network",
                 "madeOn":"2022-01-15","dueOn":"2023-06-01"}""", "commitmentId");

        Response withdrawn = api.post("/api/commitments/" + id + "/withdrawal",
                "{\"withdrawnOn\":\"2022-06-01\",\"reason\":\"Superseded\"}");

        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.json().get("withdrawalReason").asText()).isEqualTo("Superseded");
        assertThat(api.post("/api/commitments/" + id + "/fulfilment",
                "{\"fulfilledOn\":\"2022-07-01\",\"evidence\":\"x\"}").status()).isEqualTo(409);
    }

    @Test
    void recordsAViolationReportThroughReviewConfirmationResponseAndRemedy() {
        Response reported = api.post("/api/violations", """
                {"state":"rus","instrument":"un-gge-2015","norm":"13f","occurredOn":"2022-02-24",
                 "reportedOn":"2022-03-01","severity":"HIGH","summary":"Wiper attack on satellite modems",
                 "evidence":["https://example.org/advisory/1"],"reportingBody":"A monitoring body"}""");
        assertThat(reported.status()).isEqualTo(201);
        String id = reported.json().get("violationId").asText();
        assertThat(reported.header("Location")).isEqualTo("/api/violations/" + id);

        assertThat(api.post("/api/violations/" + id + "/review", "{\"startedOn\":\"2022-03-10\"}").status())
                .isEqualTo(200);
        assertThat(api.post("/api/violations/" + id + "/response",
                "{\"respondedOn\":\"2022-03-15\",\"text\":\"We deny it.\"}").status()).isEqualTo(200);
        assertThat(api.post("/api/violations/" + id + "/confirmation",
                "{\"confirmedOn\":\"2022-05-10\",\"finding\":\"Attributed\"}").status()).isEqualTo(200);
        assertThat(api.post("/api/violations/" + id + "/remedy",
                "{\"remediedOn\":\"2023-01-10\",\"note\":\"Restored\"}").status()).isEqualTo(200);

        JsonNode view = api.get("/api/violations/" + id).json();
        assertThat(view.get("state").asText()).isEqualTo("RUS");
        assertThat(view.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(view.get("remediedOn").asText()).isEqualTo("2023-01-10");
        assertThat(view.get("responses").get(0).get("text").asText()).isEqualTo("We deny it.");
        assertThat(view.get("evidence").get(0).asText()).isEqualTo("https://example.org/advisory/1");
        assertThat(view.get("history").findValuesAsText("type")).containsExactly("ViolationReported",
                "ViolationReviewStarted", "StateResponded", "ViolationConfirmed", "ViolationRemedied");
    }

    @Test
    void recordsTheDismissalOfAViolationReport() {
        String id = api.create("/api/violations", """
                {"state":"CHN","instrument":"un-gge-2015","norm":"13c","occurredOn":"2021-01-01",
                 "reportedOn":"2021-02-01","severity":"LOW","summary":"Scanning from national networks"}""", "violationId");
        api.post("/api/violations/" + id + "/review", "{\"startedOn\":\"2021-03-01\"}");

        Response dismissed = api.post("/api/violations/" + id + "/dismissal",
                "{\"dismissedOn\":\"2021-04-01\",\"reason\":\"No evidence\"}");

        assertThat(dismissed.status()).isEqualTo(200);
        assertThat(dismissed.json().get("status").asText()).isEqualTo("DISMISSED");
        assertThat(api.post("/api/violations/" + id + "/confirmation",
                "{\"confirmedOn\":\"2021-04-02\",\"finding\":\"x\"}").status()).isEqualTo(409);
    }

    @Test
    void createsASecondInstrumentAndAmendsIt() {
        Response created = api.post("/api/instruments", """
                {"instrumentId":"draft-lbi-http","title":"Draft legally binding instrument","adoptedOn":"2024-01-01",
                 "norms":[{"norm":"1","title":"No attacks on hospitals","summary":"..."},
                          {"norm":"2","title":"Protect elections","summary":"..."}]}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/instruments/draft-lbi-http");

        assertThat(api.post("/api/instruments/draft-lbi-http/norms",
                "{\"norm\":\"3\",\"title\":\"Supply chains\",\"effectiveOn\":\"2024-06-01\"}").status())
                .isEqualTo(201);
        assertThat(api.post("/api/instruments/draft-lbi-http/norms/2/revisions",
                "{\"title\":\"Protect electoral infrastructure\",\"revisedOn\":\"2024-07-01\"}").status())
                .isEqualTo(200);
        assertThat(api.post("/api/instruments/draft-lbi-http/norms/1/retirement",
                "{\"retiredOn\":\"2025-01-01\"}").status()).isEqualTo(200);

        JsonNode today = api.get("/api/instruments/draft-lbi-http").json();
        assertThat(today.get("norms").findValuesAsText("norm")).containsExactly("2", "3");
        assertThat(today.get("norms").get(0).get("title").asText()).isEqualTo("Protect electoral infrastructure");
        assertThat(today.get("norms").get(0).get("revisions")).hasSize(2);
        JsonNode earlier = api.get("/api/instruments/draft-lbi-http?asOf=2024-03-01").json();
        assertThat(earlier.get("norms").findValuesAsText("norm")).containsExactly("1", "2");
        assertThat(earlier.get("norms").get(1).get("title").asText()).isEqualTo("Protect elections");
        assertThat(api.get("/api/instruments").json().findValuesAsText("instrumentId")).contains("draft-lbi-http");

        Response pledgeOnRetired = api.post("/api/states/FRA/pledges",
                "{\"instrument\":\"draft-lbi-http\",\"norm\":\"1\",\"pledgedOn\":\"2025-02-01\",\"statement\":\"x\"}");
        assertThat(pledgeOnRetired.status()).isEqualTo(400);
        assertThat(pledgeOnRetired.json().get("errors").get(0).get("field").asText()).isEqualTo("norm");
    }

    private Response participation(String state, String action, String date) {
        return api.post("/api/states/" + state + "/participation",
                "{\"instrument\":\"un-gge-2015\",\"action\":\"" + action + "\",\"date\":\"" + date + "\"}");
    }
}
