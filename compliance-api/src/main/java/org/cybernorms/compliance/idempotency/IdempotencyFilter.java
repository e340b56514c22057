package org.cybernorms.compliance.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cybernorms.compliance.http.BodyLimitFilter;
import org.cybernorms.compliance.http.ProblemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Honours {@code Idempotency-Key} on every POST. Keys are scoped to the caller. The first request with a key is
 * handled and its answer remembered; a retry with the same key and the same body gets the same answer again
 * (marked {@code Idempotent-Replayed: true}) and stores nothing; the same key with a different body gets 422; a
 * retry while the first is still being handled gets 409, retryable. Answers of 5xx are not remembered, so a retry
 * runs again. Keys live in the database, so they survive a restart, and are kept for
 * {@code compliance.idempotency.retention} (48 hours; at least 24 are promised).
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final URI KEY_REUSED = URI.create("/problems/idempotency-key-reused");
    public static final URI IN_PROGRESS = URI.create("/problems/request-in-progress");
    public static final URI INVALID_KEY = URI.create("/problems/invalid-idempotency-key");
    private static final Pattern KEY_SHAPE = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final IdempotencyRecords records;
    private final TransactionTemplate transactions;
    private final ProblemWriter problems;
    private final Clock clock;
    private final Duration retention;

    public IdempotencyFilter(IdempotencyRecords records, TransactionTemplate transactions, ProblemWriter problems,
                             Clock clock, @Value("${compliance.idempotency.retention:48h}") Duration retention) {
        this.records = records;
        this.transactions = transactions;
        this.problems = problems;
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || BodyLimitFilter.isStreamed(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!KEY_SHAPE.matcher(key).matches()) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, INVALID_KEY, "Invalid idempotency key",
                    "An Idempotency-Key is 1 to 200 printable ASCII characters.");
            return;
        }
        byte[] body = BodyLimitFilter.CachedBodyRequest.bodyOf(request);
        String id = sha256(caller() + "\n" + key);
        String requestHash = sha256(request.getMethod() + " " + request.getRequestURI() + "?"
                + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n"
                + new String(body, StandardCharsets.UTF_8));

        Optional<IdempotencyRecord> existing = records.findById(id);
        if (existing.isEmpty() && !claim(id, requestHash)) {
            existing = records.findById(id);
        }
        if (existing.isPresent()) {
            answerFromRecord(request, response, existing.get(), requestHash);
            return;
        }

        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        boolean remembered = false;
        try {
            chain.doFilter(request, wrapper);
            int status = wrapper.getStatus();
            if (status < 500) {
                String answer = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
                transactions.executeWithoutResult(tx -> records.findById(id).ifPresent(record -> {
                    record.complete(status, wrapper.getContentType(), wrapper.getHeader("Location"), answer);
                    records.save(record);
                }));
                remembered = true;
            }
        } finally {
            if (!remembered) {
                transactions.executeWithoutResult(tx -> records.deleteById(id));
            }
            wrapper.copyBodyToResponse();
        }
    }

    /** Records that this key is being handled; false if another request holds it already. */
    private boolean claim(String id, String requestHash) {
        try {
            transactions.executeWithoutResult(tx ->
                    records.saveAndFlush(new IdempotencyRecord(id, requestHash, clock.instant())));
            return true;
        } catch (DataIntegrityViolationException e) {
            return false;
        }
    }

    private void answerFromRecord(HttpServletRequest request, HttpServletResponse response, IdempotencyRecord record,
                                  String requestHash) throws IOException {
        if (!record.requestHash().equals(requestHash)) {
            problems.write(request, response, HttpStatus.UNPROCESSABLE_ENTITY, KEY_REUSED,
                    "Idempotency key reused",
                    "This Idempotency-Key was already used with a different request. Use a new key for a new request.");
            return;
        }
        if (record.inProgress()) {
            problems.write(request, response, HttpStatus.CONFLICT, IN_PROGRESS, "Request in progress",
                    "A request with this Idempotency-Key is still being handled. Retry shortly.",
                    Map.of("retryable", true));
            return;
        }
        response.setStatus(record.status());
        response.setHeader("Idempotent-Replayed", "true");
        if (record.contentType() != null) {
            response.setContentType(record.contentType());
        }
        if (record.location() != null) {
            response.setHeader("Location", record.location());
        }
        if (record.body() != null) {
            response.getOutputStream().write(record.body().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Forgets keys older than the retention period; runs hourly. */
    @Scheduled(fixedDelayString = "${compliance.idempotency.cleanup-interval:1h}", initialDelay = 60_000)
    public int forgetExpiredKeys() {
        return records.deleteOlderThan(clock.instant().minus(retention));
    }

    private static String caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "anonymous" : authentication.getName();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
