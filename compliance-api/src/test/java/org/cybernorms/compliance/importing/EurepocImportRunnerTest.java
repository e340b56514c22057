package org.cybernorms.compliance.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cybernorms.compliance.importing.eurepoc.EurepocCsv;
import org.cybernorms.compliance.importing.eurepoc.EurepocDataset;
import org.cybernorms.compliance.shared.StateCode;
import org.cybernorms.compliance.support.ImportStoreTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command-line import (--compliance.import.eurepoc=FILE): the same import, a report on standard output. */
class EurepocImportRunnerTest extends ImportStoreTest {

    @Autowired
    EurepocImportRunner runner;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void importsAFileAndPrintsTheReport() throws IOException {
        Path file = dir.resolve("incidents.csv");
        Files.writeString(file, String.join(",", EurepocCsv.REQUIRED_COLUMNS) + "\n"
                + row("900501", "2021-03-01", "Russia") + "\n" + row("900502", "2021-03-02", "Atlantis") + "\n");

        int exit = runner.importFile(file, true, print(out), print(err));

        assertThat(exit).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(report.get("rowsRead").asLong()).isEqualTo(2);
        assertThat(report.get("violationsCreated").asLong()).isEqualTo(1);
        assertThat(report.get("violationsConfirmed").asLong()).isEqualTo(1);
        assertThat(report.get("skipped").get("UNKNOWN_COUNTRY").asLong()).isEqualTo(1);
        String id = EurepocDataset.violationId("900501", StateCode.of("RUS")).value();
        assertThat(api.get("/api/violations/" + id).json().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(runner.requested()).isFalse(); // this run of the application was not a command-line import
    }

    @Test
    void exitsWith2WhenTheFileCannotBeRead() {
        int exit = runner.importFile(dir.resolve("missing.csv"), false, print(out), print(err));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read", "missing.csv");
        assertThat(out.size()).isZero();
    }

    @Test
    void exitsWith2WhenTheFileIsOfAnotherFormat() throws IOException {
        Path file = dir.resolve("other.csv");
        Files.writeString(file, "a,b\n1,2\n");

        int exit = runner.importFile(file, false, print(out), print(err));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not a EuRepoC Global Database CSV",
                "missing column 'ID'");
    }

    private static String row(String id, String startDate, String country) {
        StringBuilder row = new StringBuilder();
        for (String column : EurepocCsv.REQUIRED_COLUMNS) {
            if (!row.isEmpty()) {
                row.append(',');
            }
            row.append(switch (column) {
                case EurepocCsv.ID -> id;
                case EurepocCsv.NAME -> "Test incident " + id;
                case EurepocCsv.START_DATE -> startDate;
                case EurepocCsv.ATTRIBUTED_INITIATOR_COUNTRY -> country;
                case EurepocCsv.ATTRIBUTED_INITIATOR_CATEGORY -> "State";
                case EurepocCsv.WEIGHTED_CYBER_INTENSITY -> "2.0";
                default -> "";
            });
        }
        return row.toString();
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
