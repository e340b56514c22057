package org.cybernorms.compliance.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import org.cybernorms.compliance.support.Api;
import org.cybernorms.compliance.support.FreshInstallation;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cybernorms.compliance.support.EmbeddedStoreTest.ADMIN;
import static org.cybernorms.compliance.support.EmbeddedStoreTest.HISTORIAN;
import static org.cybernorms.compliance.support.EmbeddedStoreTest.MONITOR;
import static org.cybernorms.compliance.support.EventLogClient.lines;
import static org.cybernorms.compliance.support.EventLogClient.postNdjson;

/**
 * Old events stay readable after their type changed: a log written while ViolationReported was revision 1 (evidence
 * as strings) is restored into a fresh installation, and every reader sees revision 2 (evidence as typed links)
 * through the upcaster, while the stored rows stay as they were written. Its scorecards are those it had.
 */
class OldLogUpcastingHttpTest {

    private static String sample() throws IOException {
        try (InputStream in = OldLogUpcastingHttpTest.class.getResourceAsStream("/eventlog/log-revision1.ndjson")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void restoresALogOfRevisionOneAndReadsItAsRevisionTwo() throws Exception {
        String sample = sample();
        assertThat(sample).contains("org.cybernorms.compliance.violation.ViolationReported.v1")
                .doesNotContain("ViolationReported.v2");

        // A small limit for exports here (the sample is about 22 KB), to see larger bodies refused.
        try (FreshInstallation fresh = new FreshInstallation("--compliance.http.max-log-size=64KB")) {
            Api admin = fresh.as(ADMIN);
            String tooLarge = (sample + "\n").repeat(4);
            assertThat(postNdjson(admin, "/api/events/verify", tooLarge).status()).as("announced too large")
                    .isEqualTo(413);
            Api.Response streamed = admin.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + fresh.port() + "/api/admin/events/import"))
                    .header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                            tooLarge.getBytes(StandardCharsets.UTF_8)))).build());
            assertThat(streamed.status()).as("found too large while streamed: " + streamed.text()).isEqualTo(413);
            assertThat(streamed.json().get("type").asText()).isEqualTo("/problems/payload-too-large");

            Api.Response imported = postNdjson(admin, "/api/admin/events/import", sample);
            assertThat(imported.status()).as(imported.text()).isEqualTo(200);
            assertThat(imported.json().get("imported").asLong()).isEqualTo(22);
            EventLogRestoreHttpTest.awaitReplay(admin);

            List<JsonNode> reports = lines(fresh.as(HISTORIAN).get("/api/events?type=ViolationReported").text());
            assertThat(reports).hasSize(2);
            assertThat(reports).extracting(r -> r.get("type").asText())
                    .containsOnly("org.cybernorms.compliance.violation.ViolationReported.v2");
            JsonNode evidence = reports.get(0).get("data").get("evidence");
            assertThat(evidence.toString()).isEqualTo("[{\"url\":\"https://example.org/reports/incident-2021.pdf\","
                    + "\"kind\":\"DOCUMENT\"},{\"url\":\"https://web.archive.org/web/20210306000000/"
                    + "https://example.org/news/water\",\"kind\":\"ARCHIVE\"},{\"url\":"
                    + "\"https://example.org/news/water\",\"kind\":\"LINK\"}]");
            assertThat(reports.get(1).get("data").get("evidence").toString()).isEqualTo("[]");

            String violation = reports.get(0).get("subject").asText();
            JsonNode view = admin.get("/api/violations/" + violation).json();
            assertThat(view.get("status").asText()).isEqualTo("CONFIRMED");
            assertThat(view.get("evidence").toString()).as("the HTTP contract keeps evidence as addresses")
                    .isEqualTo("[\"https://example.org/reports/incident-2021.pdf\",\"https://web.archive.org/web/"
                            + "20210306000000/https://example.org/news/water\",\"https://example.org/news/water\"]");
            assertThat(view.get("history").get(0).get("details").get("evidence").get(1).get("kind").asText())
                    .isEqualTo("ARCHIVE");

            assertThat(admin.get("/api/states/BRA/scorecard?asOf=2024-12-31").json().get("score").asText())
                    .isEqualTo("56.8");
            JsonNode argentina = admin.get("/api/states/ARG/scorecard?asOf=2024-12-31").json();
            assertThat(argentina.get("score").asText()).isEqualTo("49.5");
            assertThat(argentina.get("norms").get(5).get("norm").asText()).isEqualTo("13f");
            assertThat(argentina.get("norms").get(5).get("score").asText()).isEqualTo("44.7");
            assertThat(admin.get("/api/scorecards?asOf=2024-12-31").text())
                    .isEqualTo("[{\"state\":\"BRA\",\"score\":56.8,\"rank\":1},{\"state\":\"ARG\",\"score\":49.5,"
                            + "\"rank\":2}]");

            String response = "{\"respondedOn\":\"2022-01-06\",\"text\":\"We deny it.\"}";
            assertThat(fresh.as(MONITOR).post("/api/violations/" + reports.get(1).get("subject").asText()
                    + "/response", response).status()).as("the old report's aggregate loads and acts")
                    .isEqualTo(200);
            fresh.as(MONITOR).create("/api/violations", """
                    {"state":"ARG","instrument":"un-gge-2015","norm":"13a","occurredOn":"2023-01-01",
                     "severity":"LOW","summary":"New","evidence":["https://example.org/n.csv"]}""", "violationId");
            List<Map<String, Object>> stored = fresh.context().getBean(JdbcTemplate.class).queryForList(
                    "select payload_revision from domain_event_entry where payload_type like ? order by global_index",
                    "%ViolationReported");
            assertThat(stored).extracting(row -> row.get("PAYLOAD_REVISION"))
                    .as("old rows are never rewritten; new ones are written as revision 2")
                    .containsExactly("1", "1", "2");

            String export = fresh.as(HISTORIAN).get("/api/events/export").text();
            assertThat(postNdjson(fresh.as(HISTORIAN), "/api/events/verify", export).json().get("valid")
                    .asBoolean()).isTrue();
            List<JsonNode> restored = lines(export);
            List<JsonNode> original = lines(sample);
            for (int i = 0; i < original.size(); i++) {
                assertThat(restored.get(i).get("id")).isEqualTo(original.get(i).get("id"));
                assertThat(restored.get(i).get("sequence")).isEqualTo(original.get(i).get("sequence"));
                assertThat(restored.get(i).get("time")).isEqualTo(original.get(i).get("time"));
            }
        }
    }
}
