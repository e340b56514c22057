package org.cybernorms.compliance.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * {@code compliance.security.*}: whether reads are public, how JWTs map to roles, which origins may call the
 * API from a browser (none unless configured), and how long a workspace session may stay idle.
 */
@ConfigurationProperties("compliance.security")
public record SecuritySettings(
        @DefaultValue("true") boolean publicReads,
        @DefaultValue Jwt jwt,
        @DefaultValue Cors cors,
        @DefaultValue Session session,
        @DefaultValue Oidc oidc) {

    /** Production authentication with an OAuth2/OIDC issuer's JWTs. */
    public record Jwt(@DefaultValue("false") boolean enabled,
                      @DefaultValue("roles") String roleClaim,
                      @DefaultValue("state") String stateClaim) {
    }

    /**
     * The workspace's "Sign in with &lt;issuer&gt;" (with {@code jwt.enabled}): the issuer's address (its discovery
     * document is read at the first sign-in), this tracker's client id and secret at the issuer, and the name the
     * sign-in page shows. No default secret: without one the client is public and relies on PKCE alone.
     */
    public record Oidc(@DefaultValue("") String issuerUri, @DefaultValue("") String clientId,
                       @DefaultValue("") String clientSecret, @DefaultValue("") String issuerName) {

        public boolean configured() {
            return !issuerUri.isBlank() && !clientId.isBlank();
        }
    }

    /** The workspace's signed-in sessions: how long one may stay idle before it ends. */
    public record Session(@DefaultValue("30m") Duration idleTimeout) {
    }

    /** Allowed browser origins; CORS is off when the list is empty. */
    public record Cors(@DefaultValue List<String> allowedOrigins) {
    }
}
