package org.cybernorms.compliance.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's part in the workspace, without the browser: a cookie jar, form posts with the page's CSRF token, and
 * redirects not followed, so that a test sees each answer. For the rules of the session and CSRF; the journeys run
 * in Chromium (WorkspaceBrowserTest).
 */
final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");

    record Page(int status, String location, String html, java.net.http.HttpHeaders headers) {

        String csrf() {
            Matcher m = CSRF.matcher(html);
            return m.find() ? m.group(1) : null;
        }

        String idempotencyKey() {
            Matcher m = KEY.matcher(html);
            return m.find() ? m.group(1) : null;
        }
    }

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    PageSession(int port) {
        this.port = port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    Page post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Signs in with {@code token} through the sign-in page, as a person would. */
    Page signIn(String token) {
        Page form = get("/sign-in");
        if (form.csrf() == null) {
            throw new IllegalStateException("no CSRF token on the sign-in page: " + form.status() + " " + form.html());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", form.csrf());
        fields.put("token", token);
        return post("/sign-in", fields);
    }

    /** Posts a form shown on {@code pagePath}, with that page's CSRF token and idempotency key. */
    Page submit(String pagePath, String form, Map<String, String> fields) {
        Page page = get(pagePath);
        Map<String, String> all = new LinkedHashMap<>();
        all.put("_csrf", page.csrf());
        all.put("idempotencyKey", page.idempotencyKey());
        all.putAll(fields);
        return post("/workspace/forms/" + form, all);
    }

    /** Sends {@code request} with this session's cookies. */
    HttpResponse<String> raw(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private Page send(HttpRequest request) {
        HttpResponse<String> response = raw(request);
        return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                response.body(), response.headers());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
