package org.cybernorms.compliance.assistance.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Identifies one request for assistance; a UUID, assigned by the tracker when the fact is first recorded. */
public record AssistanceRequestId(String value) {

    public AssistanceRequestId {
        if (value == null) {
            throw new IllegalArgumentException("request id is required");
        }
        value = UUID.fromString(value).toString();
    }

    public static AssistanceRequestId random() {
        return new AssistanceRequestId(UUID.randomUUID().toString());
    }

    /** Parses an id from a path; empty if it cannot be an id of this kind. */
    public static Optional<AssistanceRequestId> parse(String value) {
        try {
            if (value == null || value.length() != 36) {
                return Optional.empty();
            }
            return Optional.of(new AssistanceRequestId(value.toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
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
