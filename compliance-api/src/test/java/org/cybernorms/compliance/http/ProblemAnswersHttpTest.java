package org.cybernorms.compliance.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.cybernorms.compliance.support.Api.Response;
import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every client mistake gets an RFC 9457 problem with the right status, names each failing field, and stores no
 * event.
 */
class ProblemAnswersHttpTest extends EmbeddedStoreTest {

    private static final String TOMORROW = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown state code|{\"state\":\"XXX\",\"instrument\":\"un-gge-2015\",\"norm\":\"13g\",\"description\":\"d\",\"madeOn\":\"2023-01-01\",\"dueOn\":\"2024-01-01\"}|state",
            "no longer assigned state code|{\"state\":\"ANT\",\"instrument\":\"un-gge-2015\",\"norm\":\"13g\",\"description\":\"d\",\"madeOn\":\"2023-01-01\",\"dueOn\":\"2024-01-01\"}|state",
            "unknown norm|{\"state\":\"FRA\",\"instrument\":\"un-gge-2015\",\"norm\":\"13z\",\"description\":\"d\",\"madeOn\":\"2023-01-01\",\"dueOn\":\"2024-01-01\"}|norm",
            "norm not yet in force|{\"state\":\"FRA\",\"instrument\":\"un-gge-2015\",\"norm\":\"13g\",\"description\":\"d\",\"madeOn\":\"2014-01-01\",\"dueOn\":\"2024-01-01\"}|norm",
            "unknown instrument|{\"state\":\"FRA\",\"instrument\":\"no-such-instrument\",\"norm\":\"13g\",\"description\":\"d\",\"madeOn\":\"2023-01-01\",\"dueOn\":\"2024-01-01\"}|instrument",
            "missing field|{\"state\":\"FRA\",\"instrument\":\"un-gge-2015\",\"norm\":\"13g\",\"madeOn\":\"2023-01-01\",\"dueOn\":\"2024-01-01\"}|description",
            "blank field|{\"state\":\"FRA\",\"instrument\":\"un-gge-2015\",\"norm\":\"13g\",\"description\":\"  \",\"madeOn\":\"2023-01-01\",\"dueOn\":\"2024-01-01\"}|description",
            "malformed date|{\"state\":\"FRA\",\"instrument\":\"un-gge-2015\",\"norm\":\"13g\",\"description\":\"d\",\"madeOn\":\"01/02/2023\",\"dueOn\":\"2024-01-01\"}|madeOn",
            "dates out of order|{\"state\":\"FRA\",\"instrument\":\"un-gge-2015\",\"norm\":\"13g\",\"description\":\"d\",\"madeOn\":\"2023-01-01\",\"dueOn\":\"2022-12-31\"}|dueOn",
            "unknown field|{\"state\":\"FRA\",\"instrument\":\"un-gge-2015\",\"norm\":\"13g\",\"description\":\"d\",\"madeOn\":\"2023-01-01\",\"dueOn\":\"2024-01-01\",\"dueon\":\"2024-01-01\"}|dueon",
            "number where a string belongs|{\"state\":\"FRA\",\"instrument\":\"un-gge-2015\",\"norm\":13,\"description\":\"d\",\"madeOn\":\"2023-01-01\",\"dueOn\":\"2024-01-01\"}|norm",
    })
    void rejectsAnInvalidCommitmentWith400NamingTheField(String mistake, String body, String field) {
        long before = storedEvents();

        Response response = api.post("/api/commitments", body);

        assertThat(response.status()).as(mistake).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/invalid-input");
        assertThat(response.json().get("errors").findValuesAsText("field")).contains(field);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void rejectsAFutureDateWith400() {
        long before = storedEvents();

        Response response = api.post("/api/states/FRA/pledges",
                "{\"instrument\":\"un-gge-2015\",\"norm\":\"13f\",\"pledgedOn\":\"" + TOMORROW + "\",\"statement\":\"s\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("pledgedOn");
        assertThat(response.json().get("errors").get(0).get("message").asText()).contains("future");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void listsEveryFailingFieldAtOnce() {
        Response response = api.post("/api/commitments", """
                {"state":"FRA","instrument":"un-gge-2015","norm":"13g","description":"d",
                 "madeOn":"%s","dueOn":"2020-01-01"}""".formatted(TOMORROW));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("madeOn", "dueOn");
    }

    @Test
    void rejectsAnUnknownStateCodeInThePath() {
        Response response = api.post("/api/states/ZZZ/participation",
                "{\"instrument\":\"un-gge-2015\",\"action\":\"SIGNED\",\"date\":\"2020-01-01\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("state");
    }

    @Test
    void rejectsAnUnknownEnumValue() {
        Response response = api.post("/api/states/FRA/participation",
                "{\"instrument\":\"un-gge-2015\",\"action\":\"ANNEXED\",\"date\":\"2020-01-01\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("action");
        assertThat(response.json().get("errors").get(0).get("message").asText()).contains("SIGNED");
    }

    @Test
    void rejectsEvidenceThatIsNotAWebAddress() {
        long before = storedEvents();

        Response response = api.post("/api/violations", """
                {"state":"FRA","instrument":"un-gge-2015","norm":"13f","occurredOn":"2022-01-01",
                 "severity":"LOW","summary":"s","evidence":["https://ok.example/a","javascript:alert(1)"]}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("evidence[1]");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void rejectsConfirmationBeforeOccurrenceWith400() {
        String id = api.create("/api/violations", """
                {"state":"FRA","instrument":"un-gge-2015","norm":"13f","occurredOn":"2022-01-10",
                 "reportedOn":"2022-01-20","severity":"LOW","summary":"s"}""", "violationId");
        api.post("/api/violations/" + id + "/review", "{\"startedOn\":\"2022-01-25\"}");

        Response response = api.post("/api/violations/" + id + "/confirmation",
                "{\"confirmedOn\":\"2022-01-05\",\"finding\":\"f\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("confirmedOn");
    }

    @Test
    void answersMalformedJsonWith400() {
        long before = storedEvents();

        Response response = api.post("/api/violations", "{\"state\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/malformed-body");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void answersAnUnknownIdWith404() {
        String unknown = UUID.randomUUID().toString();

        assertThat(api.get("/api/commitments/" + unknown).status()).isEqualTo(404);
        assertThat(api.get("/api/violations/" + unknown).status()).isEqualTo(404);
        assertThat(api.get("/api/commitments/not-an-id").status()).isEqualTo(404);
        assertThat(api.get("/api/instruments/no-such-instrument").status()).isEqualTo(404);
        Response fulfilment = api.post("/api/commitments/" + unknown + "/fulfilment",
                "{\"fulfilledOn\":\"2024-01-01\",\"evidence\":\"e\"}");
        assertThat(fulfilment.status()).isEqualTo(404);
        assertThat(fulfilment.contentType()).startsWith("application/problem+json");
        assertThat(api.post("/api/violations/" + unknown + "/review", "{\"startedOn\":\"2024-01-01\"}").status())
                .isEqualTo(404);
        assertThat(api.post("/api/states/FRA/pledges/" + unknown + "/withdrawal",
                "{\"withdrawnOn\":\"2024-01-01\"}").status()).isEqualTo(404);
    }

    @Test
    void answersAnIdOfAnotherKindOfRecordWith404() {
        String violationId = api.create("/api/violations", """
                {"state":"FRA","instrument":"un-gge-2015","norm":"13f","occurredOn":"2022-01-10",
                 "reportedOn":"2022-01-20","severity":"LOW","summary":"s"}""", "violationId");

        assertThat(api.get("/api/commitments/" + violationId).status()).isEqualTo(404);
        assertThat(api.post("/api/commitments/" + violationId + "/fulfilment",
                "{\"fulfilledOn\":\"2024-01-01\",\"evidence\":\"e\"}").status()).isEqualTo(404);
    }

    @Test
    void answersAForbiddenTransitionWith409AndStoresNothing() {
        String id = api.create("/api/violations", """
                {"state":"GBR","instrument":"un-gge-2015","norm":"13f","occurredOn":"2022-01-10",
                 "reportedOn":"2022-01-20","severity":"LOW","summary":"s"}""", "violationId");
        long before = storedEvents();

        Response remedy = api.post("/api/violations/" + id + "/remedy", "{\"remediedOn\":\"2022-02-01\",\"note\":\"n\"}");

        assertThat(remedy.status()).isEqualTo(409);
        JsonNode problem = remedy.json();
        assertThat(problem.get("type").asText()).isEqualTo("/problems/transition-forbidden");
        assertThat(problem.get("currentStatus").asText()).isEqualTo("REPORTED");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void answersAWrongContentTypeWith415() {
        Response response = api.post("/api/commitments", "state=FRA", "application/x-www-form-urlencoded");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void answersAnUnsupportedMethodWith405() {
        Response response = api.get("/api/violations");

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void answersAFutureAsOfForAnInstrumentWith400() {
        assertThat(api.get("/api/instruments/un-gge-2015?asOf=" + TOMORROW).status()).isEqualTo(400);
        assertThat(api.get("/api/instruments/un-gge-2015?asOf=yesterday").status()).isEqualTo(400);
    }
}
