package org.cybernorms.compliance.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Authenticates {@code Authorization: Bearer <token>} against the configured static tokens. A request without the
 * header goes on anonymous (public reads may allow it); a wrong token is answered 401 at once.
 */
final class StaticTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final StaticTokens tokens;
    private final ProblemResponses problems;

    StaticTokenFilter(StaticTokens tokens, ProblemResponses problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<StaticTokens.Holder> holder = header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                ? tokens.holderOf(header.substring(PREFIX.length()).trim())
                : Optional.empty();
        if (holder.isEmpty()) {
            SecurityContextHolder.clearContext();
            problems.commence(request, response, new BadCredentialsException("unknown token"));
            return;
        }
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(
                holder.get().name(), null, Roles.authorities(holder.get().role()));
        SecurityContextHolder.getContext().setAuthentication(authentication);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
