package org.cybernorms.compliance.assistance.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.cybernorms.compliance.shared.UuidKind;

import java.util.Optional;

/**
 * Identifies one request for assistance; a UUID, assigned by the tracker when the fact is first recorded. Written in
 * JSON as its text ({@code "3f8163f8-…"}).
 */
public record AssistanceRequestId(@JsonValue String value) {

    private static final UuidKind<AssistanceRequestId> KIND =
            new UuidKind<>("assistance request", AssistanceRequestId::new);

    public AssistanceRequestId {
        value = KIND.canonical(value);
    }

    public static AssistanceRequestId random() {
        return KIND.random();
    }

    /** Parses an id from a path; empty if it cannot be an id of this kind. */
    public static Optional<AssistanceRequestId> parse(String value) {
        return KIND.parse(value);
    }

    @JsonCreator
    public static AssistanceRequestId of(String value) {
        return new AssistanceRequestId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
