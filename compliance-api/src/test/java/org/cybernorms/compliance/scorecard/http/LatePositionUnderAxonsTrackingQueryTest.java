package org.cybernorms.compliance.scorecard.http;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Axon's own tracking query ({@code compliance.event-store.indexed-gap-query=false}, as under the profile
 * {@code axon-defaults}) the event store records the positions of events read into a gap just the same.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "compliance.event-store.indexed-gap-query=false")
class LatePositionUnderAxonsTrackingQueryTest {

    private static final String ADMIN_TOKEN = "late-position-test-admin";

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        try {
            Path parent = Files.createDirectories(Path.of("target", "test-data"));
            Path dataDir = Files.createTempDirectory(parent, "late-position-test-").toAbsolutePath();
            registry.add("compliance.data-dir", dataDir::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("compliance.auth.tokens", () -> ADMIN_TOKEN + "=ADMIN");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    private TrackerClient tracker;

    @BeforeEach
    void connect() {
        tracker = new TrackerClient(port, ADMIN_TOKEN);
    }

    @Test
    void anEventThatCommitsAfterALaterOneKeepsItsOwnPosition() throws Exception {
        LateEvent late = LateEvent.commitAfterALaterOne(tracker, jdbc, dataSource, "NOR");

        assertThat(late.livePosition(jdbc)).isEqualTo(late.position());
    }
}
