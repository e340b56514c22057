package org.cybernorms.compliance.scorecard.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.cybernorms.compliance.scorecard.view.ScorecardQueries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cybernorms.compliance.scorecard.http.TrackerClient.norm;

/**
 * A scorecard shows the latest {@value ScorecardQueries#LATEST_BASIS} facts of each norm's basis and how many there
 * are; {@code GET /api/states/{state}/scorecard/basis} pages through all of them, in the same order.
 */
class ScorecardBasisHttpTest extends ScorecardStoreTest {

    /** The state of these tests (no other scorecard test records facts about it). */
    private static final String STATE = "MNG";
    private static final String BASIS = "/api/states/" + STATE + "/scorecard/basis";
    private static final String AS_OF = "2024-12-31";
    /** Overdue commitments on 13g: with the norm's definition, 22 facts behind its score. */
    private static final int COMMITMENTS = 21;

    private static boolean recorded;

    @BeforeEach
    void recordOverdueCommitments() {
        if (recorded) {
            return;
        }
        for (int i = 0; i < COMMITMENTS; i++) {
            tracker.commit(STATE, GGE, "13g", "2020-01-" + String.format("%02d", i + 1), "2021-01-01");
        }
        recorded = true;
    }

    @Test
    void aScorecardShowsTheLatestFactsOfEachNormAndCountsThemAll() {
        Instant knownAt = Instant.now();
        JsonNode card = tracker.ok("/api/states/" + STATE + "/scorecard?asOf=" + AS_OF + "&knownAt=" + knownAt);
        List<JsonNode> all = entries(tracker.ok(BASIS + "?norm=13g&asOf=" + AS_OF + "&knownAt=" + knownAt
                + "&limit=1000").get("basis"));

        JsonNode line = norm(card, "13g");
        assertThat(line.get("basisTotal").asInt()).isEqualTo(COMMITMENTS + 1);
        assertThat(all).hasSize(COMMITMENTS + 1);
        assertThat(entries(line.get("basis"))).as("the last %d of the whole basis", ScorecardQueries.LATEST_BASIS)
                .hasSize(ScorecardQueries.LATEST_BASIS)
                .isEqualTo(all.subList(all.size() - ScorecardQueries.LATEST_BASIS, all.size()));
        assertThat(all.get(0).get("type").asText()).as("the oldest fact is not shown").isEqualTo("NormAdded");
        assertThat(norm(card, "13a").get("basisTotal").asInt()).isEqualTo(1);
        assertThat(norm(card, "13a").get("basis")).hasSize(1);
    }

    @Test
    void pagesThroughTheWholeBasisInRecordedOrder() {
        Instant knownAt = Instant.now();
        String query = BASIS + "?norm=13g&asOf=" + AS_OF + "&knownAt=" + knownAt;
        List<JsonNode> all = entries(tracker.ok(query + "&limit=1000").get("basis"));

        List<JsonNode> paged = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int offset = 0; offset < COMMITMENTS + 1; offset += 5) {
            JsonNode page = tracker.ok(query + "&offset=" + offset + "&limit=5");
            assertThat(page.get("total").asInt()).isEqualTo(COMMITMENTS + 1);
            assertThat(page.get("offset").asInt()).isEqualTo(offset);
            assertThat(page.get("limit").asInt()).isEqualTo(5);
            sizes.add(page.get("basis").size());
            paged.addAll(entries(page.get("basis")));
        }

