package org.cybernorms.compliance.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cybernorms.compliance.http.BodyLimitFilter;
import org.cybernorms.compliance.idempotency.IdempotencyFilter;
import org.cybernorms.compliance.security.ApiAccess;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Records a form as the API call it stands for, inside the page's request: the same path, the same JSON, the same
 * controller, rules, messages and idempotency store as {@code curl} would meet, with the signed-in caller of the
 * session. The API's own access rules ({@link ApiAccess}) are asked first, as its filter chain would; its bearer
 * chain itself is not involved, so no session ever reaches it (docs/workspace.md).
 */
@Component
class ApiCalls {

    /** How often a double submit waits for the first of the pair to finish (IdempotencyFilter's 409) before it asks again. */
    private static final int IN_PROGRESS_RETRIES = 50;

    private final DispatcherServlet dispatcher;
    private final IdempotencyFilter idempotency;
    private final ObjectMapper json;

    ApiCalls(DispatcherServlet dispatcher, IdempotencyFilter idempotency, ObjectMapper json) {
        this.dispatcher = dispatcher;
        this.idempotency = idempotency;
        this.json = json;
    }

    ApiAnswer post(HttpServletRequest page, HttpServletResponse pageResponse, String path, String query,
                   String contentType, byte[] body, String idempotencyKey) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (!ApiAccess.mayPost(caller, path)) {
            return ApiAnswer.forbidden();
        }
        for (int attempt = 0; ; attempt++) {
            ApiAnswer answer = once(page, pageResponse, path, query, contentType, body, idempotencyKey);
            boolean inProgress = answer.status() == 409
                    && IdempotencyFilter.IN_PROGRESS.toString().equals(answer.type());
            if (!inProgress || attempt >= IN_PROGRESS_RETRIES) {
                return answer;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return answer;
            }
        }
    }

    private ApiAnswer once(HttpServletRequest page, HttpServletResponse pageResponse, String path, String query,
                           String contentType, byte[] body, String idempotencyKey) {
        ApiCallRequest call = new ApiCallRequest(page, path, query, contentType, idempotencyKey);
        ApiCallResponse answer = new ApiCallResponse(pageResponse);
        try {
            idempotency.doFilter(BodyLimitFilter.CachedBodyRequest.of(call, body), answer,
                    (request, response) -> dispatcher.service(request, response));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ServletException e) {
            throw new IllegalStateException("the API failed to answer a form", e);
        }
        return new ApiAnswer(answer.getStatus(), answer.getHeader("Location"), parse(answer.bodyText()));
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(text);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
