package org.cybernorms.compliance.violation.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.cybernorms.compliance.shared.UuidText;

import java.util.Optional;

/** Identifies one violation report; a UUID, assigned by the tracker when the fact is first recorded. */
public record ViolationId(String value) {

    public ViolationId {
        value = UuidText.canonical(value, "violation report");
    }

    public static ViolationId random() {
        return new ViolationId(UuidText.random());
    }

    /** Parses an id from a path; empty if it cannot be an id of this kind. */
    public static Optional<ViolationId> parse(String value) {
        return UuidText.parse(value).map(ViolationId::new);
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
