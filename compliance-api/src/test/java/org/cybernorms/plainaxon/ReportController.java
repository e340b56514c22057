package org.cybernorms.plainaxon;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

/** POST answers once the command is handled (stored), as a plain Axon application's controller does. */
@RestController
class ReportController {

    record FileRequest(String state, String norm, String summary) {
    }

    record NoteRequest(String text) {
    }

    private final CommandGateway commands;

    ReportController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/reports")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> file(@RequestBody FileRequest body) {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new Report.FileReport(id, body.state(), body.norm(), body.summary()));
        return Map.of("reportId", id);
    }

    @PostMapping("/reports/{id}/notes")
    Map<String, String> note(@PathVariable String id, @RequestBody NoteRequest body) {
        commands.sendAndWait(new Report.AddNote(id, body.text()));
        return Map.of("reportId", id);
    }
}
