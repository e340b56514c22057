package org.cybernorms.compliance.http;

import java.net.URI;

/**
 * The problem types of the API (RFC 9457). Each type URI names one kind of client mistake or refusal; see
 * docs/api.md for what each means and what a client should do.
 */
public final class Problems {

    public static final URI INVALID_INPUT = URI.create("/problems/invalid-input");
    public static final URI MALFORMED_BODY = URI.create("/problems/malformed-body");
    public static final URI NOT_FOUND = URI.create("/problems/not-found");
    public static final URI TRANSITION_FORBIDDEN = URI.create("/problems/transition-forbidden");
    public static final URI CONCURRENT_MODIFICATION = URI.create("/problems/concurrent-modification");
    public static final URI ALREADY_EXISTS = URI.create("/problems/already-exists");
    public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create("/problems/unsupported-media-type");
    public static final URI PAYLOAD_TOO_LARGE = URI.create("/problems/payload-too-large");
    public static final URI METHOD_NOT_ALLOWED = URI.create("/problems/method-not-allowed");
    public static final URI NOT_ACCEPTABLE = URI.create("/problems/not-acceptable");
    public static final URI INTERNAL = URI.create("/problems/internal-error");

    private Problems() {
    }
}
