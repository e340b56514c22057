package org.cybernorms.compliance.violation.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies one violation report; a UUID, assigned by the tracker when the fact is first recorded. */
public record ViolationId(String value) {

    public ViolationId {
        if (value == null) {
            throw new IllegalArgumentException("violation report id is required");
        }
        value = UUID.fromString(value).toString();
    }

    public static ViolationId random() {
        return new ViolationId(UUID.randomUUID().toString());
    }

    /** Parses an id from a path; empty if it cannot be an id of this kind. */
    public static java.util.Optional<ViolationId> parse(String value) {
        try {
            if (value == null || value.length() != 36) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new ViolationId(value.toLowerCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    @JsonCreator
    public static ViolationId of(String value) {
        return new ViolationId(value);
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
