package org.cybernorms.compliance.participation.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.cybernorms.compliance.shared.UuidKind;

import java.util.Optional;

/**
 * Identifies one pledge; a UUID, assigned by the tracker when the fact is first recorded. Written in JSON as its text
 * ({@code "3f8163f8-…"}).
 */
public record PledgeId(@JsonValue String value) {

    private static final UuidKind<PledgeId> KIND = new UuidKind<>("pledge", PledgeId::new);

    public PledgeId {
        value = KIND.canonical(value);
    }

    public static PledgeId random() {
        return KIND.random();
    }

    /** Parses an id from a path; empty if it cannot be an id of this kind. */
    public static Optional<PledgeId> parse(String value) {
        return KIND.parse(value);
    }

    @JsonCreator
    public static PledgeId of(String value) {
        return new PledgeId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
