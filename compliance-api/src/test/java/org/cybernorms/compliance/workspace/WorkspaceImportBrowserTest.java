package org.cybernorms.compliance.workspace;

import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.cybernorms.compliance.support.FreshInstallation;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A monitor uploads the real EuRepoC Global Database 1.1 through the workspace, in Chromium, and reads the import
 * report as a page: the counts by reason and links to the reports it created. On an installation of its own, so
 * that the import neither sees nor disturbs other tests' records. Skipped, saying why, where the file is absent
 * (the project does not bundle it; it is read from shared/data/eurepoc beside the repository).
 */
class WorkspaceImportBrowserTest {

    static final Path RELATIVE = Path.of("shared", "data", "eurepoc", "EuRepoC_Global_Database_1.1.csv");

    @Test
    void uploadsTheRealFileAndRendersItsReport() {
        Path file = locate(Path.of("").toAbsolutePath());
        assumeTrue(file != null, "Skipped: the real EuRepoC file " + RELATIVE + " was not found in "
                + Path.of("").toAbsolutePath() + " or any parent directory");
        try (FreshInstallation tracker = new FreshInstallation("--compliance.import.max-body-size=5MB");
             Chromium chromium = Chromium.start(tracker.port())) {
            chromium.signIn(EmbeddedStoreTest.MONITOR);
            chromium.open("/workspace/forms/eurepoc-import");
            chromium.check("workspace-10-import-form");
            chromium.find("#eurepoc-import-file").sendKeys(file.toString());
            chromium.find("#eurepoc-import-confirm").click();
            chromium.click("form[data-form='eurepoc-import'] button[type=submit]");

            assertThat(chromium.path()).startsWith("/work/imports/");
            assertThat(chromium.find("#rows-read").getText()).isEqualTo("1643");
            long created = Long.parseLong(chromium.find("#violations-created").getText());
            assertThat(created).isPositive();
            assertThat(chromium.all("#skipped tbody tr")).extracting(r -> r.getText())
                    .anySatisfy(r -> assertThat(r).startsWith("NO_ATTRIBUTION"));
            assertThat(chromium.all("#created li a")).hasSize((int) Math.min(10, created));
            chromium.check("workspace-11-import-report");

            chromium.click("#created li a");
            assertThat(chromium.path()).startsWith("/violations/");
            assertThat(chromium.find("#status").getText()).isEqualTo("CONFIRMED");

            chromium.open("/work");
            assertThat(chromium.all("#imports li a")).hasSize(1);
        }
    }

    static Path locate(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
