package org.cybernorms.compliance.importing.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.cybernorms.compliance.support.Api.Response;
import org.cybernorms.compliance.support.ImportStoreTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Imports the whole real EuRepoC Global Database 1.1 through the HTTP endpoint, when the file is there. The project
 * does not bundle it: it is read from {@code shared/data/eurepoc/} in the nearest parent directory that has one (the
 * repository's sibling {@code ../shared} from the repository root; the tests run from the module directory).
 */
class EurepocRealFileImportTest extends ImportStoreTest {

    static final String FILE = "EuRepoC_Global_Database_1.1.csv";
    static final Path RELATIVE = Path.of("shared", "data", "eurepoc", FILE);

    @Test
    void importsTheWholeRealFileAndASecondImportCreatesNothing() throws IOException {
        Path file = locate(Path.of("").toAbsolutePath());
        assumeTrue(file != null, "Skipped: the real EuRepoC file " + RELATIVE + " was not found in "
                + Path.of("").toAbsolutePath() + " or any parent directory; the project does not bundle it "
                + "(its tests use their own samples), so this test runs only where shared/ is beside the repository.");
        String csv = Files.readString(file, StandardCharsets.UTF_8);

        long started = System.nanoTime();
        Response first = importCsv(csv, "");
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(first.status()).isEqualTo(200);
        JsonNode report = first.json();
        assertThat(report.get("rowsRead").asLong()).isEqualTo(1643);
        assertAddsUp(report);
        long created = report.get("violationsCreated").asLong();
        assertThat(created).isPositive();
        assertThat(report.get("rowsImported").asLong()).isPositive().isLessThanOrEqualTo(created);
        assertThat(report.get("violationsRejected").asLong()).isZero();
        assertThat(report.get("skipped").get("REJECTED").asLong()).isZero();
        assertThat(report.get("skipped").get("NO_ATTRIBUTION").asLong()).isPositive();
        assertThat(report.get("skipped").get("NORM_NOT_IN_FORCE").asLong()).isPositive();
        assertThat(report.get("created")).hasSize((int) created);
        System.out.printf("EuRepoC real file: %d rows read, %d imported, %d violations created in %.2f s "
                        + "(%d ms inside the import); skipped %s; unresolved %s; evidence links dropped %d%n",
                report.get("rowsRead").asLong(), report.get("rowsImported").asLong(), created, seconds,
                report.get("durationMillis").asLong(), report.get("skipped"), report.get("unresolvedCountries"),
                report.get("evidenceLinksDropped").asLong());

        // an affected state can read its violation
        JsonNode someCreated = report.get("created").get(0);
        JsonNode violation = api.get("/api/violations/" + someCreated.get("violationId").asText()).json();
        assertThat(violation.get("state").asText()).isEqualTo(someCreated.get("state").asText());
        assertThat(violation.get("reportingBody").asText()).isEqualTo("EuRepoC Global Database 1.1");

        long events = storedEvents();
        Response second = importCsv(csv, "");

        assertThat(second.status()).isEqualTo(200);
        JsonNode again = second.json();
        assertAddsUp(again);
        assertThat(again.get("violationsCreated").asLong()).isZero();
        assertThat(again.get("violationsAlreadyImported").asLong())
                .isEqualTo(created + report.get("violationsAlreadyImported").asLong());
        assertThat(again.get("rowsImported").asLong()).isZero();
        assertThat(again.get("skipped").get("ALREADY_IMPORTED").asLong())
                .isEqualTo(report.get("rowsImported").asLong() + report.get("skipped").get("ALREADY_IMPORTED").asLong());
        for (Iterator<Map.Entry<String, JsonNode>> it = report.get("skipped").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> reason = it.next();
            if (!reason.getKey().equals("ALREADY_IMPORTED")) {
                assertThat(again.get("skipped").get(reason.getKey()).asLong()).as(reason.getKey())
                        .isEqualTo(reason.getValue().asLong());
            }
        }
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void findsNoFileWhereNoParentHasSharedData(@TempDir Path elsewhere) throws IOException {
        Path module = Files.createDirectories(elsewhere.resolve("repo").resolve("compliance-api"));

        assertThat(locate(module)).isNull();

        Path data = Files.createDirectories(elsewhere.resolve("shared").resolve("data").resolve("eurepoc"));
        Files.writeString(data.resolve(FILE), "ID\n");
        assertThat(locate(module)).isEqualTo(data.resolve(FILE));
    }

    /** The real file in {@code shared/data/eurepoc/} of {@code from} or its nearest parent having it. */
    static Path locate(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static void assertAddsUp(JsonNode report) {
        long skipped = 0;
        for (JsonNode count : report.get("skipped")) {
            skipped += count.asLong();
        }
        assertThat(skipped).isEqualTo(report.get("rowsSkipped").asLong());
        assertThat(report.get("rowsImported").asLong() + report.get("rowsSkipped").asLong())
                .isEqualTo(report.get("rowsRead").asLong());
    }
}
