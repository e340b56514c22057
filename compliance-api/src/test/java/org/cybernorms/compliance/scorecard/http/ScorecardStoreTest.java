package org.cybernorms.compliance.scorecard.http;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Base of the scorecard HTTP tests: the whole application on a random port, on the real embedded store (Axon's JPA
 * event store on H2 in file mode) in a data directory of their own under target/test-data. The subclasses share one
 * application context and so one store: each test records facts about states (or under an instrument) that no other
 * test uses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ScorecardStoreTest {

    protected static final String GGE = "un-gge-2015";

    private static final Path DATA_DIR;

    static {
        try {
            Path parent = Files.createDirectories(Path.of("target", "test-data"));
            DATA_DIR = Files.createTempDirectory(parent, "scorecard-http-test-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("compliance.data-dir", DATA_DIR::toString);
        registry.add("compliance.auth.tokens", () -> ADMIN_TOKEN + "=ADMIN");
        // every replay here takes the large-log path: keys dropped while rows are inserted, then built again
        registry.add("compliance.rebuild.defer-keys-from", () -> "0");
    }

    /** The tests record facts and start replays: they act as an ADMIN. */
    static final String ADMIN_TOKEN = "scorecard-test-admin";

    @LocalServerPort
    int port;

    protected TrackerClient tracker;

    @BeforeEach
    void connect() {
        tracker = new TrackerClient(port, ADMIN_TOKEN);
    }
}
