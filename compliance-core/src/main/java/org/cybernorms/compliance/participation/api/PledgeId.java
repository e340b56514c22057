package org.cybernorms.compliance.participation.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies one pledge; a UUID, assigned by the tracker when the fact is first recorded. */
public record PledgeId(String value) {

    public PledgeId {
        if (value == null) {
            throw new IllegalArgumentException("pledge id is required");
        }
        value = UUID.fromString(value).toString();
    }

    public static PledgeId random() {
        return new PledgeId(UUID.randomUUID().toString());
    }

    /** Parses an id from a path; empty if it cannot be an id of this kind. */
    public static java.util.Optional<PledgeId> parse(String value) {
        try {
            if (value == null || value.length() != 36) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new PledgeId(value.toLowerCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    @JsonCreator
    public static PledgeId of(String value) {
        return new PledgeId(value);
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
