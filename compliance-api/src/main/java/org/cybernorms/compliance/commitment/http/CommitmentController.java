package org.cybernorms.compliance.commitment.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cybernorms.compliance.commitment.api.CommitmentCommands;
import org.cybernorms.compliance.commitment.api.CommitmentId;
import org.cybernorms.compliance.commitment.view.CommitmentView;
import org.cybernorms.compliance.http.Inputs;
import org.cybernorms.compliance.http.Limits;
import org.cybernorms.compliance.http.NotFoundException;
import org.cybernorms.compliance.runtime.EventStreams;
import org.cybernorms.compliance.runtime.FactRecorder;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;

/** Records commitments and their lifecycle, and shows each one with its dated history. */
@RestController
@RequestMapping(path = "/api/commitments", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Commitments", description = "Commitments made by states under norms")
class CommitmentController {

    private final FactRecorder recorder;
    private final EventStreams streams;

    CommitmentController(FactRecorder recorder, EventStreams streams) {
        this.recorder = recorder;
        this.streams = streams;
    }

    record MakeRequest(
            @Schema(example = "FRA") @NotBlank @Size(max = Limits.CODE) String state,
            @Schema(example = "un-gge-2015") @NotBlank @Size(max = Limits.CODE) String instrument,
            @Schema(example = "13g") @NotBlank @Size(max = Limits.CODE) String norm,
            @Schema(example = "Adopt a national critical-infrastructure protection strategy")
            @NotBlank @Size(max = Limits.TEXT) String description,
            @Schema(example = "2023-01-15") @NotNull LocalDate madeOn,
            @Schema(example = "2024-06-01") @NotNull LocalDate dueOn) {
    }

    record Made(@Schema(example = "6d0c8f0e-7f39-4c55-b7a4-1c1f3a0e9b11") String commitmentId) {
    }

    record ProgressRequest(@Schema(example = "2023-09-01") @NotNull LocalDate reportedOn,
                           @Schema(example = "Draft strategy published for consultation")
                           @NotBlank @Size(max = Limits.TEXT) String note) {
    }

    record FulfilmentRequest(@Schema(example = "2024-05-20") @NotNull LocalDate fulfilledOn,
                             @Schema(example = "Strategy adopted by decree, published in the official journal")
                             @NotBlank @Size(max = Limits.TEXT) String evidence) {
    }

    record WithdrawalRequest(@Schema(example = "2024-02-01") @NotNull LocalDate withdrawnOn,
                             @Schema(example = "Superseded by a regional framework")
                             @NotBlank @Size(max = Limits.TEXT) String reason) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a commitment made by a state under a norm")
    ResponseEntity<Made> make(@Valid @RequestBody MakeRequest body) {
        Inputs in = Inputs.check();
        StateCode state = in.state("state", body.state());
        InstrumentId instrument = in.instrument("instrument", body.instrument());
        NormCode norm = in.norm("norm", body.norm());
        in.orThrow();
        CommitmentId id = CommitmentId.random();
        recorder.record(new CommitmentCommands.MakeCommitment(id, state, instrument, norm, body.description(),
                body.madeOn(), body.dueOn()));
        return ResponseEntity.created(URI.create("/api/commitments/" + id)).body(new Made(id.value()));
    }

    @PostMapping(path = "/{id}/progress", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record progress on a commitment")
    CommitmentView progress(@PathVariable String id, @Valid @RequestBody ProgressRequest body) {
        CommitmentId commitmentId = parse(id);
        recorder.record(new CommitmentCommands.ReportCommitmentProgress(commitmentId, body.reportedOn(),
                body.note()));
        return view(commitmentId);
    }

    @PostMapping(path = "/{id}/fulfilment", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the fulfilment of a commitment")
    CommitmentView fulfil(@PathVariable String id, @Valid @RequestBody FulfilmentRequest body) {
        CommitmentId commitmentId = parse(id);
        recorder.record(new CommitmentCommands.FulfilCommitment(commitmentId, body.fulfilledOn(), body.evidence()));
        return view(commitmentId);
    }

    @PostMapping(path = "/{id}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the withdrawal of a commitment")
    CommitmentView withdraw(@PathVariable String id, @Valid @RequestBody WithdrawalRequest body) {
        CommitmentId commitmentId = parse(id);
        recorder.record(new CommitmentCommands.WithdrawCommitment(commitmentId, body.withdrawnOn(), body.reason()));
        return view(commitmentId);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A commitment's current status, with the dated history of its events")
    CommitmentView get(@PathVariable String id) {
        return view(parse(id));
    }

    private CommitmentView view(CommitmentId id) {
        CommitmentView view = CommitmentView.of(streams.of(id.value()));
        if (view == null) {
            throw notFound(id.value());
        }
        return view;
    }

    private static CommitmentId parse(String id) {
        return CommitmentId.parse(id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("No commitment with id '" + id + "' exists here.");
    }
}
