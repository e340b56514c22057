package org.cybernorms.compliance.violation.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.cybernorms.compliance.shared.UuidKind;

import java.util.Optional;

/**
 * Identifies one violation report; a UUID, assigned by the tracker when the fact is first recorded. Written in JSON as
 * its text ({@code "3f8163f8-…"}).
 */
public record ViolationId(@JsonValue String value) {

    private static final UuidKind<ViolationId> KIND = new UuidKind<>("violation report", ViolationId::new);

    public ViolationId {
        value = KIND.canonical(value);
    }

    public static ViolationId random() {
        return KIND.random();
    }

    /** Parses an id from a path; empty if it cannot be an id of this kind. */
    public static Optional<ViolationId> parse(String value) {
        return KIND.parse(value);
    }

    @JsonCreator
    public static ViolationId of(String value) {
        return new ViolationId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
