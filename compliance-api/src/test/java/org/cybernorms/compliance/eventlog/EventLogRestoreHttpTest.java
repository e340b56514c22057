package org.cybernorms.compliance.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import org.cybernorms.compliance.support.Api;
import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.cybernorms.compliance.support.FreshInstallation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cybernorms.compliance.support.EventLogClient.lines;
import static org.cybernorms.compliance.support.EventLogClient.postNdjson;

/**
 * Backup and restore: the export of this installation, imported into a fresh installation (its own application
 * context on a new data directory), gives identical scorecards and an identical export. Refusals change nothing.
 */
class EventLogRestoreHttpTest extends EmbeddedStoreTest {

    private static final String IMPORT = "/api/admin/events/import";

    @Test
    void restoresAnExportIntoAFreshInstallationWithIdenticalScorecardsAndExport() throws InterruptedException {
        api.post("/api/states/BEL/pledges", "{\"instrument\":\"un-gge-2015\",\"norm\":\"13a\","
                + "\"pledgedOn\":\"2019-01-01\",\"statement\":\"We cooperate.\"}");
        api.post("/api/states/BEL/reservations", "{\"instrument\":\"un-gge-2015\",\"norm\":\"13b\","
                + "\"enteredOn\":\"2019-01-01\",\"text\":\"Reserved.\"}");
        String commitment = api.create("/api/commitments", """
                {"state":"BEL","instrument":"un-gge-2015","norm":"13g","description":"Protect the grid",
                 "madeOn":"2019-01-15","dueOn":"2020-06-01"}""", "commitmentId");
        api.post("/api/commitments/" + commitment + "/fulfilment",
                "{\"fulfilledOn\":\"2020-09-01\",\"evidence\":\"Late, but done\"}");
        String violation = api.create("/api/violations", """
                {"state":"NLD","instrument":"un-gge-2015","norm":"13f","occurredOn":"2020-02-24",
                 "reportedOn":"2020-03-01","severity":"CRITICAL","summary":"Grid disruption",
                 "evidence":["https://example.org/report.pdf","https://example.org/news"]}""", "violationId");
        api.post("/api/violations/" + violation + "/review", "{\"startedOn\":\"2020-03-10\"}");
        api.post("/api/violations/" + violation + "/confirmation",
                "{\"confirmedOn\":\"2020-05-10\",\"finding\":\"Attributed\"}");
        Instant knownAt = Instant.now();
        List<String> before = scorecards(api, knownAt);
        Api historian = api.as(HISTORIAN);
        String export = historian.get("/api/events/export").text();
        int events = lines(export).size();

        assertThat(postNdjson(api.as(ADMIN), IMPORT, export).status()).as("this store is not empty")
                .isEqualTo(409);

        try (FreshInstallation fresh = new FreshInstallation()) {
            Api admin = fresh.as(ADMIN);
            String seedOnly = admin.get("/api/events/export").text();
            assertThat(lines(seedOnly)).hasSize(12);

            String tampered = export.replace("\"severity\":\"CRITICAL\"", "\"severity\":\"LOW\"");
            Api.Response refused = postNdjson(admin, IMPORT, tampered);
            assertThat(refused.status()).as(refused.text()).isEqualTo(422);
            assertThat(refused.json().get("type").asText()).isEqualTo("/problems/invalid-export");
            assertThat(refused.json().get("line").asLong()).isPositive();
            assertThat(admin.get("/api/events/export").text()).as("a refused import changes nothing")
                    .isEqualTo(seedOnly);

            Api.Response imported = postNdjson(admin, IMPORT, export);

            assertThat(imported.status()).as(imported.text()).isEqualTo(200);
            assertThat(imported.json().get("imported").asLong()).isEqualTo(events);
            assertThat(imported.json().get("replacedSeedEvents").asLong()).isEqualTo(12);
            awaitReplay(admin);
            assertThat(scorecards(admin, knownAt)).containsExactlyElementsOf(before);
            assertThat(admin.get("/api/events/export").text()).isEqualTo(export);
            assertThat(admin.get("/api/violations/" + violation).json().get("status").asText())
                    .isEqualTo("CONFIRMED");

            Api.Response again = postNdjson(admin, IMPORT, export);
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("type").asText()).isEqualTo("/problems/store-not-empty");
            assertThat(admin.get("/api/events/export").text()).isEqualTo(export);

            Api.Response recorded = fresh.as(MONITOR).post("/api/states/BEL/pledges", "{\"instrument\":"
                    + "\"un-gge-2015\",\"norm\":\"13c\",\"pledgedOn\":\"2019-01-01\",\"statement\":\"After.\"}");
            assertThat(recorded.status()).as("the restored installation records new facts after the import: "
                    + recorded.text()).isEqualTo(201);
        }
    }

    private static List<String> scorecards(Api client, Instant knownAt) {
        List<String> answers = new ArrayList<>();
        for (String path : List.of("/api/states/BEL/scorecard?asOf=2024-12-31",
                "/api/states/NLD/scorecard?asOf=2024-12-31", "/api/scorecards?asOf=2024-12-31",
                "/api/states/BEL/scorecard/history?from=2019-01-01&to=2021-01-01&step=MONTH")) {
            Api.Response response = client.get(path + "&knownAt=" + knownAt);
            assertThat(response.status()).as(path + ": " + response.text()).isEqualTo(200);
            answers.add(response.text());
        }
        return answers;
    }

    static void awaitReplay(Api admin) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode status = admin.get("/api/admin/projections/replay").json();
            assertThat(status.get("status").asText()).as(status.toString()).isNotEqualTo("failed");
            if (status.get("status").asText().equals("completed")) {
                return;
            }
            assertThat(System.nanoTime()).as("the replay did not complete: %s", status).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
