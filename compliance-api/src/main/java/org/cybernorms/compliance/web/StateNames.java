package org.cybernorms.compliance.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/** English short names of states from the JDK's ISO 3166 data, for display beside their codes. */
final class StateNames {

    private static final Map<String, String> NAMES = new HashMap<>();

    static {
        for (String alpha2 : Locale.getISOCountries()) {
            Locale locale = new Locale("", alpha2);
            try {
                NAMES.put(locale.getISO3Country(), locale.getDisplayCountry(Locale.ENGLISH));
            } catch (MissingResourceException ignored) {
                // a code without an alpha-3 form
            }
        }
    }

    private StateNames() {
    }

    static String of(String alpha3) {
        return NAMES.getOrDefault(alpha3, alpha3);
    }
}
