package org.cybernorms.compliance.commitment.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.cybernorms.compliance.shared.UuidKind;

import java.util.Optional;

/**
 * Identifies one commitment; a UUID, assigned by the tracker when the fact is first recorded. Written in JSON as its
 * text ({@code "3f8163f8-…"}).
 */
public record CommitmentId(@JsonValue String value) {

    private static final UuidKind<CommitmentId> KIND = new UuidKind<>("commitment", CommitmentId::new);

    public CommitmentId {
        value = KIND.canonical(value);
    }

    public static CommitmentId random() {
        return KIND.random();
    }

    /** Parses an id from a path; empty if it cannot be an id of this kind. */
    public static Optional<CommitmentId> parse(String value) {
        return KIND.parse(value);
    }

    @JsonCreator
    public static CommitmentId of(String value) {
        return new CommitmentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
