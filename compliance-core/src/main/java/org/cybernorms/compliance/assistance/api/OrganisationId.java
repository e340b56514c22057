package org.cybernorms.compliance.assistance.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The identifier of an organisation that takes part in assistance, such as {@code itu} or {@code au-cyber}: 1 to 60
 * lower case letters, digits and hyphens, starting with a letter or digit. Upper case input is accepted and
 * normalised to lower case. As a {@link Party} it is written {@code org:<id>}, at most 64 characters like every other
 * code in a request body.
 */
public record OrganisationId(String value) implements Comparable<OrganisationId> {

    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

    public OrganisationId {
        if (value == null) {
            throw new IllegalArgumentException("an organisation id is required");
        }
        value = value.trim().toLowerCase(Locale.ROOT);
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "an organisation id is 1 to 60 letters, digits and hyphens, starting with a letter or digit");
        }
    }

    @JsonCreator
    public static OrganisationId of(String value) {
        return new OrganisationId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(OrganisationId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
