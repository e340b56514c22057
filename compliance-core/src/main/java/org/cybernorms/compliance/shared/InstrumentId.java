package org.cybernorms.compliance.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/** The identifier of an instrument, such as {@code un-gge-2015}: lower case letters, digits and hyphens. */
public record InstrumentId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public static final InstrumentId UN_GGE_2015 = new InstrumentId("un-gge-2015");

    public InstrumentId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "an instrument id is 1 to 63 lower case letters, digits and hyphens, starting with a letter or digit");
        }
    }

    @JsonCreator
    public static InstrumentId of(String value) {
        return new InstrumentId(value);
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
