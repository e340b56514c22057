package org.cybernorms.compliance.assistance.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.cybernorms.compliance.shared.UuidText;

import java.util.Optional;

/** Identifies one request for assistance; a UUID, assigned by the tracker when the fact is first recorded. */
public record AssistanceRequestId(String value) {

    public AssistanceRequestId {
        value = UuidText.canonical(value, "assistance request");
    }

    public static AssistanceRequestId random() {
        return new AssistanceRequestId(UuidText.random());
    }

    /** Parses an id from a path; empty if it cannot be an id of this kind. */
    public static Optional<AssistanceRequestId> parse(String value) {
        return UuidText.parse(value).map(AssistanceRequestId::new);
    }

    @JsonCreator
    public static AssistanceRequestId of(String value) {
        return new AssistanceRequestId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
