package org.cybernorms.compliance.http;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Completes the OpenAPI document that springdoc generates from the controllers: the API's description, the RFC 9457
 * problem schema with every problem type, and the problem answers each operation can give, with examples.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiDocumentation {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Bean
    OpenAPI trackerOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Norms compliance tracker")
                .version("1")
                // the SPDX identifier (OpenAPI 3.1): strict clients want it or a url, and generators stop without
                .license(new License().name("Apache License 2.0").identifier("Apache-2.0"))
                .description("""
                        An event-sourced record of what states pledged and committed to under the norms of \
                        responsible state behaviour in cyberspace (UN GGE 2015, A/70/174 para. 13), what they \
                        delivered, and which violations were reported against them. Every fact is an immutable \
                        event with two times: the date it took effect (valid time, a field of the body) and the \
                        moment it was recorded. Dates are yyyy-MM-dd (UTC); state codes are ISO 3166-1 alpha-3 \
                        (lower case accepted, answered in upper case). Unknown fields in a body are rejected. \
                        Errors are RFC 9457 problem details (application/problem+json)."""));
    }

    @Bean
    OpenApiCustomizer problemAnswers() {
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            components.addSchemas("Problem", problemSchema());
            openApi.setComponents(components);
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                boolean addressesARecord = path.contains("{id}") || path.contains("{pledgeId}")
                        || path.contains("{norm}");
                for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
                    ApiResponses responses = entry.getValue().getResponses();
                    if (responses == null) {
                        responses = new ApiResponses();
                        entry.getValue().setResponses(responses);
                    }
                    responses.addApiResponse("400", problem("Invalid input: each failing field is listed in errors",
                            invalidInputExample()));
                    if (addressesARecord) {
                        responses.addApiResponse("404", problem("No record with this id", example(
                                Problems.NOT_FOUND, "Not found", 404, "No commitment with id '…' exists here.")));
                    }
                    if (entry.getKey() == PathItem.HttpMethod.POST) {
                        responses.addApiResponse("409", problem(
                                "The current state of the record forbids this transition, or a concurrent write "
                                        + "won (retryable)", example(Problems.TRANSITION_FORBIDDEN,
                                        "Transition forbidden", 409,
                                        "cannot fulfil commitment …: it was withdrawn on 2024-02-01")));
                        responses.addApiResponse("415", problem(
                                "The body is not of the media type the operation consumes", example(
                                Problems.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", 415,
                                "Send the body as application/json.")));
                    }
                }
            });
        };
    }

    private static ApiResponse problem(String description, Example example) {
        MediaType media = new MediaType().schema(new Schema<>().$ref(PROBLEM_REF));
        media.addExamples("problem", example);
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON, media));
    }

    private static Example invalidInputExample() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", Problems.INVALID_INPUT.toString());
        value.put("title", "Invalid input");
        value.put("status", 400);
        value.put("detail", "The request describes a fact that cannot be recorded.");
        value.put("instance", "/api/commitments");
        value.put("errors", List.of(
                Map.of("field", "madeOn", "message", "must not be in the future (today is 2026-01-01 UTC)"),
                Map.of("field", "dueOn", "message", "must not be before madeOn (2026-01-02)")));
        return new Example().value(value);
    }

    private static Example example(java.net.URI type, String title, int status, String detail) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", type.toString());
        value.put("title", title);
        value.put("status", status);
        value.put("detail", detail);
        return new Example().value(value);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Schema error = new ObjectSchema()
                .addProperty("field", new StringSchema().example("dueOn"))
                .addProperty("message", new StringSchema().example("must not be before madeOn (2024-01-01)"));
        StringSchema type = new StringSchema();
        type.setEnum(List.of(Problems.INVALID_INPUT.toString(), Problems.MALFORMED_BODY.toString(),
                Problems.NOT_FOUND.toString(), Problems.TRANSITION_FORBIDDEN.toString(),
                Problems.CONCURRENT_MODIFICATION.toString(), Problems.ALREADY_EXISTS.toString(),
                Problems.UNSUPPORTED_MEDIA_TYPE.toString(), Problems.PAYLOAD_TOO_LARGE.toString(),
                Problems.METHOD_NOT_ALLOWED.toString(),
                Problems.NOT_ACCEPTABLE.toString(), Problems.INTERNAL.toString()));
        type.setDescription("""
                /problems/invalid-input (400): a field is missing, malformed, unknown, or describes a fact that \
                cannot be true (unknown state or norm, retired norm, future date, dates out of order); \
                /problems/malformed-body (400): the body is not JSON; /problems/not-found (404): no such record; \
                /problems/transition-forbidden (409): the record's status forbids it (currentStatus says why); \
                /problems/concurrent-modification (409, retryable): another write to the same record won; \
                /problems/already-exists (409); /problems/unsupported-media-type (415); \
                /problems/payload-too-large (413): the body is larger than the operation accepts; \
                /problems/method-not-allowed (405); /problems/not-acceptable (406); \
                /problems/internal-error (500): a fault of the tracker, never of the client.""");
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", type)
                .addProperty("title", new StringSchema().example("Invalid input"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().example("/api/commitments"))
                .addProperty("errors", new ArraySchema().items(error))
                .addProperty("currentStatus", new StringSchema().example("WITHDRAWN")
                        .description("for transition-forbidden: the record's status"))
                .addProperty("retryable", new BooleanSchema()
                        .description("for concurrent-modification: the request may be retried"));
    }
}