        assertThat(sizes).as("the last page holds what is left").containsExactly(5, 5, 5, 5, 2);
        assertThat(paged).isEqualTo(all);
        assertThat(all).isSortedAccordingTo(Comparator.comparing((JsonNode e) -> Instant.parse(
                e.get("recordedAt").asText())).thenComparing(e -> e.get("eventId").asText()));
        assertThat(all).extracting(e -> e.get("type").asText()).containsOnly("NormAdded", "CommitmentMade");
    }

    @Test
    void echoesTheQuestionAndUsesTheDefaultPage() {
        Instant knownAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        JsonNode page = tracker.ok(BASIS + "?norm=13G&asOf=" + AS_OF + "&knownAt=" + knownAt);

        assertThat(page.get("state").asText()).isEqualTo(STATE);
        assertThat(page.get("instrument").asText()).isEqualTo(GGE);
        assertThat(page.get("methodology").asText()).isEqualTo("v1");
        assertThat(page.get("asOf").asText()).isEqualTo(AS_OF);
        assertThat(Instant.parse(page.get("knownAt").asText())).isEqualTo(knownAt);
        assertThat(page.get("norm").asText()).as("as a norm code is written").isEqualTo("13g");
        assertThat(page.get("offset").asInt()).isZero();
        assertThat(page.get("limit").asInt()).isEqualTo(100);
        assertThat(page.get("total").asInt()).isEqualTo(COMMITMENTS + 1);
        assertThat(page.get("basis")).hasSize(COMMITMENTS + 1);
        JsonNode now = tracker.ok(BASIS + "?norm=13g");
        assertThat(now.get("asOf").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(now.get("total").asInt()).isEqualTo(COMMITMENTS + 1);
    }

    @Test
    void anOffsetAtOrPastTheEndGivesAnEmptyPageWithTheTotal() {
        for (int offset : new int[]{COMMITMENTS + 1, 5_000, Integer.MAX_VALUE}) {
            JsonNode page = tracker.ok(BASIS + "?norm=13g&asOf=" + AS_OF + "&offset=" + offset + "&limit=1000");

            assertThat(page.get("basis")).as("offset %d", offset).isEmpty();
            assertThat(page.get("total").asInt()).isEqualTo(COMMITMENTS + 1);
            assertThat(page.get("offset").asInt()).isEqualTo(offset);
        }
    }

    @Test
    void aNewFactIsOnTheScorecardAndItsBasisAtOnce() {
        JsonNode before = norm(tracker.ok("/api/states/" + STATE + "/scorecard?asOf=" + AS_OF), "13c");
        int total = tracker.ok(BASIS + "?norm=13c&asOf=" + AS_OF).get("total").asInt();

        String pledgeId = tracker.pledge(STATE, GGE, "13c", "2024-06-01");

        JsonNode after = norm(tracker.ok("/api/states/" + STATE + "/scorecard?asOf=" + AS_OF), "13c");
        JsonNode page = tracker.ok(BASIS + "?norm=13c&asOf=" + AS_OF);
        assertThat(before.get("pledged").asBoolean()).isFalse();
        assertThat(after.get("pledged").asBoolean()).isTrue();
        assertThat(after.get("basisTotal").asInt()).isEqualTo(before.get("basisTotal").asInt() + 1)
                .isEqualTo(total + 1);
        assertThat(page.get("total").asInt()).isEqualTo(total + 1);
        JsonNode newest = page.get("basis").get(page.get("basis").size() - 1);
        assertThat(newest.get("type").asText()).isEqualTo("NormPledged");
        assertThat(after.get("basis").get(after.get("basis").size() - 1)).isEqualTo(newest);
        assertThat(pledgeId).isNotBlank();
    }

    @Test
    void theStatePageShowsTheLatestFactsWithTheTotalAndLinksToAllOfThem() {
        TrackerClient.Answer page = tracker.get("/states/" + STATE + "?asOf=" + AS_OF, MediaType.TEXT_HTML);

        assertThat(page.status()).isEqualTo(200);
        String html = page.body().replaceAll("\\s+", " ");
        String norm13g = html.substring(html.indexOf("data-norm=\"13g\""), html.indexOf("data-norm=\"13h\""));
        assertThat(norm13g).contains("Events behind this score (<span class=\"basis-total\">22</span>)")
                .contains("The latest <span>20</span> of <span>22</span>, by recorded time.")
                .contains("href=\"/api/states/" + STATE + "/scorecard/basis?norm=13g&amp;instrument=un-gge-2015&amp;"
                        + "asOf=" + AS_OF + "&amp;knownAt=");
        assertThat(norm13g.split("<li>", -1)).as("20 facts listed").hasSize(ScorecardQueries.LATEST_BASIS + 1);
    }

    // ---- refusals ----------------------------------------------------------------------------------------------

    private static void assertInvalid(TrackerClient.Answer answer, String... fields) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asText()).isEqualTo("/problems/invalid-input");
        assertThat(answer.errorFields()).containsExactlyInAnyOrder(fields);
    }

    @Test
    void requiresAWellFormedNorm() {
        assertInvalid(tracker.get(BASIS), "norm");
        assertInvalid(tracker.get(BASIS + "?norm="), "norm");
        assertInvalid(tracker.get(BASIS + "?norm=13_g!"), "norm");
    }

    @Test
    void refusesANormNotInForceUnderTheInstrumentAtAsOf() {
        TrackerClient.Answer unknown = tracker.get(BASIS + "?norm=13z&asOf=" + AS_OF);
        TrackerClient.Answer beforeAdoption = tracker.get(BASIS + "?norm=13g&asOf=2015-01-01");

        assertInvalid(unknown, "norm");
        assertThat(unknown.json().get("errors").get(0).get("message").asText()).contains("13z")
                .contains("un-gge-2015").contains("in force");
        assertInvalid(beforeAdoption, "norm");
    }

    @Test
    void refusesAnOffsetOrLimitOutOfRange() {
        assertInvalid(tracker.get(BASIS + "?norm=13g&offset=-1"), "offset");
        assertInvalid(tracker.get(BASIS + "?norm=13g&limit=0"), "limit");
        assertInvalid(tracker.get(BASIS + "?norm=13g&limit=1001"), "limit");
        assertInvalid(tracker.get(BASIS + "?norm=13g&limit=-5"), "limit");
        assertInvalid(tracker.get(BASIS + "?norm=13g&limit=ten"), "limit");
        assertInvalid(tracker.get(BASIS + "?norm=13g&offset=99999999999"), "offset");
        assertThat(tracker.get(BASIS + "?norm=13g&limit=1000").status()).isEqualTo(200);
        assertThat(tracker.get(BASIS + "?norm=13g&limit=1").status()).isEqualTo(200);
    }

    @Test
    void listsEveryFailingParameterAtOnce() {
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);

        assertInvalid(tracker.get("/api/states/XYZ/scorecard/basis?offset=-1&limit=0&asOf=" + tomorrow
                + "&knownAt=" + Instant.now().plus(1, ChronoUnit.HOURS) + "&instrument=Not_An_Id"),
                "state", "norm", "offset", "limit", "asOf", "knownAt", "instrument");
    }

    @Test
    void answersNotFoundForAnUnknownInstrument() {
        TrackerClient.Answer answer = tracker.get(BASIS + "?norm=13g&instrument=no-such-instrument");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asText()).isEqualTo("/problems/not-found");
    }

    private static List<JsonNode> entries(JsonNode array) {
        List<JsonNode> entries = new ArrayList<>();
        array.forEach(entries::add);
        return entries;
    }
}
