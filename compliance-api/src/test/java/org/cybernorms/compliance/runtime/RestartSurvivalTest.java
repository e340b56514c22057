package org.cybernorms.compliance.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import org.cybernorms.compliance.ComplianceTrackerApplication;
import org.cybernorms.compliance.support.Api;
import org.cybernorms.compliance.support.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What is recorded survives a restart of the application on the same data directory. */
// Runs on the embedded store only: it restarts on an H2 data directory; CrashSafetyTest restarts on PostgreSQL.
@org.junit.jupiter.api.Tag("embedded-only")
class RestartSurvivalTest {

    @TempDir
    Path dataDir;

    /** On PostgreSQL both starts share one schema of their own. */
    private final String schema = TestStore.postgres() ? TestStore.freshSchema() : null;

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            TestStore.dropSchema(schema);
        }
    }

    @Test
    void keepsEveryRecordedFactAcrossARestart() {
        String commitmentId;
        String violationId;
        String pledgeBody = "{\"instrument\":\"un-gge-2015\",\"norm\":\"13a\",\"pledgedOn\":\"2020-01-01\","
                + "\"statement\":\"s\"}";
        java.util.Map<String, String> key = java.util.Map.of("Idempotency-Key", "restart-key");
        String pledgeId;
        try (ConfigurableApplicationContext first = start()) {
            Api api = new Api(port(first), generatedMonitorToken());
            commitmentId = api.create("/api/commitments", """
                    {"state":"JPN","instrument":"un-gge-2015","norm":"13j","description":"Publish a CVD policy",
                     "madeOn":"2022-01-01","dueOn":"2023-01-01"}""", "commitmentId");
            api.post("/api/commitments/" + commitmentId + "/fulfilment",
                    "{\"fulfilledOn\":\"2022-11-01\",\"evidence\":\"Published\"}");
            violationId = api.create("/api/violations", """
                    {"state":"PRK","instrument":"un-gge-2015","norm":"13f","occurredOn":"2017-05-12",
                     "reportedOn":"2017-12-19","severity":"CRITICAL","summary":"Ransomware worm"}""", "violationId");
            pledgeId = api.post("/api/states/JPN/pledges", pledgeBody, key).json().get("pledgeId").asText();
            api.create("/api/instruments", """
                    {"instrumentId":"restart-check","title":"Restart check","adoptedOn":"2020-01-01","norms":[]}""",
                    "instrumentId");
        }
        if (schema == null) {
            assertThat(Files.exists(dataDir.resolve("tracker.mv.db"))).isTrue();
        }

        try (ConfigurableApplicationContext second = start()) {
            Api api = new Api(port(second), generatedMonitorToken());
            JsonNode commitment = api.get("/api/commitments/" + commitmentId).json();
            assertThat(commitment.get("status").asText()).isEqualTo("FULFILLED");
            assertThat(commitment.get("history")).hasSize(2);
            assertThat(api.get("/api/violations/" + violationId).json().get("severity").asText())
                    .isEqualTo("CRITICAL");
            assertThat(api.get("/api/instruments").json().findValuesAsText("instrumentId"))
                    .containsExactly("restart-check", "un-gge-2015");
            assertThat(api.get("/api/instruments/un-gge-2015").json().get("norms")).hasSize(11);
            assertThat(api.post("/api/states/JPN/pledges", pledgeBody, key).json().get("pledgeId").asText())
                    .as("idempotency keys survive a restart").isEqualTo(pledgeId);
        }
    }

    /** With no tokens configured, the first start generated them into the data directory. */
    private String generatedMonitorToken() {
        try {
            return Files.readAllLines(dataDir.resolve("access-tokens")).stream()
                    .filter(line -> line.endsWith("=MONITOR"))
                    .map(line -> line.substring(0, line.lastIndexOf('=')))
                    .findFirst().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ConfigurableApplicationContext start() {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                "--server.port=0", "--compliance.data-dir=" + dataDir, "--compliance.auth.tokens="));
        if (schema != null) {
            args.add("--compliance.db.schema=" + schema);
        }
        return new SpringApplicationBuilder(ComplianceTrackerApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
