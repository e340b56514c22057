package org.cybernorms.compliance.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.cybernorms.compliance.support.Api.Response;
import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many clients writing to the same record at once, against the real store: every write either succeeds or gets a
 * 409 problem that says whether to retry; no update is lost and no event is duplicated. Bounded: 16 threads, a
 * fixed number of requests, and a time limit.
 */
class ConcurrentWritesHttpTest extends EmbeddedStoreTest {

    private static final int THREADS = 16;

    @Test
    void keepsEveryConcurrentProgressReportExactlyOnce() throws Exception {
        String id = api.create("/api/commitments", """
                {"state":"NOR","instrument":"un-gge-2015","norm":"13g","description":"d","madeOn":"2021-01-01",
                 "dueOn":"2025-01-01"}""", "commitmentId");
        int perThread = 4;

        List<Response> answers = inParallel(THREADS * perThread, i -> api.post("/api/commitments/" + id + "/progress",
                "{\"reportedOn\":\"2022-01-01\",\"note\":\"report " + i + "\"}"));

        long succeeded = answers.stream().filter(r -> r.status() == 200).count();
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).isIn(200, 409));
        answers.stream().filter(r -> r.status() == 409)
                .forEach(r -> assertThat(r.json().get("retryable").asBoolean()).isTrue());
        JsonNode view = api.get("/api/commitments/" + id).json();
        assertThat(view.get("progress")).hasSize((int) succeeded);
        List<String> notes = view.get("progress").findValuesAsText("note");
        assertThat(new HashSet<>(notes)).hasSize(notes.size());
        assertThat(jdbc.queryForObject("select count(distinct sequence_number) from domain_event_entry "
                + "where aggregate_identifier = ?", Long.class, id)).isEqualTo(succeeded + 1);
    }

    @Test
    void letsExactlyOneOfManyConcurrentFulfilmentsWin() throws Exception {
        String id = api.create("/api/commitments", """
                {"state":"FIN","instrument":"un-gge-2015","norm":"13g","description":"d","madeOn":"2021-01-01",
                 "dueOn":"2025-01-01"}""", "commitmentId");

        List<Response> answers = inParallel(THREADS, i -> api.post("/api/commitments/" + id + "/fulfilment",
                "{\"fulfilledOn\":\"2022-01-01\",\"evidence\":\"evidence " + i + "\"}"));

        assertThat(answers.stream().filter(r -> r.status() == 200)).hasSize(1);
        assertThat(answers.stream().filter(r -> r.status() == 409)).hasSize(THREADS - 1);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, id)).isEqualTo(2);
    }

    private interface Call {
        Response call(int index);
    }

    private static List<Response> inParallel(int requests, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int index = i;
                futures.add(pool.submit((Callable<Response>) () -> call.call(index)));
            }
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
