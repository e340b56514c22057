package org.cybernorms.compliance.participation.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cybernorms.compliance.assistance.api.OrganisationId;
import org.cybernorms.compliance.http.Inputs;
import org.cybernorms.compliance.http.Limits;
import org.cybernorms.compliance.participation.api.OrganisationParticipationCommands;
import org.cybernorms.compliance.participation.api.ParticipationAction;
import org.cybernorms.compliance.runtime.FactRecorder;
import org.cybernorms.compliance.shared.InstrumentId;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/**
 * Records a registered organisation's participation in a treaty that admits organisations, such as the European
 * Union's signature of the UN Convention against Cybercrime (docs/treaties.md).
 */
@RestController
@Tag(name = "State facts", description = "Pledges, treaty participation and reservations of a state")
class OrganisationParticipationController {

    private final FactRecorder recorder;

    OrganisationParticipationController(FactRecorder recorder) {
        this.recorder = recorder;
    }

    record ParticipationRequest(
            @Schema(example = "draft-binding-2025") @NotBlank @Size(max = Limits.CODE) String instrument,
            @Schema(example = "SIGNED") @NotNull ParticipationAction action,
            @Schema(example = "2025-10-25") @NotNull LocalDate date) {
    }

    record Recorded(String participant, String instrument, String fact, LocalDate date) {
    }

    @PostMapping(path = "/api/organisations/{organisationId}/participation",
            consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a registered organisation's step under a treaty that admits organisations",
            description = "SIGNED, RATIFIED, ACCEPTED, APPROVED, ACCEDED or DENOUNCED, with the rules of a state's "
                    + "steps under a treaty. The organisation must be registered (POST /api/assistance/organisations) "
                    + "by the date, and the treaty must admit organisations: 400 otherwise.")
    Recorded participation(@Parameter(example = "eu") @PathVariable String organisationId,
                           @Valid @RequestBody ParticipationRequest body) {
        Inputs in = Inputs.check();
        OrganisationId organisation = in.organisation("organisationId", organisationId);
        InstrumentId instrument = in.instrument("instrument", body.instrument());
        in.orThrow();
        recorder.record(new OrganisationParticipationCommands.RecordOrganisationParticipation(organisation,
                instrument, body.action(), body.date()));
        return new Recorded("org:" + organisation.value(), instrument.value(), body.action().name(), body.date());
    }
}
