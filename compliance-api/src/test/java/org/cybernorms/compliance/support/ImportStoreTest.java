package org.cybernorms.compliance.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Base of the import tests: the whole application on a random port, on the real embedded store, in a data directory
 * of its own (apart from the other HTTP tests, so that bulk imports neither see nor disturb their records). The
 * subclasses share one application context; each imports incidents with IDs of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ImportStoreTest {

    /** Small enough to test the limit, large enough for the real file (3.5 MB). */
    public static final int MAX_BODY_MEGABYTES = 5;

    private static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("compliance-import-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("compliance.data-dir", DATA_DIR::toString);
        registry.add("compliance.import.max-body-size", () -> MAX_BODY_MEGABYTES + "MB");
        registry.add("compliance.auth.tokens", () -> MONITOR_TOKEN + "=MONITOR");
    }

    /** Imports are for monitoring bodies: the tests act as a MONITOR. */
    protected static final String MONITOR_TOKEN = "import-test-monitor";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected Api api;

    @BeforeEach
    void connect() {
        api = new Api(port, MONITOR_TOKEN);
    }

    protected long storedEvents() {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    protected Api.Response importCsv(String csv, String query) {
        return api.post("/api/imports/eurepoc" + query, csv, "text/csv");
    }
}
