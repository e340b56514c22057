package org.cybernorms.compliance.packaging;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as it ships: the repackaged jar, started with {@code java -jar} on a fresh embedded store, its own
 * run-time classpath and nothing of the tests'. It records a pledge and reads the scorecard over HTTP. Every other
 * test runs on the test classpath, which holds libraries the jar may lack: a library the application needs at run
 * time but that the build had only as a test dependency (HdrHistogram, which Micrometer needs for percentiles) made
 * the packaged application fail its first command while every other test passed.
 */
class PackagedApplicationIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process application;

    @AfterEach
    void stop() throws InterruptedException {
        if (application != null) {
            application.destroy();
            if (!application.waitFor(30, TimeUnit.SECONDS)) {
                application.destroyForcibly();
            }
        }
    }

    @Test
    void thePackagedJarStartsRecordsAPledgeAndAnswersTheScorecard(@TempDir Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("packaged.jar", "target/compliance-api-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).as("the repackaged jar (mvn package)").exists();
        int port = freePort();
        Path log = dir.resolve("application.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
                jar.toAbsolutePath().toString(), "--server.port=" + port,
                "--compliance.data-dir=" + dir.resolve("data")));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        builder.environment().put("COMPLIANCE_AUTH_TOKENS", "packaged-monitor=MONITOR");
        application = builder.start();
        String base = "http://127.0.0.1:" + port;

        awaitReady(base, log);
        HttpResponse<String> pledged = http.send(HttpRequest.newBuilder(URI.create(base + "/api/states/FRA/pledges"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer packaged-monitor")
                .POST(HttpRequest.BodyPublishers.ofString("{\"instrument\":\"un-gge-2015\",\"norm\":\"13f\","
                        + "\"pledgedOn\":\"2023-03-01\",\"statement\":\"We will not damage critical infrastructure.\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(pledged.statusCode()).as(pledged.body() + "\n" + tail(log)).isEqualTo(201);

        HttpResponse<String> scorecard = http.send(HttpRequest.newBuilder(URI.create(base
                + "/api/states/FRA/scorecard")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(scorecard.statusCode()).as(tail(log)).isEqualTo(200);
        assertThat(scorecard.body()).contains("\"state\":\"FRA\"").contains("\"type\":\"NormPledged\"");
        assertThat(Files.readString(log)).doesNotContain("Application run failed").doesNotContain("NoClassDefFoundError");
    }

    private void awaitReady(String base, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(application.isAlive()).as("the application exited:\n" + tail(log)).isTrue();
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(base
                        + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (ConnectException | java.net.http.HttpTimeoutException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not ready within " + START_TIMEOUT + ":\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
