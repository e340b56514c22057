package org.cybernorms.compliance.crosswalk.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/** The identifier of a crosswalk, chosen by whoever records it, such as {@code gge-2015-to-draft-binding}. */
public record CrosswalkId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public CrosswalkId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "a crosswalk id is 1 to 63 lower case letters, digits and hyphens, starting with a letter or digit");
        }
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
