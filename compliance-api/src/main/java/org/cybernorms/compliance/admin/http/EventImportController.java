package org.cybernorms.compliance.admin.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.cybernorms.compliance.eventlog.EventLogImport;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/** Restores an export of the event log into an empty installation. */
@RestController
@Tag(name = "Administration", description = "Operating the tracker")
class EventImportController {

    private final EventLogImport importer;

    EventImportController(EventLogImport importer) {
        this.importer = importer;
    }

    @Schema(description = "What the import restored, and the replay of the read models it started")
    record ImportBody(
            @Schema(example = "240", description = "Events restored") long imported,
            @Schema(example = "0000000000000000240") String lastSequence,
            @Schema(description = "The chainhash of the last line of the export") String lastHash,
            @Schema(example = "12", description = "Events of the tracker's own seed that the export's replaced")
            long replacedSeedEvents,
            @Schema(description = "The replay that rebuilds every read model; follow it with "
                    + "GET /api/admin/projections/replay") ProjectionReplayController.ReplayBody replay) {
    }

    @PostMapping(path = "/api/admin/events/import", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", description = "Restored; the read models are being rebuilt")
    @ApiResponse(responseCode = "409", description = "The store is not empty (/problems/store-not-empty)",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "The export does not verify or an event's envelope is "
            + "invalid (/problems/invalid-export, with the first failing line in `line`)",
            content = @Content(mediaType = "application/problem+json"))
    @Operation(summary = "Restore an export of the event log into an empty installation",
            description = "Send an export (NDJSON, as GET /api/events/export wrote it) as the body. The whole "
                    + "export is verified (hash chain, and each event's envelope) before anything is written; then "
                    + "every event is written in one transaction with its id, position, aggregate, payload, "
                    + "metadata and recorded time, and a replay rebuilds every read model. Refused, changing "
                    + "nothing, if the store holds any event besides the tracker's own seed of un-gge-2015.")
    ImportBody restore(HttpServletRequest request) throws IOException {
        EventLogImport.Result result = importer.restore(request.getInputStream());
        return new ImportBody(result.events(), result.lastSequence(), result.lastHash(),
                result.replacedSeedEvents(), ProjectionReplayController.ReplayBody.of(result.replay()));
    }
}
