package org.cybernorms.compliance.shared;

import java.util.regex.Pattern;

/**
 * The shape of an identifier chosen by whoever records it (an instrument's, a crosswalk's): 1 to 63 lower case
 * letters, digits and hyphens, starting with a letter or digit, so that it reads well in a URL.
 */
public final class Slug {

    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private Slug() {
    }

    /**
     * {@code value}, if it has the shape; otherwise an {@link IllegalArgumentException} that names what it is.
     *
     * @param what how the message names it, with its article: "an instrument id"
     */
    public static String checked(String value, String what) {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    what + " is 1 to 63 lower case letters, digits and hyphens, starting with a letter or digit");
        }
        return value;
    }
}
