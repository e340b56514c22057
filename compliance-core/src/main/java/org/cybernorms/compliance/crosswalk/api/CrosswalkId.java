package org.cybernorms.compliance.crosswalk.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.cybernorms.compliance.shared.Slug;

/** The identifier of a crosswalk, chosen by whoever records it, such as {@code gge-2015-to-draft-binding}. */
public record CrosswalkId(String value) {

    public CrosswalkId {
        Slug.checked(value, "a crosswalk id");
    }

    @JsonCreator
    public static CrosswalkId of(String value) {
        return new CrosswalkId(value);
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
