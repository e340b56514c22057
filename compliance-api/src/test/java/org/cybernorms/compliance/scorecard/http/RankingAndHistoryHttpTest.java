package org.cybernorms.compliance.scorecard.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ranking of states, score histories and the CSV form of all three answers. The ranking runs under an instrument
 * of its own ({@code ranking-test}, norms n1 and n2), so that it lists exactly the states recorded here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RankingAndHistoryHttpTest extends ScorecardStoreTest {

    private static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");
    private static final String RANKING = "/api/scorecards?instrument=ranking-test";

    /** Recorded after EST, AUT and BEL, before CHE and CZE. */
    private Instant beforeCheAndCze;

    @BeforeAll
    void recordFacts() throws InterruptedException {
        tracker = new TrackerClient(port, ADMIN_TOKEN);
        tracker.createInstrument("ranking-test", "2020-01-01", "n1", "n2");
        String commitment = tracker.commit("EST", "ranking-test", "n1", "2020-02-01", "2020-06-30");
        tracker.fulfil(commitment, "2020-06-01");
        tracker.pledge("AUT", "ranking-test", "n1", "2020-02-01");
        tracker.pledge("BEL", "ranking-test", "n2", "2020-02-01");
        Thread.sleep(5);
        beforeCheAndCze = Instant.now();
        Thread.sleep(5);
        tracker.sign("CHE", "ranking-test", "2020-02-01");
        tracker.reserve("CZE", "ranking-test", "n1", "2020-02-01");
        tracker.reserve("CZE", "ranking-test", "n2", "2020-02-01");

        // Under un-gge-2015: commitment B of the worked example, for Italy.
        String italy = tracker.commit("ITA", GGE, "13g", "2023-01-15", "2023-12-31");
        tracker.fulfil(italy, "2024-02-15");
    }

    private static List<String> ranking(JsonNode ranking) {
        List<String> lines = new ArrayList<>();
        ranking.forEach(line -> lines.add(line.get("state").asText() + " " + line.get("score").asText() + " #"
                + line.get("rank").asText()));
        return lines;
    }

    private static List<String> history(JsonNode history) {
        List<String> points = new ArrayList<>();
        history.forEach(point -> points.add(point.get("date").asText() + " " + point.get("score").asText()));
        return points;
    }

    private static List<CSVRecord> csv(TrackerClient.Answer answer, String... header) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/csv");
        assertThat(answer.body()).startsWith(String.join(",", header) + "\r\n");
        try (CSVParser parser = CSVParser.parse(new StringReader(answer.body()),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getHeaderNames()).containsExactly(header);
            return parser.getRecords();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    // ---- ranking ------------------------------------------------------------------------------------------------

    @Test
    void ranksEveryStateWithFactsByScoreWithSharedRanksForTiesAndNoScoresLast() {
        TrackerClient.Answer answer = tracker.get(RANKING + "&asOf=2021-01-01");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(ranking(answer.json())).containsExactly(
                "EST 75.0 #1",
                "AUT 62.5 #2",
                "BEL 62.5 #2",
                "CHE 50.0 #4",
                "CZE null #null");
        assertThat(answer.body()).contains("{\"state\":\"CZE\",\"score\":null,\"rank\":null}");
    }

    @Test
    void ranksStatesWhoseFactsAreNotYetInEffectAtTheirBaseAllSharingTheFirstRank() {
        JsonNode ranking = tracker.ok(RANKING + "&asOf=2020-01-15");

        assertThat(ranking(ranking)).containsExactly(
                "AUT 50.0 #1", "BEL 50.0 #1", "CHE 50.0 #1", "CZE 50.0 #1", "EST 50.0 #1");
    }

    @Test
    void leavesOutStatesWhoseFactsWereRecordedAfterKnownAt() {
        JsonNode ranking = tracker.ok(RANKING + "&asOf=2021-01-01&knownAt=" + beforeCheAndCze);

        assertThat(ranking(ranking)).containsExactly("EST 75.0 #1", "AUT 62.5 #2", "BEL 62.5 #2");
    }

    @Test
    void answersTheRankingAsCsv() {
        TrackerClient.Answer answer = tracker.get(RANKING + "&asOf=2021-01-01", TEXT_CSV);

        List<CSVRecord> rows = csv(answer, "rank", "state", "score");
        assertThat(rows).extracting(CSVRecord::values).containsExactly(
                new String[]{"1", "EST", "75.0"},
                new String[]{"2", "AUT", "62.5"},
                new String[]{"2", "BEL", "62.5"},
                new String[]{"4", "CHE", "50.0"},
                new String[]{"", "CZE", ""});
    }

    // ---- history ------------------------------------------------------------------------------------------------

    @Test
    void monthlyHistoryGivesTheLastDayOfEachMonthAndEndsOnTo() {
        JsonNode points = tracker.ok("/api/states/ITA/scorecard/history?from=2024-01-10&to=2024-04-15&step=MONTH");

        assertThat(history(points)).containsExactly(
                "2024-01-31 45.5", "2024-02-29 50.0", "2024-03-31 50.0", "2024-04-15 50.0");
    }

    @Test
    void monthIsTheDefaultStep() {
        JsonNode points = tracker.ok("/api/states/ITA/scorecard/history?from=2024-01-10&to=2024-04-15");

        assertThat(points.size()).isEqualTo(4);
    }

    @Test
    void dailyHistoryGivesEveryDayFromFromToTo() {
        JsonNode points = tracker.ok("/api/states/ITA/scorecard/history?from=2023-12-30&to=2024-01-01&step=DAY");

        assertThat(history(points)).as("commitment due 2023-12-31 and still open that day is overdue")
                .containsExactly("2023-12-30 50.0", "2023-12-31 45.5", "2024-01-01 45.5");
    }

    @Test
    void weeklyHistoryGivesEverySeventhDayFromFrom() {
        JsonNode points = tracker.ok("/api/states/ITA/scorecard/history?from=2024-01-01&to=2024-01-20&step=WEEK");

        assertThat(history(points)).containsExactly("2024-01-01 45.5", "2024-01-08 45.5", "2024-01-15 45.5");
    }

    @Test
    void historyOfAStateWithEveryNormReservedHasNoScoreOnceReserved() {
        JsonNode points = tracker.ok("/api/states/CZE/scorecard/history?instrument=ranking-test&from=2020-01-01"
                + "&to=2020-03-31&step=MONTH");

        assertThat(history(points)).containsExactly("2020-01-31 50.0", "2020-02-29 null", "2020-03-31 null");
    }

    @Test
    void answersUpTo3700PointsAndRefusesMore() {
        LocalDate to = LocalDate.of(2024, 1, 1);
        String path = "/api/states/ITA/scorecard/history?to=" + to + "&step=DAY&from=";

        JsonNode most = tracker.ok(path + to.minusDays(3_699));
        TrackerClient.Answer tooMany = tracker.get(path + to.minusDays(3_700));

        assertThat(most.size()).isEqualTo(3_700);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.errorFields()).containsExactly("step");
        assertThat(tooMany.json().get("errors").get(0).get("message").asText()).contains("3701", "3700");
    }

    @Test
    void answersTheHistoryAsCsv() {
        TrackerClient.Answer answer = tracker.get("/api/states/CZE/scorecard/history?instrument=ranking-test"
                + "&from=2020-01-01&to=2020-02-29", TEXT_CSV);

        List<CSVRecord> rows = csv(answer, "date", "score");
        assertThat(rows).extracting(CSVRecord::values).containsExactly(
                new String[]{"2020-01-31", "50.0"},
                new String[]{"2020-02-29", ""});
    }

    // ---- scorecard as CSV ---------------------------------------------------------------------------------------

    @Test
    void answersTheScorecardAsCsvWithOneRowPerNorm() {
        TrackerClient.Answer answer = tracker.get("/api/states/ITA/scorecard?asOf=2024-01-10", TEXT_CSV);

        List<CSVRecord> rows = csv(answer, CsvTables.SCORECARD_HEADER);
        assertThat(rows).hasSize(11);
        assertThat(rows).extracting(r -> r.get("norm")).containsExactly(
                "13a", "13b", "13c", "13d", "13e", "13f", "13g", "13h", "13i", "13j", "13k");
        CSVRecord n13g = rows.get(6);
        assertThat(n13g.get("state")).isEqualTo("ITA");
        assertThat(n13g.get("instrument")).isEqualTo(GGE);
        assertThat(n13g.get("methodology")).isEqualTo("v1");
        assertThat(n13g.get("asOf")).isEqualTo("2024-01-10");
        assertThat(Instant.parse(n13g.get("knownAt"))).isBefore(Instant.now());
        assertThat(n13g.get("stateScore")).isEqualTo("45.5");
        assertThat(n13g.get("title")).isEqualTo("Protect one's own critical infrastructure");
        assertThat(n13g.get("status")).isEqualTo("SCORED");
        assertThat(n13g.get("score")).isEqualTo("0.0");
        assertThat(n13g.get("pledged")).isEqualTo("false");
        assertThat(n13g.get("commitmentsEvaluable")).isEqualTo("1");
        assertThat(n13g.get("overdue")).isEqualTo("1");
        assertThat(n13g.get("violationsReported")).isEqualTo("0");
    }

    @Test
    void aReservedNormHasAnEmptyScoreInCsv() {
        TrackerClient.Answer answer = tracker.get("/api/states/CZE/scorecard?instrument=ranking-test"
                + "&asOf=2021-01-01", TEXT_CSV);

        List<CSVRecord> rows = csv(answer, CsvTables.SCORECARD_HEADER);
        assertThat(rows).extracting(r -> r.get("norm") + " " + r.get("status") + " [" + r.get("score") + "] ["
                + r.get("stateScore") + "]").containsExactly("n1 RESERVED [] []", "n2 RESERVED [] []");
    }
}
