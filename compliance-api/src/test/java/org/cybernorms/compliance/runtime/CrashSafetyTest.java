package org.cybernorms.compliance.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import org.cybernorms.compliance.ComplianceTrackerApplication;
import org.cybernorms.compliance.support.Api;
import org.cybernorms.compliance.support.ReadModels;
import org.cybernorms.compliance.support.TestStore;
import org.cybernorms.compliance.scorecard.view.FactTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real crash: the tracker runs in a JVM of its own (on a loopback port, with its own data directory, and on
 * PostgreSQL its own schema) while writers drive commitments and violation reports through it; then the process is
 * killed with SIGKILL in the middle of the load and started again on the same store. Every write that was
 * acknowledged (a 2xx answer) is there; no half-written fact shows (each record reads back whole, every aggregate's
 * sequence numbers run from 0 without a hole, no read-model row without its event); and the read models catch up to
 * exactly what a replay of the log rebuilds. Runs on H2 and, in the PostgreSQL run, on PostgreSQL. Bounded: at most
 * {@value #MAX_WRITES_PER_WRITER} writes per writer and {@value #MAX_LOAD_SECONDS} seconds of load.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class CrashSafetyTest {

    private static final String ADMIN = "crash-admin";
    private static final int WRITERS = 4;
    private static final int MAX_WRITES_PER_WRITER = 200;
    private static final int MAX_LOAD_SECONDS = 20;
    private static final int ACKS_BEFORE_KILL = 60;
    private static final List<String> STATES = List.of("IRL", "ITA", "LVA", "LTU");

    private final Path dataDir = createDataDir();
    private final String schema = TestStore.postgres() ? TestStore.freshSchema() : null;
    private Process app;

    /** Acknowledged facts: record id to the last status a 2xx answer confirmed. */
    private final Map<String, String> commitments = new ConcurrentHashMap<>();
    private final Map<String, String> violations = new ConcurrentHashMap<>();

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (schema != null) {
            TestStore.dropSchema(schema);
        }
    }

    @Test
    void keepsEveryAcknowledgedWriteAndNoHalfWrittenFactAfterSigkill() throws Exception {
        int firstPort = freePort();
        app = launch(firstPort, "first");
        awaitReady(firstPort);

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger acks = new AtomicInteger();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String state = STATES.get(w);
            Thread writer = new Thread(() -> drive(firstPort, state, stop, acks), "crash-writer-" + w);
            writer.start();
            writers.add(writer);
        }
        long loadDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_LOAD_SECONDS);
        while (acks.get() < ACKS_BEFORE_KILL && System.nanoTime() < loadDeadline && app.isAlive()) {
            Thread.sleep(20);
        }
        assertThat(app.isAlive()).as("the application ran until the kill").isTrue();
        app.destroyForcibly(); // SIGKILL, writes in flight
        assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(app.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        stop.set(true);
        for (Thread writer : writers) {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        }
        System.out.printf("[crash-test] %s: SIGKILL after %d acknowledged writes (%d commitments, %d violation "
                + "reports)%n", schema == null ? "H2" : "PostgreSQL", acks.get(), commitments.size(), violations.size());
        assertThat(commitments).as("acknowledged commitments before the kill").isNotEmpty();
        assertThat(violations).as("acknowledged violation reports before the kill").isNotEmpty();

        int port = freePort();
        app = launch(port, "restarted");
        awaitReady(port);
        Api admin = new Api(port, ADMIN);

        commitments.forEach((id, status) -> {
            Api.Response read = admin.get("/api/commitments/" + id);
            assertThat(read.status()).as("acknowledged commitment " + id).isEqualTo(200);
            assertWhole(read.json(), status, "OPEN", "FULFILLED");
        });
        violations.forEach((id, status) -> {
            Api.Response read = admin.get("/api/violations/" + id);
            assertThat(read.status()).as("acknowledged violation " + id).isEqualTo(200);
            assertWhole(read.json(), status, "REPORTED", "UNDER_REVIEW");
        });

        ReadModels.awaitCaughtUp(admin, Duration.ofSeconds(120));
        Instant knownAt = Instant.now();
        List<String> caughtUp = ReadModels.answers(admin, STATES, knownAt);
        ReadModels.replay(admin, Duration.ofSeconds(120));
        assertThat(ReadModels.answers(admin, STATES, knownAt)).as("read models after the crash = a replay")
                .isEqualTo(caughtUp);

        app.destroy(); // SIGTERM: graceful, so that H2 can be opened from here
        assertThat(app.waitFor(90, TimeUnit.SECONDS)).isTrue();
        try (Connection store = openStore(); Statement sql = store.createStatement()) {
            assertThat(rows(sql, "select aggregate_identifier from domain_event_entry group by aggregate_identifier "
                    + "having min(sequence_number) <> 0 or max(sequence_number) - min(sequence_number) + 1 <> count(*)"))
                    .as("aggregates whose sequence numbers have a hole").isEmpty();
            List<String> aggregates = rows(sql, "select distinct aggregate_identifier from domain_event_entry");
            assertThat(aggregates).containsAll(commitments.keySet()).containsAll(violations.keySet());
            List<String> factEvents = FactTable.facts(new JdbcTemplate(new SingleConnectionDataSource(store, true)))
                    .stream().map(fact -> (String) fact.get("event_id")).toList();
            assertThat(factEvents).as("read-model rows without their event")
                    .isSubsetOf(rows(sql, "select event_identifier from domain_event_entry"))
                    .as("one fact per event").doesNotHaveDuplicates();
            assertThat(rows(sql, "select e.event_identifier from domain_event_entry e where e.payload_type like "
                    + "'%CommitmentEvents$%' or e.payload_type like '%ViolationEvents$%'"))
                    .as("events without their read-model row").isSubsetOf(factEvents);
        }
    }

    /** The record reads back whole: its status is the acknowledged one or a later one, its history has no gap. */
    private static void assertWhole(JsonNode record, String acknowledged, String first, String second) {
        String status = record.get("status").asText();
        if (acknowledged.equals(first)) {
            assertThat(status).isIn(first, second);
        } else {
            assertThat(status).isEqualTo(second);
        }
        assertThat(record.get("history").size()).isEqualTo(status.equals(first) ? 1 : 2);
    }

    /** One writer: commitments made and fulfilled, violation reports filed and reviewed, until told to stop. */
    private void drive(int port, String state, AtomicBoolean stop, AtomicInteger acks) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int i = 0; i < MAX_WRITES_PER_WRITER / 4 && !stop.get(); i++) {
            JsonNode made = post(http, port, "/api/commitments", "{\"state\":\"" + state + "\",\"instrument\":"
                    + "\"un-gge-2015\",\"norm\":\"13c\",\"description\":\"crash " + i + "\",\"madeOn\":"
                    + "\"2022-01-01\",\"dueOn\":\"2023-01-01\"}");
            if (made == null) {
                return;
            }
            String commitment = made.get("commitmentId").asText();
            commitments.put(commitment, "OPEN");
            acks.incrementAndGet();
            if (post(http, port, "/api/commitments/" + commitment + "/fulfilment",
                    "{\"fulfilledOn\":\"2022-06-01\",\"evidence\":\"e\"}") == null) {
                return;
            }
            commitments.put(commitment, "FULFILLED");
            acks.incrementAndGet();
            JsonNode reported = post(http, port, "/api/violations", "{\"state\":\"" + state + "\",\"instrument\":"
                    + "\"un-gge-2015\",\"norm\":\"13f\",\"occurredOn\":\"2023-03-01\",\"reportedOn\":"
                    + "\"2023-03-02\",\"severity\":\"MEDIUM\",\"summary\":\"crash " + i + "\"}");
            if (reported == null) {
                return;
            }
            String violation = reported.get("violationId").asText();
            violations.put(violation, "REPORTED");
            acks.incrementAndGet();
            if (post(http, port, "/api/violations/" + violation + "/review",
                    "{\"startedOn\":\"2023-03-10\"}") == null) {
                return;
            }
            violations.put(violation, "UNDER_REVIEW");
            acks.incrementAndGet();
        }
    }

    /** The JSON of a 2xx answer, or null when the request failed (killed server) or was refused. */
    private static JsonNode post(HttpClient http, int port, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + ADMIN)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                return null;
            }
            String text = response.body();
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text.isEmpty() ? "{}" : text);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private Process launch(int port, String phase) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Daxoniq.update-checker.disabled=true",
                "-cp", classpath, ComplianceTrackerApplication.class.getName(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--compliance.data-dir=" + dataDir,
                "--compliance.auth.tokens=" + ADMIN + "=ADMIN"));
        if (schema != null) {
            command.add("--spring.profiles.active=postgres");
            command.add("--compliance.db.schema=" + schema);
        }
        Path log = Files.createDirectories(Path.of("target", "crash-test"))
                .resolve((schema == null ? "h2" : "postgres") + "-" + phase + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        return builder.start();
    }

    private void awaitReady(int port) throws InterruptedException {
        Api api = new Api(port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (true) {
            assertThat(app.isAlive()).as("the application is running (see target/crash-test)").isTrue();
            assertThat(System.nanoTime()).as("ready within 240 s").isLessThan(deadline);
            try {
                if (api.get("/actuator/health/readiness").status() == 200) {
                    return;
                }
            } catch (AssertionError notListeningYet) {
                // connection refused until the web server is up
            }
            Thread.sleep(250);
        }
    }

    private Connection openStore() throws SQLException {
        if (schema == null) {
            return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("tracker"), "sa", "");
        }
        Connection connection = TestStore.connect();
        connection.setSchema(schema);
        return connection;
    }

    private static List<String> rows(Statement sql, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = sql.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("compliance-crash-test");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
