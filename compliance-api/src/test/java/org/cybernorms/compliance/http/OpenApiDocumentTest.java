package org.cybernorms.compliance.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.cybernorms.compliance.assistance.api.AssistanceArea;
import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The API describes itself: an OpenAPI 3 document generated from the code, served with Swagger UI. */
class OpenApiDocumentTest extends EmbeddedStoreTest {

    /**
     * The official JSON Schema of OpenAPI 3.1 documents (src/test/resources/openapi/README.md), read by networknt's
     * JSON Schema validator (draft 2020-12, formats asserted). It checks every object of the document, unknown fields
     * included ({@code unevaluatedProperties: false}), but requires only a licence's {@code name}: strict clients
     * also want its {@code identifier} or {@code url}, which {@link #theLicenceCarriesItsSpdxIdentifier} asserts.
     */
    private static final Schema OPENAPI_3_1 = officialSchema();

    @Test
    void theServedDocumentIsValidAgainstTheOfficialOpenApi31Schema() {
        JsonNode doc = api.get("/v3/api-docs").json();

        assertThat(doc.get("openapi").asText()).startsWith("3.1.");
        assertThat(messages(OPENAPI_3_1.validate(doc))).isEmpty();
    }

    @Test
    void theLicenceCarriesItsSpdxIdentifier() {
        JsonNode license = api.get("/v3/api-docs").json().get("info").get("license");

        assertThat(license.get("identifier").asText()).isEqualTo("Apache-2.0");
        assertThat(license.get("name").asText()).isNotBlank();
        assertThat(license.has("url")).as("an identifier excludes a url (OAS 3.1)").isFalse();
    }

    @Test
    void theValidatorRefusesABrokenLicence() {
        ObjectNode doc = (ObjectNode) api.get("/v3/api-docs").json();
        ObjectNode license = (ObjectNode) doc.get("info").get("license");

        license.remove("name");
        assertThat(messages(OPENAPI_3_1.validate(doc))).anySatisfy(m -> assertThat(m).contains("name"));
        license.put("name", "Apache License 2.0").put("url", "https://www.apache.org/licenses/LICENSE-2.0");
        assertThat(messages(OPENAPI_3_1.validate(doc))).as("identifier and url together").isNotEmpty();
        license.remove("url");
        license.put("spdx", "Apache-2.0");
        assertThat(messages(OPENAPI_3_1.validate(doc))).anySatisfy(m -> assertThat(m).contains("spdx"));
    }

    @Test
    void listsEveryAssistanceArea() {
        JsonNode schemas = api.get("/v3/api-docs").json().get("components").get("schemas");
        List<String> areas = Arrays.stream(AssistanceArea.values()).map(Enum::name).toList();

        List<JsonNode> listed = new ArrayList<>();
        schemas.forEach(schema -> {
            JsonNode area = schema.path("properties").path("area");
            if (area.has("enum")) {
                listed.add(area.get("enum"));
            }
        });

        assertThat(listed).isNotEmpty().allSatisfy(values -> assertThat(values).extracting(JsonNode::asText)
                .containsExactlyElementsOf(areas));
        assertThat(areas).contains("TECHNOLOGY_TRANSFER");
    }

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

    private static Schema officialSchema() {
        try (InputStream schema = OpenApiDocumentTest.class.getResourceAsStream(
                "/openapi/oas-3.1-schema-2022-10-07.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, registry -> registry
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
                    .getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }

    private static List<String> iterate(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
