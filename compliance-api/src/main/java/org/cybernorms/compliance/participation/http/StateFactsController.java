package org.cybernorms.compliance.participation.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cybernorms.compliance.http.Inputs;
import org.cybernorms.compliance.http.Limits;
import org.cybernorms.compliance.http.NotFoundException;
import org.cybernorms.compliance.participation.api.ParticipationAction;
import org.cybernorms.compliance.participation.api.ParticipationCommands;
import org.cybernorms.compliance.participation.api.PledgeId;
import org.cybernorms.compliance.runtime.FactRecorder;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** Records a state's pledges, treaty participation and reservations. */
@RestController
@RequestMapping(path = "/api/states/{state}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "State facts", description = "Pledges, treaty participation and reservations of a state")
class StateFactsController {

    private final FactRecorder recorder;

    StateFactsController(FactRecorder recorder) {
        this.recorder = recorder;
    }

    record PledgeRequest(
            @Schema(example = "un-gge-2015") @NotBlank @Size(max = Limits.CODE) String instrument,
            @Schema(example = "13f") @NotBlank @Size(max = Limits.CODE) String norm,
            @Schema(example = "2023-03-01") @NotNull LocalDate pledgedOn,
            @Schema(example = "We will not conduct or support ICT activity that damages critical infrastructure.")
            @NotBlank @Size(max = Limits.TEXT) String statement) {
    }

    record PledgeRecorded(@Schema(example = "3f2b8c1e-2d4a-4c6e-9a51-0d1f6f1b2a77") String pledgeId) {
    }

    record PledgeWithdrawalRequest(@Schema(example = "2024-05-01") @NotNull LocalDate withdrawnOn) {
    }

    record ParticipationRequest(
            @Schema(example = "un-gge-2015") @NotBlank @Size(max = Limits.CODE) String instrument,
            @Schema(example = "SIGNED") @NotNull ParticipationAction action,
            @Schema(example = "2016-01-15") @NotNull LocalDate date) {
    }

    record ReservationRequest(
            @Schema(example = "un-gge-2015") @NotBlank @Size(max = Limits.CODE) String instrument,
            @Schema(example = "13e") @NotBlank @Size(max = Limits.CODE) String norm,
            @Schema(example = "2016-01-15") @NotNull LocalDate enteredOn,
            @Schema(example = "The state reserves its position on the scope of this norm.")
            @NotBlank @Size(max = Limits.TEXT) String text) {
    }

    record ReservationWithdrawalRequest(
            @Schema(example = "un-gge-2015") @NotBlank @Size(max = Limits.CODE) String instrument,
            @Schema(example = "2019-06-30") @NotNull LocalDate withdrawnOn) {
    }

    record ObjectionRequest(
            @Schema(example = "draft-binding-2025") @NotBlank @Size(max = Limits.CODE) String instrument,
            @Schema(example = "DEU", description = "The state whose reservation is objected to")
            @NotBlank @Size(max = Limits.CODE) String reservingState,
            @Schema(example = "art3") @NotBlank @Size(max = Limits.CODE) String norm,
            @Schema(example = "2025-03-01") @NotNull LocalDate objectedOn,
            @Schema(example = "The reservation is incompatible with the object and purpose of the treaty.")
            @NotBlank @Size(max = Limits.TEXT) String text) {
    }

    /** What was recorded, echoed back. */
    record Recorded(String state, String instrument, String fact, LocalDate date) {
    }

    @PostMapping(path = "/pledges", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a pledge by the state to uphold a norm")
    PledgeRecorded pledge(@Parameter(example = "FRA") @PathVariable String state,
                          @Valid @RequestBody PledgeRequest body) {
        Inputs in = Inputs.check();
        StateCode stateCode = in.state("state", state);
        InstrumentId instrument = in.instrument("instrument", body.instrument());
        NormCode norm = in.norm("norm", body.norm());
        in.orThrow();
        PledgeId pledgeId = PledgeId.random();
        recorder.record(new ParticipationCommands.PledgeNorm(pledgeId, stateCode, instrument, norm, body.pledgedOn(),
                body.statement()));
        return new PledgeRecorded(pledgeId.value());
    }

    @PostMapping(path = "/pledges/{pledgeId}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the withdrawal of a pledge")
    Recorded withdrawPledge(@Parameter(example = "FRA") @PathVariable String state, @PathVariable String pledgeId,
                            @Valid @RequestBody PledgeWithdrawalRequest body) {
        Inputs in = Inputs.check();
        StateCode stateCode = in.state("state", state);
        in.orThrow();
        PledgeId id = PledgeId.parse(pledgeId)
                .orElseThrow(() -> new NotFoundException("No pledge with id '" + pledgeId + "' exists here."));
        recorder.record(new ParticipationCommands.WithdrawPledge(id, stateCode, body.withdrawnOn()));
        return new Recorded(stateCode.value(), null, "PledgeWithdrawn", body.withdrawnOn());
    }

    @PostMapping(path = "/participation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a participation step: SIGNED, RATIFIED, ACCEPTED, APPROVED, ACCEDED, DENOUNCED "
            + "(treaties) or WITHDREW (political instruments)")
    Recorded participation(@Parameter(example = "FRA") @PathVariable String state,
                           @Valid @RequestBody ParticipationRequest body) {
        Inputs in = Inputs.check();
        StateCode stateCode = in.state("state", state);
        InstrumentId instrument = in.instrument("instrument", body.instrument());
        in.orThrow();
        recorder.record(new ParticipationCommands.RecordParticipation(stateCode, instrument, body.action(),
                body.date()));
        return new Recorded(stateCode.value(), instrument.value(), body.action().name(), body.date());
    }

    @PostMapping(path = "/reservations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a reservation entered by the state on a norm")
    Recorded reserve(@Parameter(example = "FRA") @PathVariable String state,
                     @Valid @RequestBody ReservationRequest body) {
        Inputs in = Inputs.check();
        StateCode stateCode = in.state("state", state);
        InstrumentId instrument = in.instrument("instrument", body.instrument());
        NormCode norm = in.norm("norm", body.norm());
        in.orThrow();
        recorder.record(new ParticipationCommands.EnterReservation(stateCode, instrument, norm, body.enteredOn(),
                body.text()));
        return new Recorded(stateCode.value(), instrument.value(), "ReservationEntered", body.enteredOn());
    }

    @PostMapping(path = "/objections", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record the state's objection to another state's reservation on a treaty provision",
            description = "Only a state that has consented to the treaty may object (409 otherwise).")
    Recorded object(@Parameter(example = "FRA") @PathVariable String state,
                    @Valid @RequestBody ObjectionRequest body) {
        Inputs in = Inputs.check();
        StateCode stateCode = in.state("state", state);
        InstrumentId instrument = in.instrument("instrument", body.instrument());
        StateCode reserving = in.state("reservingState", body.reservingState());
        NormCode norm = in.norm("norm", body.norm());
        in.orThrow();
        recorder.record(new ParticipationCommands.EnterObjection(stateCode, instrument, reserving, norm,
                body.objectedOn(), body.text()));
        return new Recorded(stateCode.value(), instrument.value(), "ObjectionEntered", body.objectedOn());
    }

    @PostMapping(path = "/reservations/{norm}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the withdrawal of a reservation")
    Recorded withdrawReservation(@Parameter(example = "FRA") @PathVariable String state,
                                 @Parameter(example = "13e") @PathVariable("norm") String normCode,
                                 @Valid @RequestBody ReservationWithdrawalRequest body) {
        Inputs in = Inputs.check();
        StateCode stateCode = in.state("state", state);
        InstrumentId instrument = in.instrument("instrument", body.instrument());
        NormCode norm = in.norm("norm", normCode);
        in.orThrow();
        recorder.record(new ParticipationCommands.WithdrawReservation(stateCode, instrument, norm,
                body.withdrawnOn()));
        return new Recorded(stateCode.value(), instrument.value(), "ReservationWithdrawn", body.withdrawnOn());
    }
}
