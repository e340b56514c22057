package org.cybernorms.compliance.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

import java.io.IOException;
import java.time.Duration;

/**
 * After a sign-in (a token or OIDC): the session gets the configured idle timeout, and the browser goes back to the
 * page that asked for a sign-in, or else to the role's home: the work queue for monitors and admins, the state's
 * own page for a state, the event log for a historian.
 */
final class SignedIn implements AuthenticationSuccessHandler {

    private final Duration idleTimeout;
    private final RequestCache requests;

    SignedIn(Duration idleTimeout, RequestCache requests) {
        this.idleTimeout = idleTimeout;
        this.requests = requests;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, ServletException {
        request.getSession().setMaxInactiveInterval((int) Math.max(1, idleTimeout.toSeconds()));
        SavedRequest saved = requests.getRequest(request, response);
        requests.removeRequest(request, response);
        String target = saved != null && "GET".equals(saved.getMethod()) ? saved.getRedirectUrl() : home(authentication);
        response.sendRedirect(target);
    }

    /** The page a role starts from. */
    public static String home(Authentication authentication) {
        if (Roles.has(authentication, Roles.ADMIN) || Roles.has(authentication, Roles.MONITOR)) {
            return "/work";
        }
        if (Roles.has(authentication, Roles.STATE)) {
            return "/my-state";
        }
        if (Roles.has(authentication, Roles.HISTORIAN)) {
            return "/events";
        }
        return "/";
    }
}
