package org.cybernorms.compliance.workspace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A form as rendered: its definition, the values in its fields, the error next to each field, and the
 * {@code Idempotency-Key} this rendering posts with, so that a double submit of it records once.
 */
public record FormView(WorkspaceForm form, Map<String, String> values, Map<String, String> errors,
                List<ErrorLink> summary, String idempotencyKey) {

    /** One line of the error summary, linking to the field in error. */
    public record ErrorLink(String href, String message) {
    }

    static FormView fresh(WorkspaceForm form, Map<String, String> values) {
        return new FormView(form, new LinkedHashMap<>(values), Map.of(), List.of(), UUID.randomUUID().toString());
    }

    public String action() {
        return "/workspace/forms/" + form.name();
    }

    public String fieldId(String field) {
        return form.name() + "-" + field;
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean checked(String field) {
        return "true".equals(values.get(field));
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasErrors() {
        return !summary.isEmpty();
    }
}
