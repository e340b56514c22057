package org.cybernorms.compliance.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.regex.Pattern;

/** The code of a norm within an instrument, such as {@code 13f}: letters and digits, compared in lower case. */
public record NormCode(String value) implements Comparable<NormCode> {

    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9.-]{0,15}");

    public NormCode {
        if (value == null) {
            throw new IllegalArgumentException("a norm code is required");
        }
        value = value.trim().toLowerCase(Locale.ROOT);
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a norm code is 1 to 16 letters, digits, dots or hyphens");
        }
    }

    @JsonCreator
    public static NormCode of(String value) {
        return new NormCode(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(NormCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
