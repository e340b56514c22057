package org.cybernorms.compliance.importing.http;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.cybernorms.compliance.importing.ImportReport;
import org.cybernorms.compliance.importing.eurepoc.EurepocFormatException;
import org.cybernorms.compliance.importing.eurepoc.EurepocImporter;
import org.cybernorms.compliance.shared.FactRejectedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Loads datasets of cyber incidents compiled by research consortia, in one step. Meant for monitoring bodies; every
 * path is under {@code /api/imports}, so that access can be granted by path.
 */
@RestController
@RequestMapping(path = "/api/imports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Imports", description = "Datasets of cyber incidents loaded in one step")
class ImportController {

    static final String TEXT_CSV = "text/csv";

    private final EurepocImporter eurepoc;

    /** The body is bounded before it gets here, by BodyLimitFilter ({@code compliance.import.max-body-size}). */
    ImportController(EurepocImporter eurepoc) {
        this.eurepoc = eurepoc;
    }

    @PostMapping(path = "/eurepoc", consumes = TEXT_CSV)
    @Operation(summary = "Import the EuRepoC Global Database 1.1 (CSV)", description = """
            Each incident attributed to one or more states (attribution category "State") becomes one violation \
            report per distinct state, against a norm of un-gge-2015 chosen from the incident's fields, with a \
            severity from its weighted cyber intensity, the incident's source URLs as evidence, the reporting body \
            "EuRepoC Global Database 1.1", and its provenance (dataset, version, incident ID, source URLs) in the \
            metadata of every event. Violation ids derive from dataset, version, incident ID and state, so a second \
            import of the same file creates nothing and counts those rows as ALREADY_IMPORTED. A row's problems \
            never stop the other rows; a file that is not of this format is refused whole (400) and nothing is \
            recorded. See docs/import-eurepoc.md for the rules.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "The CSV file as published (UTF-8 unless the Content-Type names a charset)",
                    content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string"))))
    ImportReport.View importEurepoc(
            @Parameter(description = "Also record review and confirmation of each new violation, for a dataset "
                    + "the monitoring body trusts; both dated on the attribution date, else the start date")
            @RequestParam(defaultValue = "false") boolean confirm,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            InputStream body) {
        Reader csv = new InputStreamReader(body, charset(contentType));
        try {
            return eurepoc.importCsv(csv, confirm);
        } catch (EurepocFormatException e) {
            throw new FactRejectedException(e.problems().stream()
                    .map(problem -> new FactRejectedException.FieldProblem("body", problem)).toList());
        }
    }

    private static Charset charset(String contentType) {
        try {
            Charset charset = contentType == null ? null : MediaType.parseMediaType(contentType).getCharset();
            return charset == null ? StandardCharsets.UTF_8 : charset;
        } catch (IllegalArgumentException e) {
            throw new FactRejectedException("Content-Type", "names a charset that is not supported");
        }
    }
}
