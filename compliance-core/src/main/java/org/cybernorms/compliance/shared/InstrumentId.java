package org.cybernorms.compliance.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The identifier of an instrument, such as {@code un-gge-2015}: lower case letters, digits and hyphens. */
public record InstrumentId(String value) {

    public static final InstrumentId UN_GGE_2015 = new InstrumentId("un-gge-2015");

    public InstrumentId {
        Slug.checked(value, "an instrument id");
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
