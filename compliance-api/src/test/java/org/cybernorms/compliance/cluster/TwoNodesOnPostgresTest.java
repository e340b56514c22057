package org.cybernorms.compliance.cluster;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.cybernorms.compliance.ComplianceTrackerApplication;
import org.cybernorms.compliance.support.Api;
import org.cybernorms.compliance.support.ReadModels;
import org.cybernorms.compliance.support.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes sharing one PostgreSQL schema (two application contexts in this JVM, on loopback ports, each with its own
 * node id as owner of its token claims). Each processor has two segments: node A holds one, node B the other, so both
 * process events in parallel while writes go through both. Then A stops; B takes over A's segments, and every read
 * model ends exactly as a replay of the whole log on B alone rebuilds it.
 */
@Tag("postgres-only")
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class TwoNodesOnPostgresTest {

    private static final String ADMIN = "cluster-admin";
    private static final List<String> PROCESSORS = List.of("instruments", "scorecards");
    private static final List<String> STATES = List.of("AUS", "BRA", "CAN", "DNK", "EST", "FIN");

    @TempDir
    Path dataDir;

    private final String schema = TestStore.freshSchema();
    private ConfigurableApplicationContext nodeA;
    private ConfigurableApplicationContext nodeB;

    @AfterEach
    void stop() {
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
        TestStore.dropSchema(schema);
    }

    @Test
    void nodesShareSegmentsAndTheSurvivorTakesOverAndMatchesAReplay() throws InterruptedException {
        nodeA = start("node-a");
        nodeB = start("node-b");

        // A started first and holds both segments; it lets go of segment 1 and B's idle thread claims it.
        for (String name : PROCESSORS) {
            processor(nodeA, name).releaseSegment(1, 10, TimeUnit.MINUTES);
        }
        awaitTrue("B holds segment 1 and A segment 0 of every processor", Duration.ofSeconds(60), () ->
                PROCESSORS.stream().allMatch(name -> claimed(nodeB, name).equals(Set.of(1))
                        && claimed(nodeA, name).equals(Set.of(0))));
        assertThat(owners()).containsOnly("node-a", "node-b");

        Api viaA = new Api(port(nodeA), ADMIN);
        Api viaB = new Api(port(nodeB), ADMIN);
        for (int i = 0; i < STATES.size(); i++) {
            Api writer = i % 2 == 0 ? viaA : viaB;
            Api reader = i % 2 == 0 ? viaB : viaA;
            String state = STATES.get(i);
            record(writer, state, i);
            // a write through one node is visible at once through the other (both read models are covered)
            assertThat(reader.get("/api/states/" + state + "/scorecard?asOf=2025-12-31").text())
                    .contains("\"state\":\"" + state + "\"", "CommitmentFulfilled",
                            "\"violations\":{\"reported\":1,");
        }
        long head = head();
        for (String name : PROCESSORS) {
            assertThat(position(nodeA, name, 0)).as(name + " segment 0 on A").isEqualTo(head);
            assertThat(position(nodeB, name, 1)).as(name + " segment 1 on B").isEqualTo(head);
        }

        nodeA.close(); // graceful: its processors release their claims
        nodeA = null;
        awaitTrue("B holds both segments of every processor", Duration.ofSeconds(60), () ->
                PROCESSORS.stream().allMatch(name -> claimed(nodeB, name).equals(Set.of(0, 1))));
        assertThat(owners()).containsOnly("node-b");

        record(viaB, "GRC", 7);
        ReadModels.awaitCaughtUp(viaB, Duration.ofSeconds(60));
        List<String> states = new java.util.ArrayList<>(STATES);
        states.add("GRC");
        Instant knownAt = Instant.now();
        List<String> before = ReadModels.answers(viaB, states, knownAt);

        ReadModels.replay(viaB, Duration.ofSeconds(120));

        assertThat(ReadModels.answers(viaB, states, knownAt)).isEqualTo(before);
    }

    private void record(Api api, String state, int n) {
        api.create("/api/states/" + state + "/pledges", "{\"instrument\":\"un-gge-2015\",\"norm\":\"13a\","
                + "\"pledgedOn\":\"2021-01-0" + (1 + n % 9) + "\",\"statement\":\"s\"}", "pledgeId");
        String commitment = api.create("/api/commitments", "{\"state\":\"" + state + "\",\"instrument\":"
                + "\"un-gge-2015\",\"norm\":\"13c\",\"description\":\"d\",\"madeOn\":\"2022-01-01\","
                + "\"dueOn\":\"2023-01-01\"}", "commitmentId");
        assertThat(api.post("/api/commitments/" + commitment + "/fulfilment",
                "{\"fulfilledOn\":\"2022-06-01\",\"evidence\":\"e\"}").status()).isEqualTo(200);
        api.create("/api/violations", "{\"state\":\"" + state + "\",\"instrument\":\"un-gge-2015\",\"norm\":"
                + "\"13f\",\"occurredOn\":\"2023-03-01\",\"reportedOn\":\"2023-03-02\",\"severity\":\"LOW\","
                + "\"summary\":\"s\"}", "violationId");
    }

    private ConfigurableApplicationContext start(String nodeId) {
        return new SpringApplicationBuilder(ComplianceTrackerApplication.class).profiles("postgres").run(
                "--server.port=0",
                "--spring.application.name=tracker-" + nodeId,
                "--compliance.node-id=" + nodeId,
                "--compliance.db.schema=" + schema,
                "--compliance.data-dir=" + dataDir.resolve(nodeId),
                "--compliance.auth.tokens=" + ADMIN + "=ADMIN",
                "--compliance.processors.token-claim-interval=1s");
    }

    private static StreamingEventProcessor processor(ConfigurableApplicationContext node, String name) {
        return node.getBean(EventProcessingConfiguration.class)
                .eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }

    private static Set<Integer> claimed(ConfigurableApplicationContext node, String name) {
        return Set.copyOf(processor(node, name).processingStatus().keySet());
    }

    private static long position(ConfigurableApplicationContext node, String name, int segment) {
        return processor(node, name).processingStatus().get(segment).getCurrentPosition().orElse(-1);
    }

    private long head() {
        return nodeB.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .queryForObject("select max(global_index) from domain_event_entry", Long.class);
    }

    private List<String> owners() {
        return nodeB.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .queryForList("select distinct owner from token_entry where owner is not null", String.class);
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static void awaitTrue(String what, Duration bound, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within " + bound).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
