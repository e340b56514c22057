package org.cybernorms.compliance.security;

import org.cybernorms.compliance.shared.StateCode;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The roles of the tracker and their Spring authorities. {@code STATE:FRA} becomes {@code ROLE_STATE} plus
 * {@code STATE_FRA}, so that "a state" and "this state" can both be asked.
 */
public final class Roles {

    public static final String MONITOR = "MONITOR";
    public static final String STATE = "STATE";
    public static final String HISTORIAN = "HISTORIAN";
    public static final String ADMIN = "ADMIN";
    private static final String STATE_AUTHORITY_PREFIX = "STATE_";

    private Roles() {
    }

    /**
     * Parses a role as written in configuration or a token claim: {@code MONITOR}, {@code HISTORIAN}, {@code ADMIN}
     * or {@code STATE:<ISO3>}. Throws {@link IllegalArgumentException} for anything else.
     */
    public static String normalise(String role) {
        if (role == null) {
            throw new IllegalArgumentException("a role is required");
        }
        String value = role.trim().toUpperCase(Locale.ROOT);
        if (value.equals(MONITOR) || value.equals(HISTORIAN) || value.equals(ADMIN)) {
            return value;
        }
        if (value.startsWith(STATE + ":")) {
            return STATE + ":" + StateCode.of(value.substring(STATE.length() + 1)).value();
        }
        throw new IllegalArgumentException("unknown role; use MONITOR, HISTORIAN, ADMIN or STATE:<ISO3>");
    }

    /** The Spring authorities of a normalised role. */
    public static List<GrantedAuthority> authorities(String role) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (role.startsWith(STATE + ":")) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + STATE));
            authorities.add(new SimpleGrantedAuthority(STATE_AUTHORITY_PREFIX + role.substring(STATE.length() + 1)));
        } else {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
        }
        return authorities;
    }

    /** The role of an authenticated caller, as written in configuration ({@code STATE:FRA}, {@code MONITOR}, …). */
    public static Optional<String> roleOf(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        String state = null;
        String role = null;
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name.startsWith(STATE_AUTHORITY_PREFIX)) {
                state = name.substring(STATE_AUTHORITY_PREFIX.length());
            } else if (name.startsWith("ROLE_") && !name.equals("ROLE_ANONYMOUS")) {
                String candidate = name.substring("ROLE_".length());
                if (role == null || candidate.equals(ADMIN) || (candidate.equals(MONITOR) && !role.equals(ADMIN))) {
                    role = candidate;
                }
            }
        }
        if (STATE.equals(role) && state != null) {
            return Optional.of(STATE + ":" + state);
        }
        return Optional.ofNullable(role);
    }

    public static boolean has(Authentication authentication, String role) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
    }

    /** Whether the caller may answer for {@code state}: a monitor or admin, or that very state. */
    public static boolean mayAnswerFor(Authentication authentication, StateCode state) {
        if (has(authentication, ADMIN) || has(authentication, MONITOR)) {
            return true;
        }
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(STATE_AUTHORITY_PREFIX + state.value()));
    }
}
