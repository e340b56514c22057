package org.cybernorms.compliance.http;

import io.swagger.v3.oas.annotations.media.Schema;

/** One failing field of a request, in a problem's {@code errors} list. */
@Schema(description = "One failing field of a request")
public record FieldError(
        @Schema(example = "dueOn", description = "JSON path of the field, or the name of a path or query parameter")
        String field,
        @Schema(example = "must not be before madeOn (2024-01-01)") String message) {
}
