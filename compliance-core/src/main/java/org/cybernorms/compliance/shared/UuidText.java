package org.cybernorms.compliance.shared;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The canonical text of a UUID identifier, shared by the typed identifiers of records. */
public final class UuidText {

    private UuidText() {
    }

    /** {@code value} in canonical lower-case form; fails if it is not a UUID. */
    public static String canonical(String value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " id is required");
        }
        return UUID.fromString(value).toString();
    }

    /** The canonical form of {@code value}, or empty if it cannot be a UUID (for ids that come from paths). */
    public static Optional<String> parse(String value) {
        if (value == null || value.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.toLowerCase(Locale.ROOT)).toString());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static String random() {
        return UUID.randomUUID().toString();
    }
}
