package org.cybernorms.compliance.workspace;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.util.LinkedCaseInsensitiveMap;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;

/**
 * The API request a form stands for, made inside the page's request: {@code POST} to an API path with its own
 * headers and its own attributes, and none of the page's form fields or cookies. The session and the caller are the
 * page's; the body is attached around it by {@code BodyLimitFilter.CachedBodyRequest}.
 */
final class ApiCallRequest extends HttpServletRequestWrapper {

    private final String path;
    private final String query;
    private final Map<String, String> headers = new LinkedCaseInsensitiveMap<>();
    private final Map<String, Object> attributes = new HashMap<>();

    ApiCallRequest(HttpServletRequest page, String path, String query, String contentType, String idempotencyKey) {
        super(page);
        this.path = path;
        this.query = query;
        headers.put("Content-Type", contentType);
        headers.put("Accept", "application/json, application/problem+json");
        if (idempotencyKey != null) {
            headers.put("Idempotency-Key", idempotencyKey);
        }
    }

    @Override
    public String getMethod() {
        return "POST";
    }

    @Override
    public String getRequestURI() {
        return getContextPath() + path;
    }

    @Override
    public StringBuffer getRequestURL() {
        StringBuffer url = new StringBuffer();
        url.append(getScheme()).append("://").append(getServerName()).append(':').append(getServerPort())
                .append(getRequestURI());
        return url;
    }

    @Override
    public String getServletPath() {
        return path;
    }

    @Override
    public String getPathInfo() {
        return null;
    }

    @Override
    public String getQueryString() {
        return query;
    }

    @Override
    public DispatcherType getDispatcherType() {
        return DispatcherType.REQUEST;
    }

    @Override
    public String getContentType() {
        return headers.get("Content-Type");
    }

    @Override
    public String getCharacterEncoding() {
        return "UTF-8";
    }

    @Override
    public String getHeader(String name) {
        return name == null ? null : headers.get(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        String value = name == null ? null : headers.get(name);
        return value == null ? Collections.emptyEnumeration() : Collections.enumeration(java.util.List.of(value));
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        return Collections.enumeration(headers.keySet());
    }

    @Override
    public long getDateHeader(String name) {
        return -1;
    }

    @Override
    public int getIntHeader(String name) {
        String value = headers.get(name);
        return value == null ? -1 : Integer.parseInt(value);
    }

    @Override
    public jakarta.servlet.http.Cookie[] getCookies() {
        return null;
    }

    @Override
    public String getParameter(String name) {
        String[] values = getParameterMap().get(name);
        return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return org.springframework.web.util.UriComponentsBuilder.newInstance().query(query).build()
                .getQueryParams().entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue().toArray(String[]::new)));
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        return getParameterMap().get(name);
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        return Collections.enumeration(attributes.keySet());
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    @Override
    public boolean isAsyncSupported() {
        return false;
    }
}
