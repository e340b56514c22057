package org.cybernorms.compliance.assistance.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.cybernorms.compliance.shared.UuidKind;

import java.util.Optional;

/**
 * Identifies one offer of assistance against a request; a UUID, assigned by the tracker when the fact is first
 * recorded. Written in JSON as its text ({@code "3f8163f8-…"}).
 */
public record OfferId(@JsonValue String value) {

    private static final UuidKind<OfferId> KIND = new UuidKind<>("offer", OfferId::new);

    public OfferId {
        value = KIND.canonical(value);
    }

    public static OfferId random() {
        return KIND.random();
    }

    /** Parses an id from a path; empty if it cannot be an id of this kind. */
    public static Optional<OfferId> parse(String value) {
        return KIND.parse(value);
    }

    @JsonCreator
    public static OfferId of(String value) {
        return new OfferId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
