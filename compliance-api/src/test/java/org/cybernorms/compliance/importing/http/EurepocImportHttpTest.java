package org.cybernorms.compliance.importing.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.cybernorms.compliance.importing.eurepoc.EurepocCsv;
import org.cybernorms.compliance.importing.eurepoc.EurepocDataset;
import org.cybernorms.compliance.shared.StateCode;
import org.cybernorms.compliance.support.Api.Response;
import org.cybernorms.compliance.support.ImportStoreTest;
import org.cybernorms.compliance.violation.api.EvidenceLink;
import org.cybernorms.compliance.violation.api.ViolationEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/imports/eurepoc against the real embedded store, with the project's own samples. */
class EurepocImportHttpTest extends ImportStoreTest {

    @Autowired
    EventStore eventStore;

    @Test
    void importsTheSampleAccountsForEveryRowAndASecondImportCreatesNothing() throws IOException {
        String sample = resource("/eurepoc/sample.csv");
        long before = storedEvents();

        Response first = importCsv(sample, "");

        assertThat(first.status()).isEqualTo(200);
        JsonNode report = first.json();
        assertThat(report.get("dataset").asText()).isEqualTo("EuRepoC Global Database");
        assertThat(report.get("datasetVersion").asText()).isEqualTo("1.1");
        assertThat(report.get("rowsRead").asLong()).isEqualTo(13);
        assertThat(report.get("rowsImported").asLong()).isEqualTo(4);
        assertThat(report.get("rowsSkipped").asLong()).isEqualTo(9);
        Map<String, Long> expected = new java.util.LinkedHashMap<>();
        expected.put("MALFORMED_ROW", 2L);
        expected.put("NO_ATTRIBUTION", 1L);
        expected.put("NON_STATE_INITIATOR", 1L);
        expected.put("STATE_AFFILIATION_ONLY", 1L);
        expected.put("NO_STATE_NAMED", 1L);
        expected.put("UNKNOWN_COUNTRY", 1L);
        expected.put("INVALID_DATE", 1L);
        expected.put("NORM_NOT_IN_FORCE", 1L);
        expected.put("ALREADY_IMPORTED", 0L);
        expected.put("REJECTED", 0L);
        assertThat(counts(report.get("skipped"))).containsExactlyEntriesOf(expected);
        assertAddsUp(report);
        assertThat(report.get("violationsCreated").asLong()).isEqualTo(5);
        assertThat(report.get("violationsRejected").asLong()).isZero();
        assertThat(counts(report.get("unresolvedCountries"))).containsOnlyKeys("Atlantis", "Kosovo");
        assertThat(report.get("evidenceLinksDropped").asLong()).isEqualTo(2);
        assertThat(report.get("created").findValuesAsText("state"))
                .containsExactly("RUS", "CHN", "PRK", "CHN", "IRN");
        assertThat(report.get("problems").findValuesAsText("reason")).containsExactly("UNKNOWN_COUNTRY",
                "INVALID_DATE", "MALFORMED_ROW", "NO_STATE_NAMED", "MALFORMED_ROW");
        assertThat(storedEvents()).isEqualTo(before + 5);
        assertAffectedStateCanReadItsViolation();

        Response second = importCsv(sample, "");

        assertThat(second.status()).isEqualTo(200);
        JsonNode again = second.json();
        assertThat(again.get("violationsCreated").asLong()).isZero();
        assertThat(again.get("violationsAlreadyImported").asLong()).isEqualTo(5);
        assertThat(again.get("rowsImported").asLong()).isZero();
        assertThat(again.get("skipped").get("ALREADY_IMPORTED").asLong()).isEqualTo(4);
        assertThat(again.get("skipped").get("NO_ATTRIBUTION").asLong()).isEqualTo(1);
        assertThat(again.get("importId").asText()).isNotEqualTo(report.get("importId").asText());
        assertAddsUp(again);
        assertThat(storedEvents()).isEqualTo(before + 5);
    }

