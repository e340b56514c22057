package org.cybernorms.compliance.eventlog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.cybernorms.compliance.shared.FactRejectedException;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * The event log for historians: every event as a CloudEvent, one per line (NDJSON), in order of its position in the
 * log; a filtered, paged read; the whole log as a hash-chained export; and the verification of an export. Every
 * answer is streamed: the log is read from the store in batches while the answer is written.
 */
@RestController
@Tag(name = "Event log", description = "The complete log of recorded events as CloudEvents 1.0 (docs/historians.md)")
class EventLogController {

    static final int MAX_LIMIT = LogFilter.MAX_LIMIT;
    static final int DEFAULT_LIMIT = LogFilter.DEFAULT_LIMIT;

    private final EventLog log;
    private final CloudEventLines lines;
    private final Clock clock;
    private final Duration settle;
    private final ObjectMapper json = new ObjectMapper();

    EventLogController(EventLog log, CloudEventLines lines, Clock clock,
                       @Value("${compliance.events.settle:2s}") Duration settle) {
        this.log = log;
        this.lines = lines;
        this.clock = clock;
        this.settle = settle;
    }

    @GetMapping(path = "/api/events", produces = CloudEventLines.NDJSON)
    @ApiResponse(responseCode = "200", description = "One CloudEvent (structured JSON) per line",
            content = @Content(mediaType = CloudEventLines.NDJSON))
    @ApiResponse(responseCode = "400", description = "A malformed or contradictory parameter",
            content = @Content(mediaType = "application/problem+json"))
    @Operation(summary = "A page of the event log, oldest first",
            description = "Events with a position (the CloudEvents `sequence`) above `after`, in order of position, "
                    + "at most `limit` (default " + DEFAULT_LIMIT + ", at most " + MAX_LIMIT + ") of those that "
                    + "pass every filter. Resume with after = the last `sequence` received. `from`/`to` filter on "
                    + "recorded time (the CloudEvents `time`): from <= time < to. `type` takes the short name "
                    + "(ViolationReported), the stable name or the full name with revision. A page ends early "
                    + "before an event that follows a gap in the positions and was recorded in the last few "
                    + "seconds, because a write with a lower position may still be committing: read again.")
    ResponseEntity<StreamingResponseBody> page(
            @Parameter(description = "Position after which to read (the last `sequence` seen; zero-padding "
                    + "optional); from the start if omitted", example = "0000000000000000042")
            @RequestParam(required = false) String after,
            @Parameter(description = "At most this many events, 1 to " + MAX_LIMIT, example = "100")
            @RequestParam(required = false) Integer limit,
            @Parameter(description = "Only events about this instrument", example = "un-gge-2015")
            @RequestParam(required = false) String instrument,
            @Parameter(description = "Only events about this state (ISO 3166-1 alpha-3)", example = "FRA")
            @RequestParam(required = false) String state,
            @Parameter(description = "Only events about this norm", example = "13f")
            @RequestParam(required = false) String norm,
            @Parameter(description = "Only events of this type: short, stable or full name",
                    example = "ViolationReported") @RequestParam(required = false) String type,
            @Parameter(description = "Only events recorded at or after this instant", example = "2025-01-01T00:00:00Z")
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE_TIME) Instant from,
            @Parameter(description = "Only events recorded before this instant", example = "2026-01-01T00:00:00Z")
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE_TIME) Instant to) {
        LogFilter filter = LogFilter.parse(after, limit, instrument, state, norm, type, from, to);
        Predicate<LogEvent> wanted = filter.wanted();
        int pageSize = filter.limit();
        Long afterPosition = filter.after();
        OptionalLong head = log.head();
        Long start = afterPosition;
        Instant settledBefore = clock.instant().minus(settle);
        StreamingResponseBody body = out -> {
            if (head.isEmpty()) {
                return;
            }
            try (LineWriter writer = new LineWriter(out)) {
                int[] written = {0};
                Long[] previous = {start};
                log.read(start, head.getAsLong(), event -> {
                    boolean afterGap = previous[0] != null && event.position() != previous[0] + 1;
                    if (afterGap && event.recordedAt().isAfter(settledBefore)) {
                        return false;
                    }
                    previous[0] = event.position();
                    if (wanted.test(event)) {
                        writer.write(lines.line(event));
                        written[0]++;
                    }
                    return written[0] < pageSize;
                });
            }
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(CloudEventLines.NDJSON)).body(body);
    }

    @GetMapping(path = "/api/events/export", produces = CloudEventLines.NDJSON)
    @ApiResponse(responseCode = "200", description = "The whole log, one hash-chained CloudEvent per line; the "
            + "header Log-Last-Sequence names the sequence of its last line (absent if the log is empty)",
            content = @Content(mediaType = CloudEventLines.NDJSON))
    @Operation(summary = "Export the whole event log, for a backup or a restore",
            description = "Every event up to the head of the log at the moment of the request, in order of "
                    + "position, each with the `chainhash` extension: SHA-256 (hex) of the previous line's "
                    + "chainhash (64 zeros before the first line) followed by this line's canonical form "
                    + "(docs/historians.md). Restore it with POST /api/admin/events/import; check it with "
                    + "POST /api/events/verify.")
    ResponseEntity<StreamingResponseBody> export() {
        OptionalLong head = log.head();
        StreamingResponseBody body = out -> {
            if (head.isEmpty()) {
                return;
            }
            try (LineWriter writer = new LineWriter(out)) {
                String[] previous = {HashChain.GENESIS};
                log.read(null, head.getAsLong(), event -> {
                    ObjectNode line = lines.line(event);
                    previous[0] = HashChain.next(previous[0], line);
                    line.put(HashChain.ATTRIBUTE, previous[0]);
                    writer.write(line);
                    return true;
                });
            }
        };
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CloudEventLines.NDJSON))
                .header("Content-Disposition", "attachment; filename=\"event-log.ndjson\"");
        if (head.isPresent()) {
            answer.header("Log-Last-Sequence", CloudEventLines.sequence(head.getAsLong()));
        }
        return answer.body(body);
    }

    @Schema(description = "Whether an export's hash chain holds, and if not, the first line that breaks it")
    record VerdictBody(
            @Schema(example = "true") boolean valid,
            @Schema(example = "240", description = "Lines that verified") long events,
            @Schema(example = "0000000000000000240", description = "The sequence of the last line that verified")
            @JsonInclude(JsonInclude.Include.ALWAYS) String lastSequence,
            @Schema(description = "The chainhash of the last line that verified") String lastHash,
            @Schema(example = "17", description = "The first line (from 1) that breaks the chain; null if valid")
            @JsonInclude(JsonInclude.Include.ALWAYS) Long brokenLine,
            @Schema(example = "line 17 has chainhash 3f... but its content and the line before give 9a...")
            String reason) {

        static VerdictBody of(ExportReader.Verdict verdict) {
            return new VerdictBody(verdict.valid(), verdict.events(), verdict.lastSequence(), verdict.lastHash(),
                    verdict.brokenLine(), verdict.reason());
        }
    }

    @PostMapping(path = "/api/events/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Verify the hash chain of an export",
            description = "Send an export (NDJSON, as GET /api/events/export wrote it) as the body. Answers 200 "
                    + "with valid true, or valid false with the first line (from 1) whose chainhash does not "
                    + "follow from its content and the line before (or that is not a JSON object). Read as it "
                    + "arrives: the body may be as large as compliance.http.max-log-size.")
    VerdictBody verify(HttpServletRequest request) throws IOException {
        return VerdictBody.of(ExportReader.verify(request.getInputStream()));
    }

    /** Writes JSON objects as lines of UTF-8. */
    private final class LineWriter implements AutoCloseable {
        private final OutputStream out;

        LineWriter(OutputStream out) {
            this.out = new BufferedOutputStream(out, 64 * 1024);
        }

        void write(ObjectNode line) {
            try {
                out.write(json.writeValueAsBytes(line));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
