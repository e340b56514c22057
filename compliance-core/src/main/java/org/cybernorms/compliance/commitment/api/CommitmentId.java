package org.cybernorms.compliance.commitment.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.cybernorms.compliance.shared.UuidText;

import java.util.Optional;

/** Identifies one commitment; a UUID, assigned by the tracker when the fact is first recorded. */
public record CommitmentId(String value) {

    public CommitmentId {
        value = UuidText.canonical(value, "commitment");
    }

    public static CommitmentId random() {
        return new CommitmentId(UuidText.random());
    }

    /** Parses an id from a path; empty if it cannot be an id of this kind. */
    public static Optional<CommitmentId> parse(String value) {
        return UuidText.parse(value).map(CommitmentId::new);
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
