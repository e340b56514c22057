package org.cybernorms.compliance.benchmark;

import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness's HTTP write load against the real application: every request of the mix, spread or hot, is one the
 * public API accepts (so that a soak measures writes, not refusals), each story goes on from the id its first answer
 * names, and the intervals add up to the whole run.
 */
class HttpWriteLoadTest extends EmbeddedStoreTest {

    /** States no other test of the shared application writes to or reads (the hot mix writes to MHL). */
    private static final List<String> STATES = List.of("PLW", "KIR", "FSM", "WSM");

    @Test
    void theSpreadMixIsAcceptedByThePublicApiStepByStep() throws InterruptedException {
        Map<String, Integer> paths = new TreeMap<>();
        List<HttpWriteLoad.Interval> intervals = new ArrayList<>();
        HttpWriteLoad load = new HttpWriteLoad(port, MONITOR, 2, Duration.ofSeconds(30));

        HttpWriteLoad.Interval whole = load.run(client -> counting(TrackerWriteMix.spread(client, STATES), paths),
                Duration.ofSeconds(4), Duration.ofSeconds(1), intervals::add);

        assertThat(whole.errors()).as("first error: %s", whole.firstError()).isZero();
        assertThat(whole.writes()).isEqualTo(whole.micros().getTotalCount()).isPositive();
        assertThat(intervals.stream().mapToLong(HttpWriteLoad.Interval::writes).sum()).isEqualTo(whole.writes());
        // stories went on past their first write: reviews, replies, progress...
        assertThat(paths.keySet()).contains("/api/violations", "/api/violations/{id}/review",
                "/api/commitments", "/api/commitments/{id}/progress", "/api/states/{state}/pledges");
    }

    @Test
    void theHotMixWritesOnlyToItsStateAndNorm() throws InterruptedException {
        Map<String, Integer> paths = new TreeMap<>();
        List<HttpWriteLoad.Request> sent = new ArrayList<>();
        HttpWriteLoad load = new HttpWriteLoad(port, MONITOR, 2, Duration.ofSeconds(30));

        HttpWriteLoad.Interval whole = load.run(client -> counting(TrackerWriteMix.hot(client, "MHL", "13e"), paths,
                sent), Duration.ofSeconds(3), Duration.ofSeconds(3), interval -> { });

        assertThat(whole.errors()).as("first error: %s", whole.firstError()).isZero();
        assertThat(whole.writes()).isPositive();
        assertThat(sent).filteredOn(request -> request.json().contains("\"norm\""))
                .isNotEmpty()
                .allMatch(request -> request.json().contains("\"norm\":\"13e\""))
                .allMatch(request -> request.path().startsWith("/api/states/MHL/")
                        || request.json().contains("\"state\":\"MHL\""));
    }

    /** Counts the paths a mix sends, with ids replaced by {id}, and states of the pledge paths kept. */
    private static HttpWriteLoad.Mix counting(TrackerWriteMix mix, Map<String, Integer> paths) {
        return counting(mix, paths, new ArrayList<>());
    }

    private static HttpWriteLoad.Mix counting(TrackerWriteMix mix, Map<String, Integer> paths,
                                              List<HttpWriteLoad.Request> sent) {
        return new HttpWriteLoad.Mix() {
            @Override
            public HttpWriteLoad.Request next() {
                HttpWriteLoad.Request request = mix.next();
                String path = request.path().replaceAll("/[0-9a-f]{8}-[0-9a-f-]{27,}", "/{id}");
                if (!path.startsWith("/api/states/MHL/")) {
                    path = path.replaceFirst("^/api/states/[A-Z]{3}/", "/api/states/{state}/");
                }
                synchronized (paths) {
                    paths.merge(path, 1, Integer::sum);
                    sent.add(request);
                }
                return request;
            }

            @Override
            public void answered(HttpWriteLoad.Request request, int status, String body) {
                mix.answered(request, status, body);
            }
        };
    }
}