    /** The violation against Russia of sample incident 900001, read by its derived id. */
    private void assertAffectedStateCanReadItsViolation() {
        String id = EurepocDataset.violationId("900001", StateCode.of("RUS")).value();

        Response response = api.get("/api/violations/" + id);

        assertThat(response.status()).isEqualTo(200);
        JsonNode violation = response.json();
        assertThat(violation.get("state").asText()).isEqualTo("RUS");
        assertThat(violation.get("instrument").asText()).isEqualTo("un-gge-2015");
        assertThat(violation.get("norm").asText()).isEqualTo("13f");
        assertThat(violation.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(violation.get("occurredOn").asText()).isEqualTo("2022-02-24");
        assertThat(violation.get("reportedOn").asText()).isEqualTo("2022-05-10");
        assertThat(violation.get("status").asText()).isEqualTo("REPORTED");
        assertThat(violation.get("reportingBody").asText()).isEqualTo("EuRepoC Global Database 1.1");
        assertThat(violation.get("summary").asText()).startsWith("Test grid wiper: Invented incident");
        List<String> evidence = new ArrayList<>();
        violation.get("evidence").forEach(link -> evidence.add(link.asText()));
        assertThat(evidence).containsExactly("https://example.org/eurepoc-test/900001", "http://example.net/a",
                "https://example.net/b");
    }

    @Test
    void confirmsOnRequestAndRecordsProvenanceOnEveryStoredEvent() {
        String csv = header() + "\n" + row("900201", "Test confirmed", "2021-03-01", "Iran, Islamic Republic of",
                "State", "2021-04-15 00:00:00", "[['Critical infrastructure']]", "3.0",
                "['https://example.org/eurepoc-test/900201', 'mailto:someone@example.org']") + "\n";

        Response response = importCsv(csv, "?confirm=true");

        assertThat(response.status()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("confirm").asBoolean()).isTrue();
        assertThat(report.get("violationsCreated").asLong()).isEqualTo(1);
        assertThat(report.get("violationsConfirmed").asLong()).isEqualTo(1);
        assertThat(report.get("created").get(0).get("status").asText()).isEqualTo("CONFIRMED");
        String id = EurepocDataset.violationId("900201", StateCode.of("IRN")).value();
        JsonNode violation = api.get("/api/violations/" + id).json();
        assertThat(violation.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(violation.get("occurredOn").asText()).isEqualTo("2021-03-01");
        assertThat(violation.get("reportedOn").asText()).isEqualTo("2021-04-15");
        assertThat(violation.get("reviewStartedOn").asText()).isEqualTo("2021-04-15");
        assertThat(violation.get("confirmedOn").asText()).isEqualTo("2021-04-15");
        assertThat(violation.get("finding").asText())
                .contains("Iran, Islamic Republic of (IRN)", "EuRepoC Global Database 1.1", "incident 900201");
        assertThat(violation.get("severity").asText()).isEqualTo("MEDIUM");

        // read back from the event store: each stored event carries the provenance of its row
        List<DomainEventMessage<?>> events = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(id);
        stream.forEachRemaining(events::add);
        assertThat(events).extracting(e -> (Object) e.getPayload().getClass()).containsExactly(
                ViolationEvents.ViolationReported.class, ViolationEvents.ViolationReviewStarted.class,
                ViolationEvents.ViolationConfirmed.class);
        for (DomainEventMessage<?> event : events) {
            MetaData metaData = event.getMetaData();
            assertThat(metaData)
                    .containsEntry("provenance.dataset", "EuRepoC Global Database")
                    .containsEntry("provenance.datasetVersion", "1.1")
                    .containsEntry("provenance.incidentId", "900201")
                    .containsEntry("provenance.countryName", "Iran, Islamic Republic of")
                    .containsEntry("provenance.importId", report.get("importId").asText())
                    .containsEntry("provenance.sourceUrls",
                            List.of("https://example.org/eurepoc-test/900201", "mailto:someone@example.org"))
                    .containsKeys("provenance.normRule", "provenance.weightedCyberIntensity",
                            "traceId", "correlationId");
        }
        // and in the stored row itself
        String stored = new String(jdbc.queryForObject("select meta_data from domain_event_entry "
                + "where aggregate_identifier = ? and sequence_number = 0", byte[].class, id), StandardCharsets.UTF_8);
        assertThat(stored).contains("\"provenance.incidentId\":\"900201\"", "https://example.org/eurepoc-test/900201");
        // and who imported it, although worker threads sent the commands
        assertThat(stored).contains("\"actorRole\":\"MONITOR\"", "\"actor\":\"token:MONITOR:");
        // the report's evidence holds only the web address
        assertThat(events.get(0).getPayload()).isInstanceOfSatisfying(ViolationEvents.ViolationReported.class,
                reported -> assertThat(reported.evidence()).extracting(EvidenceLink::url)
                        .containsExactly("https://example.org/eurepoc-test/900201"));
    }

    @Test
    void showsConfirmedImportedReportsOnTheAffectedStatesScorecard() {
        String csv = header() + "\n" + row("900501", "Test scorecard", "2021-03-01", "Belarus", "State", "2021-06-01",
                "[['Media']]", "5.0", "[]") + "\n";

        JsonNode report = importCsv(csv, "?confirm=true").json();
        JsonNode scorecard = api.get("/api/states/BLR/scorecard").json();

        assertThat(report.get("violationsCreated").asLong()).isEqualTo(1);
        List<JsonNode> hit = new ArrayList<>();
        scorecard.get("norms").forEach(norm -> {
            if (norm.get("violations").get("confirmed").asInt() == 1) {
                hit.add(norm);
            }
        });
        assertThat(hit).hasSize(1);
        assertThat(hit.get(0).get("violations").get("reported").asInt()).isEqualTo(1);
        assertThat(hit.get(0).get("score").decimalValue()).isLessThan(new java.math.BigDecimal("50.0"));
        assertThat(scorecard.get("score").decimalValue()).isLessThan(new java.math.BigDecimal("50.0"));
    }

    @Test
    void countsARepeatedRowAsAlreadyImported() {
        String line = row("900301", "Test repeated", "2021-03-01", "Russia", "State", "", "[['Media']]", "1.0",
                "[]");
        String csv = header() + "\n" + line + "\n" + line + "\n" + line + "\n";

        JsonNode report = importCsv(csv, "").json();

        assertThat(report.get("violationsCreated").asLong()).isEqualTo(1);
        assertThat(report.get("violationsAlreadyImported").asLong()).isEqualTo(2);
        assertThat(report.get("rowsImported").asLong()).isEqualTo(1);
        assertThat(report.get("skipped").get("ALREADY_IMPORTED").asLong()).isEqualTo(2);
        assertThat(report.get("violationsRejected").asLong()).isZero();
    }

    @Test
    void refusesAFileOfAnotherFormatWholeAndStoresNothing() {
        long before = storedEvents();

        Response response = importCsv("ID,name,start_date\n900401,Test,2021-01-01\n", "");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/invalid-input");
        assertThat(response.json().get("errors").findValuesAsText("message"))
                .contains("missing column 'attributed_initiator_country' of the EuRepoC Global Database format");
        assertThat(response.json().get("errors").findValuesAsText("field")).containsOnly("body");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void refusesABrokenCsvWholeAndStoresNothing() {
        long before = storedEvents();
        String csv = header() + "\n" + row("900402", "Test", "2021-03-01", "Russia", "State", "", "[['Media']]",
                "1.0", "[]") + "\n900403,\"unterminated\n";

        Response response = importCsv(csv, "");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("message").asText())
                .startsWith("the CSV breaks after data row 1");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void answersOtherMediaTypesWith415() {
        Response response = api.post("/api/imports/eurepoc", "{}", "application/json");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.json().get("detail").asText()).isEqualTo("Send the body as text/csv.");
    }

    @Test
    void answersAnUnreadableConfirmFlagWith400() {
        Response response = importCsv(header() + "\n", "?confirm=maybe");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("confirm");
    }

    @Test
    void answersABodyBeyondTheLimitWith413AndStoresNothing() {
        long before = storedEvents();
        String filler = "x".repeat(1024);
        StringBuilder csv = new StringBuilder(header()).append('\n');
        while (csv.length() <= (MAX_BODY_MEGABYTES + 1) * 1024 * 1024) {
            csv.append(row("900499", filler, "2021-03-01", "Russia", "State", "", "[]", "1.0", "[]")).append('\n');
        }

        Response response = importCsv(csv.toString(), "");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/payload-too-large");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void isDescribedInTheOpenApiDocument() {
        JsonNode operation = api.get("/v3/api-docs").json().get("paths").get("/api/imports/eurepoc").get("post");

        assertThat(operation.get("requestBody").get("content").has("text/csv")).isTrue();
        assertThat(operation.get("parameters").findValuesAsText("name")).contains("confirm");
        assertThat(operation.get("responses").get("200").get("content").get("application/json").toString())
                .contains("ImportReport");
    }

    static String header() {
        return String.join(",", EurepocCsv.REQUIRED_COLUMNS);
    }

    /** A row of the required columns, in their order. */
    static String row(String id, String name, String startDate, String country, String category,
                      String attributionDate, String receivers, String intensity, String sources) {
        Map<String, String> cells = Map.of(EurepocCsv.ID, id, EurepocCsv.NAME, name,
                EurepocCsv.START_DATE, startDate, EurepocCsv.ATTRIBUTED_INITIATOR_COUNTRY, country,
                EurepocCsv.ATTRIBUTED_INITIATOR_CATEGORY, category, EurepocCsv.ATTRIBUTION_DATE, attributionDate,
                EurepocCsv.RECEIVER_CATEGORY, receivers, EurepocCsv.WEIGHTED_CYBER_INTENSITY, intensity,
                EurepocCsv.SOURCES_URL, sources);
        List<String> values = new ArrayList<>();
        for (String column : EurepocCsv.REQUIRED_COLUMNS) {
            String value = cells.getOrDefault(column, "");
            values.add(value.contains(",") || value.contains("\"")
                    ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
        }
        return String.join(",", values);
    }

    private static void assertAddsUp(JsonNode report) {
        long skipped = 0;
        for (JsonNode count : report.get("skipped")) {
            skipped += count.asLong();
        }
        assertThat(skipped).isEqualTo(report.get("rowsSkipped").asLong());
        assertThat(report.get("rowsImported").asLong() + report.get("rowsSkipped").asLong())
                .isEqualTo(report.get("rowsRead").asLong());
    }

    private static Map<String, Long> counts(JsonNode object) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        object.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    static String resource(String name) throws IOException {
        try (InputStream in = EurepocImportHttpTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
