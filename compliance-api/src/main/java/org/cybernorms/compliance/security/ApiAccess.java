package org.cybernorms.compliance.security;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.List;
import java.util.Optional;

import static org.cybernorms.compliance.security.Roles.ADMIN;
import static org.cybernorms.compliance.security.Roles.HISTORIAN;
import static org.cybernorms.compliance.security.Roles.MONITOR;
import static org.cybernorms.compliance.security.Roles.STATE;

/**
 * Which roles may send which write to the API, as one list read in two places: the API's filter chain registers
 * each rule, and the workspace asks it before it records a form through the same controller, so that a form and
 * the API can never disagree on who may write what. Rules are tried in order; the first whose method and path
 * pattern match decides. Whether a state writes "in its own name" is decided by the controllers, for both.
 */
public final class ApiAccess {

    /** One rule: a method, path patterns in Spring's path-pattern syntax, and the roles that may send it. */
    public record Rule(HttpMethod method, List<String> patterns, List<String> roles) {

        Rule(HttpMethod method, String[] patterns, String... roles) {
            this(method, List.of(patterns), List.of(roles));
        }

        String[] patternArray() {
            return patterns.toArray(String[]::new);
        }

        String[] roleArray() {
            return roles.toArray(String[]::new);
        }
    }

    static final List<Rule> WRITES = List.of(
            new Rule(null, new String[] {"/api/admin/**"}, ADMIN),
            new Rule(HttpMethod.POST, new String[] {"/api/imports/**"}, MONITOR, ADMIN),
            new Rule(HttpMethod.GET, new String[] {"/api/events", "/api/events/**"}, HISTORIAN, ADMIN),
            new Rule(HttpMethod.POST, new String[] {"/api/events/verify"}, HISTORIAN, ADMIN),
            new Rule(HttpMethod.POST, new String[] {"/api/violations/*/response"}, MONITOR, ADMIN, STATE),
            // A state may request and offer assistance in its own name, and answer offers on its own requests; the
            // controller checks "its own" (403 otherwise).
            new Rule(HttpMethod.POST, new String[] {"/api/assistance/requests", "/api/assistance/requests/*/offers",
                    "/api/assistance/offers/*/acceptance", "/api/assistance/offers/*/declination"},
                    MONITOR, ADMIN, STATE),
            new Rule(HttpMethod.POST, new String[] {"/api/**"}, MONITOR, ADMIN));

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    private ApiAccess() {
    }

    /** The rules, in the order they are tried. */
    public static List<Rule> rules() {
        return WRITES;
    }

    /** The roles that may send {@code method} to {@code path}, if a rule names them. */
    public static Optional<List<String>> rolesFor(HttpMethod method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        for (Rule rule : WRITES) {
            if (rule.method() != null && !rule.method().equals(method)) {
                continue;
            }
            boolean matches = rule.patterns().stream().map(PARSER::parse)
                    .anyMatch((PathPattern p) -> p.matches(container));
            if (matches) {
                return Optional.of(rule.roles());
            }
        }
        return Optional.empty();
    }

    /** Whether {@code caller}'s role may POST to {@code path} of the API. */
    public static boolean mayPost(org.springframework.security.core.Authentication caller, String path) {
        return rolesFor(HttpMethod.POST, path)
                .map(roles -> roles.stream().anyMatch(role -> Roles.has(caller, role)))
                .orElse(false);
    }
}
