package org.cybernorms.compliance.shared;

import java.net.URI;

/** What counts as a link to evidence: an absolute {@code http} or {@code https} URL with a host. */
public final class WebAddress {

    private WebAddress() {
    }

    public static boolean isValid(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (Exception e) {
            return false;
        }
    }
}
