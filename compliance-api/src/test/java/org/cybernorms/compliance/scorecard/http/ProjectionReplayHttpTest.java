package org.cybernorms.compliance.scorecard.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rebuilding the read models from the event log gives back exactly the answers they gave before. */
class ProjectionReplayHttpTest extends ScorecardStoreTest {

    private static final String REPLAY = "/api/admin/projections/replay";

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private List<String> answers(Instant knownAt) {
        String at = "&knownAt=" + knownAt;
        List<String> answers = new ArrayList<>();
        for (String path : List.of(
                "/api/states/HRV/scorecard?asOf=2024-12-31" + at,
                "/api/states/HUN/scorecard?asOf=2024-12-31" + at,
                "/api/scorecards?asOf=2024-12-31" + at,
                "/api/states/HRV/scorecard/history?from=2023-01-01&to=2024-12-31&step=MONTH" + at)) {
            TrackerClient.Answer json = tracker.get(path);
            assertThat(json.status()).as(path).isEqualTo(200);
            answers.add(json.body());
            answers.add(tracker.get(path, MediaType.parseMediaType("text/csv")).body());
        }
        return answers;
    }

    @Test
    void replayingEveryProjectionGivesIdenticalScorecardsRankingAndHistory() throws InterruptedException {
        tracker.pledge("HRV", GGE, "13a", "2023-02-01");
        tracker.reserve("HRV", GGE, "13b", "2023-02-01");
        String commitment = tracker.commit("HRV", GGE, "13c", "2023-02-01", "2023-09-30");
        tracker.fulfil(commitment, "2023-10-15");
        String violation = tracker.confirmedViolation("HRV", GGE, "13d", "2023-05-01", "MEDIUM");
        tracker.remedy(violation, "2023-08-01");
        tracker.sign("HUN", GGE, "2023-03-01");
        Instant knownAt = Instant.now();
        List<String> before = answers(knownAt);
        assertThat(answers(knownAt)).as("asked again: served from the cache").containsExactlyElementsOf(before);
        Long generation = generationOfTheInstrumentsFacts();
        assertThat(before.get(0)).contains("\"state\":\"HRV\"", "RESERVED", "ViolationRemedied");
        assertThat(before.get(4)).contains("{\"state\":\"HRV\"", "{\"state\":\"HUN\",\"score\":50.0");

        TrackerClient.Answer started = tracker.postEmpty(REPLAY);

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().get("status").asText()).isIn("running", "completed");
        assertThat(started.json().get("startedAt").isNull()).isFalse();
        JsonNode status = awaitCompletion(Duration.ofSeconds(60));
        assertThat(Instant.parse(status.get("finishedAt").asText()))
                .isAfterOrEqualTo(Instant.parse(status.get("startedAt").asText()));
        // Right after a replay completes, a restarted processor's segment may show no position for a few
        // milliseconds, between Axon's work launcher claiming it and its worker fetching the token.
        status = awaitPositions(Duration.ofSeconds(10));
        List<String> processors = new ArrayList<>();
        status.get("processors").forEach(p -> {
            processors.add(p.get("name").asText());
            assertThat(p.get("running").asBoolean()).isTrue();
            assertThat(p.get("position").asLong()).as("%s caught up with the head", p.get("name"))
                    .isEqualTo(p.get("head").asLong());
        });
        assertThat(processors).contains("instruments", "scorecards");

        assertThat(answers(knownAt)).containsExactlyElementsOf(before);
        assertThat(generationOfTheInstrumentsFacts()).as("the reset started a new generation of versions, so no "
                + "answer cached before it can be found again").isNotEqualTo(generation);
        assertThat(tracker.ok("/api/instruments").toString()).as("the instrument directory was rebuilt too")
                .contains("\"instrumentId\":\"un-gge-2015\"");
    }

    @Test
    void documentsTheReplayEndpoint() {
        JsonNode replay = tracker.ok("/v3/api-docs").get("paths").get(REPLAY);

        assertThat(replay.has("post")).isTrue();
        assertThat(replay.has("get")).isTrue();
        assertThat(replay.get("post").get("responses").has("202")).isTrue();
    }

    private Long generationOfTheInstrumentsFacts() {
        return jdbc.queryForObject("select generation from rm_scorecard_version where instrument_id = ? "
                + "and state_code = ''", Long.class, GGE);
    }

    /** The replay's status once every processor shows a position at the head (or the last status, after bound). */
    private JsonNode awaitPositions(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            JsonNode status = tracker.ok(REPLAY);
            boolean atHead = true;
            for (JsonNode processor : status.get("processors")) {
                atHead &= !processor.get("position").isNull()
                        && processor.get("position").asLong() == processor.get("head").asLong();
            }
            if (atHead || System.nanoTime() > deadline) {
                return status;
            }
            Thread.sleep(20);
        }
    }

    private JsonNode awaitCompletion(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            JsonNode status = tracker.ok(REPLAY);
            String state = status.get("status").asText();
            assertThat(state).as(status.toString()).isNotEqualTo("failed");
            if (state.equals("completed")) {
                return status;
            }
            assertThat(System.nanoTime()).as("replay did not complete within %s: %s", bound, status)
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
