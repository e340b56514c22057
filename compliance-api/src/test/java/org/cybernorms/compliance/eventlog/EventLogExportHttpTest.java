package org.cybernorms.compliance.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cybernorms.compliance.support.Api;
import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cybernorms.compliance.support.EventLogClient.lines;
import static org.cybernorms.compliance.support.EventLogClient.postNdjson;

/** The export carries a hash chain over every line, and the verification names the first line that breaks it. */
class EventLogExportHttpTest extends EmbeddedStoreTest {

    @Test
    void exportsTheWholeLogAsHashChainedCloudEventsThatVerify() {
        api.create("/api/violations", """
                {"state":"AUT","instrument":"un-gge-2015","norm":"13c","occurredOn":"2021-01-01",
                 "reportedOn":"2021-02-01","severity":"LOW","summary":"Scanning \\u00e9\\u4e2d \\"quoted\\"",
                 "evidence":["https://example.org/a"]}""", "violationId");
        Api historian = api.as(HISTORIAN);

        Api.Response export = historian.get("/api/events/export");

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        List<JsonNode> lines = lines(export.text());
        assertThat(lines).hasSizeGreaterThan(12);
        assertThat(lines.get(0).get("type").asText())
                .isEqualTo("org.cybernorms.compliance.instrument.InstrumentCreated.v1");
        assertThat(lines.get(0).get("actor").asText()).isEqualTo("system");
        assertThat(export.header("Log-Last-Sequence"))
                .isEqualTo(lines.get(lines.size() - 1).get("sequence").asText());
        String previous = HashChain.GENESIS;
        for (JsonNode line : lines) {
            String expected = HashChain.next(previous, (ObjectNode) line);
            assertThat(line.get("chainhash").asText()).isEqualTo(expected).hasSize(64);
            previous = expected;
        }
        assertThat(lines).extracting(l -> l.get("sequence").asText()).isSorted().doesNotHaveDuplicates();

        JsonNode verdict = postNdjson(historian, "/api/events/verify", export.text()).json();
        assertThat(verdict.get("valid").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.get("events").asLong()).isEqualTo(lines.size());
        assertThat(verdict.get("lastHash").asText()).isEqualTo(previous);
        assertThat(verdict.get("brokenLine").isNull()).isTrue();
    }

    @Test
    void namesTheFirstLineWhoseHashBreaks() {
        Api historian = api.as(HISTORIAN);
        List<String> lines = new ArrayList<>(List.of(historian.get("/api/events/export").text().split("\n")));
        assertThat(lines.size()).isGreaterThan(5);

        List<String> altered = new ArrayList<>(lines);
        altered.set(3, altered.get(3).replace("\"actor\":\"system\"", "\"actor\":\"someone else\""));
        assertThat(altered.get(3)).isNotEqualTo(lines.get(3));
        JsonNode verdict = postNdjson(historian, "/api/events/verify", String.join("\n", altered)).json();
        assertThat(verdict.get("valid").asBoolean()).isFalse();
        assertThat(verdict.get("brokenLine").asLong()).isEqualTo(4);
        assertThat(verdict.get("events").asLong()).isEqualTo(3);
        assertThat(verdict.get("reason").asText()).startsWith("line 4 has chainhash");

        List<String> dropped = new ArrayList<>(lines);
        dropped.remove(2);
        assertThat(postNdjson(historian, "/api/events/verify", String.join("\n", dropped)).json()
                .get("brokenLine").asLong()).isEqualTo(3);

        JsonNode garbage = postNdjson(api.as(ADMIN), "/api/events/verify", lines.get(0) + "\nnot json\n").json();
        assertThat(garbage.get("brokenLine").asLong()).isEqualTo(2);
        assertThat(garbage.get("reason").asText()).contains("not JSON");

        JsonNode empty = postNdjson(historian, "/api/events/verify", "").json();
        assertThat(empty.get("valid").asBoolean()).isTrue();
        assertThat(empty.get("events").asLong()).isZero();
    }
}
