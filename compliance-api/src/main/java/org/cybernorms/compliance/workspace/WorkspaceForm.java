package org.cybernorms.compliance.workspace;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A form that records one write of the API: its fields, the API path it posts to ({@code {name}} marks a path
 * variable, filled from the field of that name) and where the browser goes once it is recorded. Adding a form for a
 * new endpoint is one of these in {@link WorkspaceForms}.
 */
public record WorkspaceForm(String name, String title, String submit, String apiPath, List<FormField> fields,
                     Function<Recorded, String> next) {

    /** What a successful post leaves behind: the form's values and the API's answer. */
    public record Recorded(Map<String, String> values, ApiAnswer answer) {

        String value(String field) {
            return values.get(field);
        }

        String answered(String member) {
            return answer.text(member);
        }
    }

    Optional<FormField> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    /** The first field a person fills in: where an error that names no field links to. */
    String firstVisibleField() {
        return fields.stream().filter(f -> !f.hidden()).map(FormField::name).findFirst().orElse(null);
    }

    public boolean hasFile() {
        return fields.stream().anyMatch(f -> f.kind() == FormField.Kind.FILE);
    }
}
