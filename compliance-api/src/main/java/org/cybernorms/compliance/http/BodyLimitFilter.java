package org.cybernorms.compliance.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * Bounds request bodies: {@code compliance.http.max-body-size} (512 KB) for JSON, {@code compliance.import.max-body-size} (32 MB)
 * under {@code /api/imports}. A larger body — announced by Content-Length or streamed in chunks — gets 413 before
 * anything reads it. The body is read once into memory and handed on, so that later filters (idempotency) and the
 * controller read the same bytes.
 *
 * <p>Event-log exports sent to {@code /api/events/verify} and {@code /api/admin/events/import} can be far larger:
 * they are not held in memory but streamed to the controller, bounded by {@code compliance.http.max-log-size}
 * (2 GB); a body announced larger gets 413 at once, one that turns out larger gets 413 when the limit is crossed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class BodyLimitFilter extends OncePerRequestFilter {

    public static final URI TOO_LARGE = URI.create("/problems/payload-too-large");

    private final long maxBody;
    private final long maxImport;
    private final long maxLog;
    private final ProblemWriter problems;

    public BodyLimitFilter(@Value("${compliance.http.max-body-size:512KB}") DataSize maxBody,
                           @Value("${compliance.import.max-body-size:32MB}") DataSize maxImport,
                           @Value("${compliance.http.max-log-size:2GB}") DataSize maxLog,
                           ProblemWriter problems) {
        this.maxBody = maxBody.toBytes();
        this.maxImport = maxImport.toBytes();
        this.maxLog = maxLog.toBytes();
        this.problems = problems;
    }

    /** Whether the request's body is an event-log export, streamed rather than read into memory. */
    public static boolean isStreamed(HttpServletRequest request) {
        String path = request.getRequestURI();
        return "POST".equals(request.getMethod())
                && (path.equals("/api/events/verify") || path.equals("/api/admin/events/import"));
    }

    /**
     * Only the API's bodies are read here. A page's form post is parsed by the servlet container as form fields or
     * parts, within its own limits ({@code server.tomcat.max-http-form-post-size}, {@code spring.servlet.multipart.*}),
     * and must reach it unread.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod())
                && !"PATCH".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        if (isStreamed(request)) {
            if (request.getContentLengthLong() > maxLog) {
                tooLarge(request, response, maxLog);
                return;
            }
            chain.doFilter(new LimitedBodyRequest(request, maxLog), response);
            return;
        }
        long limit = isImport(request) ? maxImport : maxBody;
        if (request.getContentLengthLong() > limit) {
            tooLarge(request, response, limit);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), limit);
        if (body == null) {
            tooLarge(request, response, limit);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private static boolean isImport(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/api/imports/");
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        response.setHeader("Connection", "close");
        problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, TOO_LARGE, "Payload too large",
                "The body is larger than the limit of " + limit + " bytes for this resource.");
    }

    /** The whole stream, or {@code null} if it holds more than {@code limit} bytes. */
    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > limit) {
                return null;
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    /** A request whose body is read as it arrives, and refused with 413 once it holds more than a limit. */
    static final class LimitedBodyRequest extends HttpServletRequestWrapper {
        private final long limit;

        LimitedBodyRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long total;

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("bodies are read synchronously");
                }

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = in.read(b, off, len);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) {
                    total += n;
                    if (total > limit) {
                        throw new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, TOO_LARGE, "Payload too large",
                                "The body is larger than the limit of " + limit + " bytes for this resource.");
                    }
                }
            };
        }
    }

    /** A request whose body has been read into memory. */
    public static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        public byte[] body() {
            return body;
        }

        /**
         * A request carrying {@code body} as if this filter had read it: the workspace's in-process calls of the
         * API's controllers, whose bodies it builds itself.
         */
        public static CachedBodyRequest of(HttpServletRequest request, byte[] body) {
            return new CachedBodyRequest(request, body);
        }

        /** The body read by this filter, found through any wrappers that later filters put around the request. */
        public static byte[] bodyOf(jakarta.servlet.ServletRequest request) {
            jakarta.servlet.ServletRequest current = request;
            while (true) {
                if (current instanceof CachedBodyRequest cached) {
                    return cached.body;
                }
                if (!(current instanceof jakarta.servlet.ServletRequestWrapper wrapper)) {
                    throw new IllegalStateException("the body limit filter did not read this request's body");
                }
                current = wrapper.getRequest();
            }
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("bodies are read synchronously");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            java.nio.charset.Charset charset = getCharacterEncoding() == null
                    ? java.nio.charset.StandardCharsets.UTF_8
                    : java.nio.charset.Charset.forName(getCharacterEncoding());
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), charset));
        }
    }
}
