package org.cybernorms.compliance.assistance.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Identifies one offer of assistance against a request; a UUID, assigned by the tracker when the fact is first recorded. */
public record OfferId(String value) {

    public OfferId {
        if (value == null) {
            throw new IllegalArgumentException("offer id is required");
        }
        value = UUID.fromString(value).toString();
    }

    public static OfferId random() {
        return new OfferId(UUID.randomUUID().toString());
    }

    /** Parses an id from a path; empty if it cannot be an id of this kind. */
    public static Optional<OfferId> parse(String value) {
        try {
            if (value == null || value.length() != 36) {
                return Optional.empty();
            }
            return Optional.of(new OfferId(value.toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @JsonCreator
    public static OfferId of(String value) {
        return new OfferId(value);
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
