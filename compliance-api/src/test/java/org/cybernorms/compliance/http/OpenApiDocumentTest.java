package org.cybernorms.compliance.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The API describes itself: an OpenAPI 3 document generated from the code, served with Swagger UI. */
class OpenApiDocumentTest extends EmbeddedStoreTest {

    @Test
    void describesEveryEndpointOfTheWriteAndReadApi() {
        JsonNode doc = api.get("/v3/api-docs").json();

        assertThat(doc.get("openapi").asText()).startsWith("3.");
        List<String> paths = iterate(doc.get("paths"));
        assertThat(paths).contains(
                "/api/states/{state}/pledges", "/api/states/{state}/pledges/{pledgeId}/withdrawal",
                "/api/states/{state}/participation", "/api/states/{state}/reservations",
                "/api/states/{state}/reservations/{norm}/withdrawal",
                "/api/commitments", "/api/commitments/{id}", "/api/commitments/{id}/progress",
                "/api/commitments/{id}/fulfilment", "/api/commitments/{id}/withdrawal",
                "/api/violations", "/api/violations/{id}", "/api/violations/{id}/review",
                "/api/violations/{id}/confirmation", "/api/violations/{id}/dismissal",
                "/api/violations/{id}/response", "/api/violations/{id}/remedy",
                "/api/instruments", "/api/instruments/{id}");
    }

    @Test
    void describesTheHistoriansEndpoints() {
        JsonNode paths = api.get("/v3/api-docs").json().get("paths");

        assertThat(iterate(paths)).contains("/api/events", "/api/events/export", "/api/events/verify",
                "/api/admin/events/import", "/api/states/{state}/scorecard/changes");
        assertThat(iterate(paths.get("/api/events").get("get").get("responses").get("200").get("content")))
                .containsExactly("application/x-ndjson");
        assertThat(iterate(paths.get("/api/admin/events/import").get("post").get("responses")))
                .contains("200", "409", "422");
    }

    @Test
    void documentsFieldsWithExamplesAndTheProblemTypes() {
        JsonNode doc = api.get("/v3/api-docs").json();
        JsonNode schemas = doc.get("components").get("schemas");

        JsonNode make = schemas.get("MakeRequest");
        assertThat(iterate(make.get("properties")))
                .containsExactlyInAnyOrder("state", "instrument", "norm", "description", "madeOn", "dueOn");
        assertThat(make.get("properties").get("dueOn").get("example").asText()).isEqualTo("2024-06-01");
        assertThat(schemas.has("Problem")).isTrue();
        assertThat(doc.toString()).contains("/problems/invalid-input", "/problems/transition-forbidden",
                "/problems/not-found", "application/problem+json");
        JsonNode fulfilment = doc.get("paths").get("/api/commitments/{id}/fulfilment").get("post");
        assertThat(iterate(fulfilment.get("responses"))).contains("200", "400", "404", "409");
    }

    @Test
    void describesTheBoundedScorecardAndThePagesOfABasis() {
        JsonNode doc = api.get("/v3/api-docs").json();
        JsonNode schemas = doc.get("components").get("schemas");

        JsonNode basis = doc.get("paths").get("/api/states/{state}/scorecard/basis").get("get");
        List<String> parameters = new java.util.ArrayList<>();
        basis.get("parameters").forEach(p -> parameters.add(p.get("name").asText()));
        assertThat(parameters).containsExactlyInAnyOrder("state", "norm", "instrument", "asOf", "knownAt", "offset",
                "limit");
        assertThat(iterate(basis.get("responses"))).contains("200", "400", "404");
        assertThat(iterate(schemas.get("BasisPage").get("properties"))).containsExactly("state", "instrument",
                "methodology", "asOf", "knownAt", "norm", "total", "offset", "limit", "basis");
        assertThat(iterate(schemas.get("NormLine").get("properties"))).contains("basis", "basisTotal");
        assertThat(schemas.get("NormLine").get("properties").get("basis").get("description").asText())
                .contains("latest (at most 20)", "/api/states/{state}/scorecard/basis");
        assertThat(iterate(schemas.get("AssistanceSection").get("properties"))).contains("waits", "waitsTotal");
    }

    @Test
    void servesSwaggerUi() {
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    private static List<String> iterate(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
