package org.cybernorms.compliance.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The workspace's sign-in on the embedded default: {@code POST /sign-in} with one of the access tokens in the form
 * field {@code token}. The token is digested and looked up once, here; the session then holds only who it stands
 * for (the holder's name and role), never the token, and nothing here logs it.
 */
final class TokenSignInFilter extends AbstractAuthenticationProcessingFilter {

    static final String PATH = "/sign-in";

    private final StaticTokens tokens;

    TokenSignInFilter(StaticTokens tokens) {
        super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, PATH));
        this.tokens = tokens;
    }

    @Override
    public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
        String token = request.getParameter("token");
        StaticTokens.Holder holder = (token == null || token.isBlank() ? null
                : tokens.holderOf(token.trim()).orElse(null));
        if (holder == null) {
            throw new BadCredentialsException("unknown token");
        }
        return UsernamePasswordAuthenticationToken.authenticated(holder.name(), null,
                Roles.authorities(holder.role()));
    }
}
