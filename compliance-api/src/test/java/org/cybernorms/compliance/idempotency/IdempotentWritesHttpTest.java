package org.cybernorms.compliance.idempotency;

import org.cybernorms.compliance.support.Api.Response;
import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every POST honours an Idempotency-Key: a retry returns the original answer and stores nothing new. */
class IdempotentWritesHttpTest extends EmbeddedStoreTest {

    private static final String COMMITMENT = """
            {"state":"SWE","instrument":"un-gge-2015","norm":"13g","description":"Protect the grid",
             "madeOn":"2022-01-01","dueOn":"2023-01-01"}""";

    @Autowired
    IdempotencyFilter filter;

    @Test
    void answersARetryWithTheOriginalResponseAndStoresNothingNew() {
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Response first = api.post("/api/commitments", COMMITMENT, key);
        long afterFirst = storedEvents();

        Response retry = api.post("/api/commitments", COMMITMENT, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("commitmentId").asText()).isEqualTo(first.json().get("commitmentId").asText());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(storedEvents()).isEqualTo(afterFirst);
    }

    @Test
    void replaysATransitionInsteadOfAnsweringConflict() {
        String id = api.create("/api/commitments", COMMITMENT, "commitmentId");
        Map<String, String> key = Map.of("Idempotency-Key", "fulfil-" + id);
        String body = "{\"fulfilledOn\":\"2022-06-01\",\"evidence\":\"Done\"}";

        Response first = api.post("/api/commitments/" + id + "/fulfilment", body, key);
        Response retry = api.post("/api/commitments/" + id + "/fulfilment", body, key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(api.post("/api/commitments/" + id + "/fulfilment", body).status()).isEqualTo(409);
    }

    @Test
    void refusesTheSameKeyWithADifferentBodyWith422() {
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        api.post("/api/commitments", COMMITMENT, key);
        long before = storedEvents();

        Response other = api.post("/api/commitments", COMMITMENT.replace("Protect the grid", "Something else"), key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("type").asText()).isEqualTo("/problems/idempotency-key-reused");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void scopesKeysToTheCaller() {
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        Response monitor = api.post("/api/commitments", COMMITMENT, key);
        Response admin = api.as(ADMIN).post("/api/commitments", COMMITMENT, key);

        assertThat(admin.status()).isEqualTo(201);
        assertThat(admin.json().get("commitmentId").asText()).isNotEqualTo(monitor.json().get("commitmentId").asText());
    }

    @Test
    void remembersRejectionsToo() {
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        String invalid = COMMITMENT.replace("2023-01-01", "2021-01-01");

        Response first = api.post("/api/commitments", invalid, key);
        Response retry = api.post("/api/commitments", invalid, key);

        assertThat(first.status()).isEqualTo(400);
        assertThat(retry.status()).isEqualTo(400);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void refusesAMalformedKey() {
        Response response = api.post("/api/commitments", COMMITMENT, Map.of("Idempotency-Key", "x".repeat(201)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/invalid-idempotency-key");
    }

    @Test
    void keepsKeysForTheRetentionPeriod() {
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Response first = api.post("/api/commitments", COMMITMENT, key);

        int forgotten = filter.forgetExpiredKeys();

        assertThat(forgotten).isZero();
        assertThat(api.post("/api/commitments", COMMITMENT, key).json().get("commitmentId").asText())
                .isEqualTo(first.json().get("commitmentId").asText());
    }
}
