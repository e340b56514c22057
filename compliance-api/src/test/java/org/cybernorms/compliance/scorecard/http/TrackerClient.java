package org.cybernorms.compliance.scorecard.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Talks to the running tracker over real HTTP: records facts through the public write API (each write answers only
 * once the read models have it) and reads answers whatever their status.
 */
public final class TrackerClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient http;

    TrackerClient(int port, String token) {
        this.http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    /** One answer: status, content type and body text. */
    record Answer(int status, String contentType, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** The {@code field} of every entry of a problem's {@code errors} list. */
        List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
            return fields;
        }
    }

    Answer get(String path) {
        return get(path, MediaType.APPLICATION_JSON);
    }

    Answer get(String path, MediaType accept) {
        return http.get().uri(path).accept(accept).exchange((request, response) -> answer(response), true);
    }

    Answer post(String path, Map<String, ?> body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .body(body).exchange((request, response) -> answer(response), true);
    }

    Answer postEmpty(String path) {
        return http.post().uri(path).accept(MediaType.APPLICATION_JSON)
                .exchange((request, response) -> answer(response), true);
    }

    private static Answer answer(org.springframework.http.client.ClientHttpResponse response) throws IOException {
        String type = response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
        String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
        return new Answer(response.getStatusCode().value(), type, body);
    }

    /** A successful JSON answer. */
    public JsonNode ok(String path) {
        Answer answer = get(path);
        assertThat(answer.status()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
        return answer.json();
    }

    private JsonNode write(String path, Map<String, ?> body) {
        Answer answer = post(path, body);
        assertThat(answer.status()).as("POST %s: %s", path, answer.body()).isBetween(200, 299);
        return answer.json();
    }

    // ---- facts ----------------------------------------------------------------------------------------------------

    public String pledge(String state, String instrument, String norm, String pledgedOn) {
        return write("/api/states/" + state + "/pledges", Map.of("instrument", instrument, "norm", norm,
                "pledgedOn", pledgedOn, "statement", "We uphold norm " + norm + ".")).get("pledgeId").asText();
    }

    void withdrawPledge(String state, String pledgeId, String withdrawnOn) {
        write("/api/states/" + state + "/pledges/" + pledgeId + "/withdrawal", Map.of("withdrawnOn", withdrawnOn));
    }

    void reserve(String state, String instrument, String norm, String enteredOn) {
        write("/api/states/" + state + "/reservations", Map.of("instrument", instrument, "norm", norm,
                "enteredOn", enteredOn, "text", "A reservation on " + norm + "."));
    }

    void sign(String state, String instrument, String signedOn) {
        write("/api/states/" + state + "/participation", Map.of("instrument", instrument, "action", "SIGNED",
                "date", signedOn));
    }

    public String commit(String state, String instrument, String norm, String madeOn, String dueOn) {
        return write("/api/commitments", Map.of("state", state, "instrument", instrument, "norm", norm,
                "description", "A commitment under " + norm, "madeOn", madeOn, "dueOn", dueOn))
                .get("commitmentId").asText();
    }

    public void fulfil(String commitmentId, String fulfilledOn) {
        write("/api/commitments/" + commitmentId + "/fulfilment", Map.of("fulfilledOn", fulfilledOn,
                "evidence", "Published in the official journal"));
    }

    void withdrawCommitment(String commitmentId, String withdrawnOn) {
        write("/api/commitments/" + commitmentId + "/withdrawal", Map.of("withdrawnOn", withdrawnOn,
                "reason", "Superseded"));
    }

    void reportProgress(String commitmentId, String reportedOn) {
        write("/api/commitments/" + commitmentId + "/progress", Map.of("reportedOn", reportedOn,
                "note", "Draft published"));
    }

    String reportViolation(String state, String instrument, String norm, String occurredOn, String reportedOn,
                           String severity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", state);
        body.put("instrument", instrument);
        body.put("norm", norm);
        body.put("occurredOn", occurredOn);
        body.put("reportedOn", reportedOn);
        body.put("severity", severity);
        body.put("summary", "An ICT operation against critical infrastructure");
        return write("/api/violations", body).get("violationId").asText();
    }

    void startReview(String violationId, String startedOn) {
        write("/api/violations/" + violationId + "/review", Map.of("startedOn", startedOn));
    }

    void confirm(String violationId, String confirmedOn) {
        write("/api/violations/" + violationId + "/confirmation", Map.of("confirmedOn", confirmedOn,
                "finding", "Attribution confirmed"));
    }

    void dismiss(String violationId, String dismissedOn) {
        write("/api/violations/" + violationId + "/dismissal", Map.of("dismissedOn", dismissedOn,
                "reason", "Insufficient evidence"));
    }

    void remedy(String violationId, String remediedOn) {
        write("/api/violations/" + violationId + "/remedy", Map.of("remediedOn", remediedOn,
                "note", "Infrastructure restored and compensation agreed"));
    }

    /** A confirmed violation report: reported, reviewed and confirmed, all on the day the act occurred. */
    public String confirmedViolation(String state, String instrument, String norm, String on, String severity) {
        String id = reportViolation(state, instrument, norm, on, on, severity);
        startReview(id, on);
        confirm(id, on);
        return id;
    }

    void createInstrument(String instrumentId, String adoptedOn, String... norms) {
        List<Map<String, String>> texts = new ArrayList<>();
        for (String norm : norms) {
            texts.add(Map.of("norm", norm, "title", "Norm " + norm));
        }
        write("/api/instruments", Map.of("instrumentId", instrumentId, "title", "Instrument " + instrumentId,
                "adoptedOn", adoptedOn, "norms", texts));
    }

    void retireNorm(String instrumentId, String norm, String retiredOn) {
        write("/api/instruments/" + instrumentId + "/norms/" + norm + "/retirement", Map.of("retiredOn", retiredOn));
    }

    // ---- reading scorecards -------------------------------------------------------------------------------------

    /** The line of one norm on a scorecard. */
    static JsonNode norm(JsonNode scorecard, String code) {
        for (JsonNode line : scorecard.get("norms")) {
            if (line.get("norm").asText().equals(code)) {
                return line;
            }
        }
        throw new AssertionError("no norm " + code + " on " + scorecard);
    }

    /** The scores of every norm, by code, as displayed ("50.0"; "null" when reserved). */
    static Map<String, String> normScores(JsonNode scorecard) {
        Map<String, String> scores = new LinkedHashMap<>();
        scorecard.get("norms").forEach(line -> scores.put(line.get("norm").asText(), line.get("score").asText()));
        return scores;
    }

    /**
     * The event types of a norm's whole basis, in order. The scorecard lists only the latest facts of a basis: this
     * checks that the line lists every one of them (basisTotal), as it does while there are few.
     */
    static List<String> basisTypes(JsonNode normLine) {
        List<String> types = new ArrayList<>();
        normLine.get("basis").forEach(entry -> types.add(entry.get("type").asText()));
        assertThat(normLine.get("basisTotal").asInt()).as("the line lists its whole basis: %s", normLine)
                .isEqualTo(types.size());
        return types;
    }
}
