package org.cybernorms.compliance.importing;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The account of one import, filled in as rows are decided and their commands answered (from several threads).
 * Rows and violations are counted apart: every row read has exactly one {@link RowOutcome}, so the row counts add up
 * to the rows read; a row that names several states gives several violations.
 */
public final class ImportReport {

    /** At most this many problems are listed one by one; the rest are counted in {@code problemsOmitted}. */
    public static final int MAX_PROBLEMS = 100;

    private final String dataset;
    private final String datasetVersion;
    private final String importId;
    private final boolean confirm;
    private final long rowsRead;
    private final EnumMap<RowOutcome, Long> outcomes = new EnumMap<>(RowOutcome.class);
    private long violationsCreated;
    private long violationsConfirmed;
    private long violationsAlreadyImported;
    private long violationsRejected;
    private long evidenceLinksDropped;
    private final Map<String, Integer> unresolvedCountries = new TreeMap<>();
    private final List<Created> created = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private int problemsOmitted;

    public ImportReport(String dataset, String datasetVersion, String importId, boolean confirm, long rowsRead) {
        this.dataset = dataset;
        this.datasetVersion = datasetVersion;
        this.importId = importId;
        this.confirm = confirm;
        this.rowsRead = rowsRead;
        for (RowOutcome outcome : RowOutcome.values()) {
            outcomes.put(outcome, 0L);
        }
    }

    /** The one outcome of a row; rows worth attention are also listed as problems. */
    public synchronized void row(long row, String incidentId, RowOutcome outcome, String detail) {
        outcomes.merge(outcome, 1L, Long::sum);
        if (outcome.worthAttention()) {
            problem(new Problem(row, incidentId, null, outcome.name(), detail));
        }
    }

    /** State names in a row that no country source knows, counted once per row. */
    public synchronized void unresolvedCountries(List<String> names) {
        names.forEach(name -> unresolvedCountries.merge(name, 1, Integer::sum));
    }

    public synchronized void evidenceLinksDropped(int count) {
        evidenceLinksDropped += count;
    }

    public synchronized void violationCreated(Created violation) {
        violationsCreated++;
        created.add(violation);
    }

    public synchronized void violationConfirmed() {
        violationsConfirmed++;
    }

    public synchronized void violationAlreadyImported() {
        violationsAlreadyImported++;
    }

    public synchronized void violationRejected(long row, String incidentId, String state, String detail) {
        violationsRejected++;
        problem(new Problem(row, incidentId, state, RowOutcome.REJECTED.name(), detail));
    }

    /** A violation was created but its review or confirmation was refused: it stays as reported. */
    public synchronized void confirmationRefused(long row, String incidentId, String state, String detail) {
        problem(new Problem(row, incidentId, state, "CONFIRMATION_REFUSED", detail));
    }

    private void problem(Problem problem) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        } else {
            problemsOmitted++;
        }
    }

    public synchronized View view(Duration took) {
        Map<String, Long> skipped = new LinkedHashMap<>();
        long rowsSkipped = 0;
        for (Map.Entry<RowOutcome, Long> entry : outcomes.entrySet()) {
            if (entry.getKey() != RowOutcome.IMPORTED) {
                skipped.put(entry.getKey().name(), entry.getValue());
                rowsSkipped += entry.getValue();
            }
        }
        List<Created> createdInOrder = new ArrayList<>(created);
        createdInOrder.sort(Comparator.comparingLong(Created::row).thenComparing(Created::state));
        List<Problem> problemsInOrder = new ArrayList<>(problems);
        problemsInOrder.sort(Comparator.comparingLong(Problem::row));
        return new View(dataset, datasetVersion, importId, confirm, rowsRead, outcomes.get(RowOutcome.IMPORTED),
                rowsSkipped, skipped, violationsCreated, violationsConfirmed, violationsAlreadyImported,
                violationsRejected, new TreeMap<>(unresolvedCountries), evidenceLinksDropped, createdInOrder,
                problemsInOrder, problemsOmitted, took.toMillis());
    }

    /** A violation report that this import created. */
    public record Created(
            @Schema(example = "412") long row,
            @Schema(example = "1234") String incidentId,
            @Schema(example = "0b7e9d3c-5f0a-3c59-9a8e-7e2f8c4b1a22") String violationId,
            @Schema(example = "RUS") String state,
            @Schema(example = "13f") String norm,
            @Schema(example = "HIGH") String severity,
            @Schema(example = "REPORTED", description = "REPORTED, or CONFIRMED when the import confirms")
            String status) {
    }

    /** A row or violation that needs a look: why it was not imported, or why its confirmation was refused. */
    public record Problem(
            @Schema(example = "17", description = "1-based data row of the file (the header is row 0)") long row,
            @Schema(example = "1234") String incidentId,
            @Schema(example = "CHN", description = "the state, when the problem concerns one violation") String state,
            @Schema(example = "UNKNOWN_COUNTRY") String reason,
            @Schema(example = "no country known by the name 'Asia (region)'") String detail) {
    }

    /** The answer of an import. */
    @Schema(name = "ImportReport", description = """
            The account of an import. Every row read has exactly one outcome: rowsImported + rowsSkipped = rowsRead, \
            and the values of skipped add up to rowsSkipped. Violations are counted apart, because a row that \
            attributes an incident to several states gives one violation per state.""")
    public record View(
            @Schema(example = "EuRepoC Global Database") String dataset,
            @Schema(example = "1.1") String datasetVersion,
            @Schema(description = "id of this import run, also in the metadata of every event it stored")
            String importId,
            @Schema(description = "whether the import also recorded review and confirmation") boolean confirm,
            @Schema(example = "1643", description = "data rows in the file (the header is not a row)") long rowsRead,
            @Schema(description = "rows from which at least one violation was created") long rowsImported,
            @Schema(description = "rows from which no violation was created") long rowsSkipped,
            @Schema(description = "skipped rows by reason, in the order the reasons are checked")
            Map<String, Long> skipped,
            long violationsCreated,
            @Schema(description = "created and also reviewed and confirmed (with confirm=true)")
            long violationsConfirmed,
            @Schema(description = "violations that existed already: this incident and state were imported before")
            long violationsAlreadyImported,
            @Schema(description = "violations that the record refused; see problems") long violationsRejected,
            @Schema(description = "state names no country source knows, with the number of rows naming each")
            Map<String, Integer> unresolvedCountries,
            @Schema(description = "source links left out of the evidence: not absolute http(s), too long, or "
                    + "beyond 100 per report") long evidenceLinksDropped,
            List<Created> created,
            @Schema(description = "rows and violations worth a look, at most 100") List<Problem> problems,
            int problemsOmitted,
            long durationMillis) {
    }
}
