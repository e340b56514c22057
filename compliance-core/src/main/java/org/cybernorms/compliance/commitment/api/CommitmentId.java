package org.cybernorms.compliance.commitment.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies one commitment; a UUID, assigned by the tracker when the fact is first recorded. */
public record CommitmentId(String value) {

    public CommitmentId {
        if (value == null) {
            throw new IllegalArgumentException("commitment id is required");
        }
        value = UUID.fromString(value).toString();
    }

    public static CommitmentId random() {
        return new CommitmentId(UUID.randomUUID().toString());
    }

    /** Parses an id from a path; empty if it cannot be an id of this kind. */
    public static java.util.Optional<CommitmentId> parse(String value) {
        try {
            if (value == null || value.length() != 36) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new CommitmentId(value.toLowerCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    @JsonCreator
    public static CommitmentId of(String value) {
        return new CommitmentId(value);
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
