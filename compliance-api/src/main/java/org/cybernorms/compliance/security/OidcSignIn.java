package org.cybernorms.compliance.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * The workspace's "Sign in with &lt;issuer&gt;": OIDC authorization code with PKCE, present only with
 * {@code compliance.security.jwt.enabled=true} and a configured client.
 */
public interface OidcSignIn {

    /** The issuer's name as the sign-in page shows it. */
    String issuerName();

    /** The path that starts the sign-in at the issuer. */
    String startPath();

    void configure(HttpSecurity http, org.springframework.security.web.authentication.AuthenticationSuccessHandler
            signedIn) throws Exception;
}
