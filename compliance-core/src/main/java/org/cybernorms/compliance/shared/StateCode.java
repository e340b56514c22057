package org.cybernorms.compliance.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Set;

/**
 * A state, named by its ISO 3166-1 alpha-3 code. Only officially assigned codes are accepted; the list comes from
 * the JDK ({@link Locale#getISOCountries(Locale.IsoCountryCode)}), which tracks the ISO 3166 maintenance agency.
 * Lower case input is accepted and normalised to upper case.
 */
public record StateCode(String value) implements Comparable<StateCode> {

    private static final Set<String> ASSIGNED = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);

    public StateCode {
        if (value == null) {
            throw new IllegalArgumentException("a state code is required");
        }
        value = value.trim().toUpperCase(Locale.ROOT);
        if (!ASSIGNED.contains(value)) {
            throw new IllegalArgumentException("'" + value + "' is not an assigned ISO 3166-1 alpha-3 code");
        }
    }

    @JsonCreator
    public static StateCode of(String value) {
        return new StateCode(value);
    }

    public static boolean isAssigned(String value) {
        return value != null && ASSIGNED.contains(value.trim().toUpperCase(Locale.ROOT));
    }

    /** Every assigned code, for documentation and generators. */
    public static Set<String> assignedCodes() {
        return ASSIGNED;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(StateCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
