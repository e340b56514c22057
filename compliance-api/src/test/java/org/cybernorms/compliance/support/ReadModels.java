package org.cybernorms.compliance.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the read models answer, over HTTP, and how to rebuild them (replay) or wait for them to catch up. */
public final class ReadModels {

    private static final String REPLAY = "/api/admin/projections/replay";

    private ReadModels() {
    }

    /**
     * The answers of every read model for these states, as JSON text: each state's scorecard, the ranking and the
     * directory of instruments, all as known at {@code knownAt}.
     */
    public static List<String> answers(Api admin, List<String> states, Instant knownAt) {
        List<String> answers = new ArrayList<>();
        String at = "asOf=2025-12-31&knownAt=" + knownAt;
        for (String state : states) {
            answers.add(ok(admin, "/api/states/" + state + "/scorecard?" + at));
        }
        answers.add(ok(admin, "/api/scorecards?" + at));
        answers.add(ok(admin, "/api/instruments"));
        return answers;
    }

    /** Replays every read model from the event log and waits until the replay completed. */
    public static void replay(Api admin, Duration bound) throws InterruptedException {
        Api.Response started = admin.post(REPLAY, "");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            JsonNode status = admin.get(REPLAY).json();
            String state = status.get("status").asText();
            if (state.equals("completed")) {
                return;
            }
            assertThat(state).as(status.toString()).isEqualTo("running");
            assertThat(System.nanoTime()).as("replay within " + bound).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** Waits until every processor of the node has processed the log up to its head. */
    public static void awaitCaughtUp(Api admin, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            JsonNode status = admin.get(REPLAY).json();
            boolean caughtUp = status.get("processors").size() > 0;
            for (JsonNode processor : status.get("processors")) {
                caughtUp &= !processor.get("position").isNull()
                        && processor.get("position").asLong() >= processor.get("head").asLong();
            }
            if (caughtUp) {
                return;
            }
            assertThat(System.nanoTime()).as("caught up within " + bound + ": " + status).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static String ok(Api api, String path) {
        Api.Response response = api.get(path);
        assertThat(response.status()).as(path + ": " + response.text()).isEqualTo(200);
        return response.text();
    }
}
