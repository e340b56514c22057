package org.cybernorms.compliance.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.cybernorms.compliance.importing.eurepoc.EurepocFormatException;
import org.cybernorms.compliance.importing.eurepoc.EurepocImporter;
import org.cybernorms.compliance.runtime.InstrumentSeeder;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The command-line way to import: started with {@code --compliance.import.eurepoc=<path to the CSV>} (and optionally
 * {@code --compliance.import.confirm=true}), the application imports the file, prints the report as JSON on standard
 * output, and exits: 0 when the import ran (whatever rows it skipped), 2 when the file cannot be read or is not of
 * the format. Without the property it does nothing.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class EurepocImportRunner implements ApplicationRunner, ExitCodeGenerator {

    public static final String FILE_PROPERTY = "compliance.import.eurepoc";
    public static final String CONFIRM_PROPERTY = "compliance.import.confirm";

    private final Environment environment;
    private final EurepocImporter importer;
    private final InstrumentSeeder seeder;
    private final ObjectMapper json;
    private volatile boolean requested;
    private volatile int exitCode;

    public EurepocImportRunner(Environment environment, EurepocImporter importer, InstrumentSeeder seeder,
                               ObjectMapper json) {
        this.environment = environment;
        this.importer = importer;
        this.seeder = seeder;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        String file = environment.getProperty(FILE_PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        requested = true;
        boolean confirm = environment.getProperty(CONFIRM_PROPERTY, Boolean.class, false);
        exitCode = importFile(Path.of(file), confirm, System.out, System.err);
    }

    /** Imports one file, prints the report on {@code out} (problems with the file on {@code err}); the exit code. */
    public int importFile(Path file, boolean confirm, PrintStream out, PrintStream err) {
        seeder.seed(); // the instrument must exist before the rows are checked against its norms
        try (Reader csv = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            ImportReport.View report = importer.importCsv(csv, confirm);
            out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(report));
            return 0;
        } catch (EurepocFormatException e) {
            err.println("EuRepoC import: " + file + " is not a EuRepoC Global Database CSV: "
                    + String.join("; ", e.problems()));
            return 2;
        } catch (IOException e) {
            err.println("EuRepoC import: cannot read " + file + ": " + e);
            return 2;
        }
    }

    /** Whether this run of the application was an import from the command line. */
    public boolean requested() {
        return requested;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
