package org.cybernorms.compliance.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Maps an OIDC JWT onto the tracker's roles: the role claim (a string or a list: {@code MONITOR}, {@code HISTORIAN},
 * {@code ADMIN}, {@code STATE} or {@code STATE:FRA}) and, for {@code STATE}, the state claim ({@code FRA}). Claims
 * that name no known role grant nothing. The principal is the token's subject.
 */
final class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String roleClaim;
    private final String stateClaim;

    JwtRoles(String roleClaim, String stateClaim) {
        this.roleClaim = roleClaim;
        this.stateClaim = stateClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, authorities(jwt.getClaims()), jwt.getSubject());
    }

    /**
     * The authorities that a set of claims grants: of a JWT sent to the API, or of the ID token of a workspace
     * sign-in through the same issuer.
     */
    List<GrantedAuthority> authorities(Map<String, Object> claims) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        Object state = claims.get(stateClaim);
        for (String claimed : claimedRoles(claims)) {
            String role = claimed.trim();
            if (role.equalsIgnoreCase(Roles.STATE) && state != null) {
                role = Roles.STATE + ":" + state;
            }
            try {
                authorities.addAll(Roles.authorities(Roles.normalise(role)));
            } catch (IllegalArgumentException ignored) {
                // a role this tracker does not know grants nothing
            }
        }
        return authorities;
    }

    private List<String> claimedRoles(Map<String, Object> claims) {
        Object claim = claims.get(roleClaim);
        if (claim instanceof String s) {
            return List.of(s.split("[ ,]+"));
        }
        if (claim instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
