package org.cybernorms.compliance.importing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The arithmetic of the report: one outcome per row, violations counted apart. */
class ImportReportTest {

    @Test
    void rowOutcomesAddUpToTheRowsRead() {
        ImportReport report = new ImportReport("D", "1", "run", false, 5);
        report.row(1, "a", RowOutcome.IMPORTED, null);
        report.violationCreated(created(1, "CHN"));
        report.violationCreated(created(1, "RUS"));
        report.row(2, "b", RowOutcome.NO_ATTRIBUTION, "none");
        report.row(3, "c", RowOutcome.NO_ATTRIBUTION, "none");
        report.row(4, "d", RowOutcome.ALREADY_IMPORTED, null);
        report.violationAlreadyImported();
        report.row(5, "e", RowOutcome.UNKNOWN_COUNTRY, "no country known by the name 'Atlantis'");
        report.unresolvedCountries(List.of("Atlantis"));

        ImportReport.View view = report.view(Duration.ofMillis(12));

        assertThat(view.rowsRead()).isEqualTo(5);
        assertThat(view.rowsImported()).isEqualTo(1);
        assertThat(view.rowsSkipped()).isEqualTo(4);
        assertThat(view.rowsImported() + view.rowsSkipped()).isEqualTo(view.rowsRead());
        assertThat(view.skipped().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(view.rowsSkipped());
        assertThat(view.skipped()).containsEntry("NO_ATTRIBUTION", 2L).containsEntry("ALREADY_IMPORTED", 1L)
                .containsEntry("UNKNOWN_COUNTRY", 1L).containsEntry("INVALID_DATE", 0L)
                .doesNotContainKey("IMPORTED");
        assertThat(view.skipped().keySet()).first().isEqualTo("MALFORMED_ROW");
        assertThat(view.violationsCreated()).isEqualTo(2);
        assertThat(view.violationsAlreadyImported()).isEqualTo(1);
        assertThat(view.unresolvedCountries()).containsEntry("Atlantis", 1);
        assertThat(view.problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo("UNKNOWN_COUNTRY"));
        assertThat(view.durationMillis()).isEqualTo(12);
    }

    @Test
    void listsAtMostOneHundredProblemsAndCountsTheRest() {
        ImportReport report = new ImportReport("D", "1", "run", false, 130);
        for (int row = 130; row >= 1; row--) {
            report.row(row, "i" + row, RowOutcome.INVALID_DATE, "no date");
        }

        ImportReport.View view = report.view(Duration.ZERO);

        assertThat(view.problems()).hasSize(ImportReport.MAX_PROBLEMS);
        assertThat(view.problemsOmitted()).isEqualTo(30);
        assertThat(view.problems().get(0).row()).isLessThan(view.problems().get(1).row());
    }

    private static ImportReport.Created created(long row, String state) {
        return new ImportReport.Created(row, "a", "id-" + state, state, "13a", "LOW", "REPORTED");
    }
}
