package org.cybernorms.compliance.participation.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.cybernorms.compliance.shared.UuidText;

import java.util.Optional;

/** Identifies one pledge; a UUID, assigned by the tracker when the fact is first recorded. */
public record PledgeId(String value) {

    public PledgeId {
        value = UuidText.canonical(value, "pledge");
    }

    public static PledgeId random() {
        return new PledgeId(UuidText.random());
    }

    /** Parses an id from a path; empty if it cannot be an id of this kind. */
    public static Optional<PledgeId> parse(String value) {
        return UuidText.parse(value).map(PledgeId::new);
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
