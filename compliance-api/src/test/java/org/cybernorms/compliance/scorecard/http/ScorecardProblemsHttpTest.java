package org.cybernorms.compliance.scorecard.http;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests a scorecard cannot answer: 400 problems naming the parameter, and 404 for an unknown instrument. */
class ScorecardProblemsHttpTest extends ScorecardStoreTest {

    private static final String SCORECARD = "/api/states/FRA/scorecard";
    private static final String HISTORY = "/api/states/FRA/scorecard/history";

    private static void assertInvalid(TrackerClient.Answer answer, String... fields) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asText()).isEqualTo("/problems/invalid-input");
        assertThat(answer.errorFields()).containsExactlyInAnyOrder(fields);
    }

    @Test
    void refusesAnAsOfInTheFuture() {
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);

        TrackerClient.Answer answer = tracker.get(SCORECARD + "?asOf=" + tomorrow);

        assertInvalid(answer, "asOf");
        assertThat(answer.json().get("errors").get(0).get("message").asText()).contains("future");
        assertInvalid(tracker.get("/api/scorecards?asOf=" + tomorrow), "asOf");
        assertInvalid(tracker.get(HISTORY + "?from=2024-01-01&to=" + tomorrow), "to");
    }

    @Test
    void refusesAMalformedAsOfNamingIt() {
        TrackerClient.Answer answer = tracker.get(SCORECARD + "?asOf=2024-13-01");

        assertInvalid(answer, "asOf");
        assertThat(answer.json().get("errors").get(0).get("message").asText()).contains("yyyy-MM-dd");
        assertInvalid(tracker.get(SCORECARD + "?asOf=yesterday"), "asOf");
        assertInvalid(tracker.get(HISTORY + "?from=10/01/2024"), "from");
    }

    @Test
    void refusesAMalformedKnownAtNamingIt() {
        TrackerClient.Answer answer = tracker.get(SCORECARD + "?knownAt=2024-01-01");

        assertInvalid(answer, "knownAt");
        assertThat(answer.json().get("errors").get(0).get("message").asText()).contains("ISO-8601 instant");
        assertInvalid(tracker.get("/api/scorecards?knownAt=soon"), "knownAt");
    }

    @Test
    void refusesAKnownAtInTheFuture() {
        Instant later = Instant.now().plus(1, ChronoUnit.HOURS);

        assertInvalid(tracker.get(SCORECARD + "?knownAt=" + later), "knownAt");
    }

    @Test
    void refusesAnUnknownStateCode() {
        assertInvalid(tracker.get("/api/states/XYZ/scorecard"), "state");
        assertInvalid(tracker.get("/api/states/FRANCE/scorecard/history?from=2024-01-01"), "state");
    }

    @Test
    void listsEveryFailingParameterAtOnce() {
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);

        assertInvalid(tracker.get("/api/states/XYZ/scorecard?asOf=" + tomorrow + "&instrument=Not_An_Id"),
                "state", "asOf", "instrument");
    }

    @Test
    void refusesAnUnknownStep() {
        TrackerClient.Answer answer = tracker.get(HISTORY + "?from=2024-01-01&to=2024-02-01&step=FORTNIGHT");

        assertInvalid(answer, "step");
        assertThat(answer.json().get("errors").get(0).get("message").asText()).contains("DAY, WEEK, MONTH");
    }

    @Test
    void refusesAHistoryWhoseFromIsAfterTo() {
        assertInvalid(tracker.get(HISTORY + "?from=2024-03-01&to=2024-02-01"), "from");
    }

    @Test
    void requiresTheStartOfAHistory() {
        assertInvalid(tracker.get(HISTORY + "?to=2024-02-01"), "from");
    }

    @Test
    void answersNotFoundForAnUnknownInstrument() {
        for (String path : new String[]{SCORECARD + "?instrument=no-such-instrument",
                "/api/scorecards?instrument=no-such-instrument",
                HISTORY + "?instrument=no-such-instrument&from=2024-01-01"}) {
            TrackerClient.Answer answer = tracker.get(path);

            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("type").asText()).isEqualTo("/problems/not-found");
            assertThat(answer.json().get("detail").asText()).contains("no-such-instrument");
        }
    }

    @Test
    void answersProblemsAsProblemJsonEvenWhenCsvWasAskedFor() {
        TrackerClient.Answer invalid = tracker.get("/api/states/XYZ/scorecard", MediaType.parseMediaType("text/csv"));
        TrackerClient.Answer unknown = tracker.get("/api/scorecards?instrument=nope",
                MediaType.parseMediaType("text/csv"));

        assertInvalid(invalid, "state");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }
}
