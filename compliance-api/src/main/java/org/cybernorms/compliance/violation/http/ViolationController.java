package org.cybernorms.compliance.violation.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cybernorms.compliance.http.Inputs;
import org.cybernorms.compliance.http.Limits;
import org.cybernorms.compliance.http.NotFoundException;
import org.cybernorms.compliance.runtime.EventStreams;
import org.cybernorms.compliance.runtime.FactRecorder;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.cybernorms.compliance.violation.api.Severity;
import org.cybernorms.compliance.violation.api.ViolationCommands;
import org.cybernorms.compliance.violation.api.ViolationId;
import org.cybernorms.compliance.violation.view.ViolationView;
import org.cybernorms.compliance.security.Roles;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/** Records violation reports and their lifecycle, including the state's right of reply. */
@RestController
@RequestMapping(path = "/api/violations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Violations", description = "Reports of violations of norms by states")
class ViolationController {

    private final FactRecorder recorder;
    private final EventStreams streams;

    ViolationController(FactRecorder recorder, EventStreams streams) {
        this.recorder = recorder;
        this.streams = streams;
    }

    record ReportRequest(
            @Schema(example = "RUS") @NotBlank @Size(max = Limits.CODE) String state,
            @Schema(example = "un-gge-2015") @NotBlank @Size(max = Limits.CODE) String instrument,
            @Schema(example = "13f") @NotBlank @Size(max = Limits.CODE) String norm,
            @Schema(example = "2022-02-24") @NotNull LocalDate occurredOn,
            @Schema(example = "2022-03-01", description = "Date of the report; today if omitted") LocalDate reportedOn,
            @Schema(example = "HIGH") @NotNull Severity severity,
            @Schema(example = "Wiper malware disabled satellite modems used by critical infrastructure")
            @NotBlank @Size(max = Limits.TEXT) String summary,
            @ArraySchema(schema = @Schema(example = "https://example.org/advisory/2022-001"),
                    maxItems = Limits.EVIDENCE_LINKS)
            @Size(max = Limits.EVIDENCE_LINKS) List<@NotBlank @Size(max = Limits.URL) String> evidence,
            @Schema(example = "European Repository of Cyber Incidents", description = "Who reports it; optional")
            @Size(max = Limits.TITLE) String reportingBody) {
    }

    record Reported(@Schema(example = "0b7e9d3c-5f0a-4c59-9a8e-7e2f8c4b1a22") String violationId) {
    }

    record ReviewRequest(@Schema(example = "2022-03-10") @NotNull LocalDate startedOn) {
    }

    record ConfirmationRequest(@Schema(example = "2022-05-10") @NotNull LocalDate confirmedOn,
                               @Schema(example = "Attribution confirmed by several governments")
                               @NotBlank @Size(max = Limits.TEXT) String finding) {
    }

    record DismissalRequest(@Schema(example = "2022-05-10") @NotNull LocalDate dismissedOn,
                            @Schema(example = "Insufficient evidence of state involvement")
                            @NotBlank @Size(max = Limits.TEXT) String reason) {
    }

    record ResponseRequest(@Schema(example = "2022-05-20") @NotNull LocalDate respondedOn,
                           @Schema(example = "The state rejects the attribution.")
                           @NotBlank @Size(max = Limits.TEXT) String text) {
    }

    record RemedyRequest(@Schema(example = "2023-01-10") @NotNull LocalDate remediedOn,
                         @Schema(example = "Compensation agreed and infrastructure restored")
                         @NotBlank @Size(max = Limits.TEXT) String note) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Report a violation of a norm by a state")
    ResponseEntity<Reported> report(@Valid @RequestBody ReportRequest body) {
        Inputs in = Inputs.check();
        StateCode state = in.state("state", body.state());
        InstrumentId instrument = in.instrument("instrument", body.instrument());
        NormCode norm = in.norm("norm", body.norm());
        in.orThrow();
        ViolationId id = ViolationId.random();
        recorder.record(new ViolationCommands.ReportViolation(id, state, instrument, norm, body.occurredOn(),
                body.reportedOn(), body.severity(), body.summary(), body.evidence(), body.reportingBody()));
        return ResponseEntity.created(URI.create("/api/violations/" + id)).body(new Reported(id.value()));
    }

    @PostMapping(path = "/{id}/review", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the start of the review of a report")
    ViolationView review(@PathVariable String id, @Valid @RequestBody ReviewRequest body) {
        ViolationId violationId = parse(id);
        recorder.record(new ViolationCommands.StartReview(violationId, body.startedOn()));
        return view(violationId);
    }

    @PostMapping(path = "/{id}/confirmation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record that the reported violation was confirmed")
    ViolationView confirm(@PathVariable String id, @Valid @RequestBody ConfirmationRequest body) {
        ViolationId violationId = parse(id);
        recorder.record(new ViolationCommands.ConfirmViolation(violationId, body.confirmedOn(), body.finding()));
        return view(violationId);
    }

    @PostMapping(path = "/{id}/dismissal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record that the report was dismissed")
    ViolationView dismiss(@PathVariable String id, @Valid @RequestBody DismissalRequest body) {
        ViolationId violationId = parse(id);
        recorder.record(new ViolationCommands.DismissViolation(violationId, body.dismissedOn(), body.reason()));
        return view(violationId);
    }

    @PostMapping(path = "/{id}/response", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the state's response to the report (its right of reply)", description = "A monitor or admin may record it; a STATE role may answer only reports against its own state.")
    ViolationView respond(@PathVariable String id, @Valid @RequestBody ResponseRequest body,
                          Authentication caller) {
        ViolationId violationId = parse(id);
        if (!Roles.mayAnswerFor(caller, view(violationId).state)) {
            throw new AccessDeniedException("a state may answer only reports against itself");
        }
        recorder.record(new ViolationCommands.RespondToViolation(violationId, body.respondedOn(), body.text()));
        return view(violationId);
    }

    @PostMapping(path = "/{id}/remedy", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record that a confirmed violation was remedied")
    ViolationView remedy(@PathVariable String id, @Valid @RequestBody RemedyRequest body) {
        ViolationId violationId = parse(id);
        recorder.record(new ViolationCommands.RemedyViolation(violationId, body.remediedOn(), body.note()));
        return view(violationId);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A report's current status, the state's responses, and the dated history of its events")
    ViolationView get(@PathVariable String id) {
        return view(parse(id));
    }

    private ViolationView view(ViolationId id) {
        ViolationView view = ViolationView.of(streams.of(id.value()));
        if (view == null) {
            throw notFound(id.value());
        }
        return view;
    }

    private static ViolationId parse(String id) {
        return ViolationId.parse(id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("No violation report with id '" + id + "' exists here.");
    }
}
