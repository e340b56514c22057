package org.cybernorms.compliance.assistance.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.cybernorms.compliance.shared.UuidText;

import java.util.Optional;

/** Identifies one offer of assistance against a request; a UUID, assigned by the tracker when the fact is first recorded. */
public record OfferId(String value) {

    public OfferId {
        value = UuidText.canonical(value, "offer");
    }

    public static OfferId random() {
        return new OfferId(UuidText.random());
    }

    /** Parses an id from a path; empty if it cannot be an id of this kind. */
    public static Optional<OfferId> parse(String value) {
        return UuidText.parse(value).map(OfferId::new);
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
