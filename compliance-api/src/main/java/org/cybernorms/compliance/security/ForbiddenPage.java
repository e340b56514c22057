package org.cybernorms.compliance.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/**
 * A page the role may not see, or a form post it may not send (including one without its CSRF token): 403, with
 * the 403 page rendered in place (a forward, so the status stays 403 and nothing is recorded).
 */
final class ForbiddenPage implements AccessDeniedHandler {

    static final String PATH = "/forbidden";

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        request.getRequestDispatcher(PATH).forward(request, response);
    }
}
