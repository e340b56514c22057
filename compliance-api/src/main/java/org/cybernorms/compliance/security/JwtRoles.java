package org.cybernorms.compliance.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

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
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String claimed : claimedRoles(jwt)) {
            String role = claimed.trim();
            if (role.equalsIgnoreCase(Roles.STATE) && jwt.getClaimAsString(stateClaim) != null) {
                role = Roles.STATE + ":" + jwt.getClaimAsString(stateClaim);
            }
            try {
                authorities.addAll(Roles.authorities(Roles.normalise(role)));
            } catch (IllegalArgumentException ignored) {
                // a role this tracker does not know grants nothing
            }
        }
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    private List<String> claimedRoles(Jwt jwt) {
        Object claim = jwt.getClaims().get(roleClaim);
        if (claim instanceof String s) {
            return List.of(s.split("[ ,]+"));
        }
        if (claim instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
