package org.cybernorms.compliance.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the HTTP tests: the whole application on a random port, on the real embedded store (Axon's JPA event
 * store on H2 in file mode) in a fresh data directory, or in the PostgreSQL run on PostgreSQL in a fresh schema. All
 * subclasses share one application context, so tests use their own states and records rather than assume an empty
 * store. A subclass must not change the configuration: a second application would open the same data directory and
 * run its processors on the same token rows under the same node name ({@link #oneApplication} fails such a test);
 * a test that needs other settings starts an application of its own on a store of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // export metrics as in production (/actuator/prometheus)
public abstract class EmbeddedStoreTest {

    private static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("compliance-http-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("compliance.data-dir", DATA_DIR::toString);
        registry.add("compliance.auth.tokens", () -> String.join(",", MONITOR + "=MONITOR", ADMIN + "=ADMIN",
                HISTORIAN + "=HISTORIAN", FRANCE + "=STATE:FRA", GERMANY + "=STATE:DEU", ESTONIA + "=STATE:EST",
                SINGAPORE + "=STATE:SGP", RUSSIA + "=STATE:RUS"));
    }

    /** Tokens of the test configuration. */
    public static final String MONITOR = "test-monitor-token";
    public static final String ADMIN = "test-admin-token";
    public static final String HISTORIAN = "test-historian-token";
    public static final String FRANCE = "test-france-token";
    public static final String GERMANY = "test-germany-token";
    /** States of the assistance tests only. */
    public static final String ESTONIA = "test-estonia-token";
    public static final String SINGAPORE = "test-singapore-token";
    /** The state that answers reports in the workspace's journeys. */
    public static final String RUSSIA = "test-russia-token";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    private ApplicationContext context;

    private static ApplicationContext shared;

    protected Api api;

    @BeforeEach
    void connect() {
        api = new Api(port, MONITOR);
    }

    @BeforeEach
    void oneApplication() {
        synchronized (EmbeddedStoreTest.class) {
            if (shared == null) {
                shared = context;
            }
        }
        assertThat(context).as("%s changes the configuration of the shared application: give it a store of its own",
                getClass().getSimpleName()).isSameAs(shared);
    }

    /** Every event in the store, counted straight from the event table. */
    protected long storedEvents() {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }
}
