package org.cybernorms.compliance.admin.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Parameter;
import org.cybernorms.compliance.http.FieldError;
import org.cybernorms.compliance.http.ProblemException;
import org.cybernorms.compliance.http.Problems;
import org.cybernorms.compliance.runtime.ProjectionReplay;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Rebuilds every read model from the event log, and shows how far the rebuild has come. */
@RestController
@RequestMapping(path = "/api/admin/projections/replay", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration", description = "Operating the tracker")
class ProjectionReplayController {

    private final ProjectionReplay replay;

    ProjectionReplayController(ProjectionReplay replay) {
        this.replay = replay;
    }

    record ProcessorBody(
            @Schema(example = "scorecards") String name,
            boolean running,
            boolean error,
            @Schema(example = "118", nullable = true, description = "The lowest position in the log its segments "
                    + "have processed") @JsonInclude(JsonInclude.Include.ALWAYS) Long position,
            @Schema(example = "240", nullable = true, description = "The position of the head of the log")
            @JsonInclude(JsonInclude.Include.ALWAYS) Long head) {
    }

    public record ReplayBody(
            @Schema(example = "running", allowableValues = {"idle", "running", "completed", "failed"})
            String status,
            @Schema(example = "2025-01-01T12:00:00Z", nullable = true)
            @JsonInclude(JsonInclude.Include.ALWAYS) Instant startedAt,
            @Schema(example = "2025-01-01T12:00:04Z", nullable = true)
            @JsonInclude(JsonInclude.Include.ALWAYS) Instant finishedAt,
            @Schema(description = "Why the replay failed; only when failed") String error,
            List<ProcessorBody> processors,
            @Schema(description = "While the bulk pass runs: how many events of the log it has read, of those up to "
                    + "head; absent otherwise") BulkBody bulk) {

        public static ReplayBody of(ProjectionReplay.Status status) {
            ProjectionReplay.Run run = status.run();
            return new ReplayBody(run.state().name().toLowerCase(Locale.ROOT), run.startedAt(), run.finishedAt(),
                    run.error(), status.processors().stream()
                    .map(p -> new ProcessorBody(p.name(), p.running(), p.error(), p.position(), p.head()))
                    .toList(),
                    status.bulk() == null ? null : new BulkBody(status.bulk().events(), status.bulk().head()));
        }
    }

    record BulkBody(@Schema(example = "250000") long eventsRead, @Schema(example = "1000000") Long head) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuild every read model from the event log",
            description = "Shuts down every streaming event processor and resets its tokens (clearing its read "
                    + "model). On the H2 and PostgreSQL stores the read models are then rebuilt in bulk (the log read "
                    + "in pages, rows written in batches, tokens set to the head that was read); under Axon Server "
                    + "the processors replay the log. Then the processors start again. Runs in the background: "
                    + "answers 202 at once with the progress; follow it with GET. 409 if a replay is already "
                    + "running. While it runs, reads show only what has been rebuilt so far.")
    ResponseEntity<ReplayBody> start(
            @Parameter(description = "bulk (default): read models with a bulk form are rebuilt in bulk where the "
                    + "event table is in this database; processors: every processor replays the log itself",
                    schema = @Schema(allowableValues = {"bulk", "processors"}))
            @RequestParam(name = "mode", defaultValue = "bulk") String mode) {
        boolean bulk = switch (mode) {
            case "bulk" -> true;
            case "processors" -> false;
            default -> throw new ProblemException(HttpStatus.BAD_REQUEST, Problems.INVALID_INPUT, "Invalid input",
                    "A parameter has the wrong form.")
                    .with("errors", List.of(new FieldError("mode", "must be bulk or processors")));
        };
        return ResponseEntity.accepted()
                .location(URI.create("/api/admin/projections/replay"))
                .body(ReplayBody.of(replay.start(bulk)));
    }

    @GetMapping
    @Operation(summary = "The state of the last replay (idle, running, completed or failed) and each processor's "
            + "position against the head of the log")
    ReplayBody status() {
        return ReplayBody.of(replay.status());
    }
}
