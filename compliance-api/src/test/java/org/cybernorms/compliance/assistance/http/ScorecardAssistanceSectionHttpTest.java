package org.cybernorms.compliance.assistance.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.cybernorms.compliance.assistance.view.AssistanceCache;
import org.cybernorms.compliance.support.Api;
import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scorecard's assistance section lists the latest 20 requests of the state, with how many there are, and points
 * to the ledger for all of them; ledgers are cached and a new fact shows at once, whoever it is about. Lesotho makes
 * 23 requests in January 2022, one a day; Botswana offers on some.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScorecardAssistanceSectionHttpTest extends EmbeddedStoreTest {

    private static final int REQUESTS = 23;
    private static final int SHOWN = 20;

    @Autowired
    AssistanceCache cache;

    private AssistanceClient assistance;
    private final List<String> requests = new ArrayList<>();

    @BeforeAll
    void recordRequests() {
        assistance = new AssistanceClient(new Api(port, MONITOR));
        for (int day = 1; day <= REQUESTS; day++) {
            requests.add(assistance.request("LSO", null, String.format("2022-01-%02d", day)));
        }
    }

    private JsonNode section(String query) {
        return assistance.ok("/api/states/LSO/scorecard?" + query).get("assistance");
    }

    @Test
    void theSectionListsTheLatestRequestsAndCountsThemAll() {
        JsonNode section = section("asOf=2022-12-31");
        JsonNode ledger = assistance.ok("/api/states/LSO/assistance?asOf=2022-12-31");

        assertThat(section.get("requests").asInt()).isEqualTo(REQUESTS);
        assertThat(section.get("waitsTotal").asInt()).isEqualTo(REQUESTS);
        assertThat(ids(section.get("waits"))).as("the last %d by requestedOn", SHOWN)
                .containsExactlyElementsOf(requests.subList(REQUESTS - SHOWN, REQUESTS));
        assertThat(ids(ledger.get("asked"))).as("the ledger lists every request").containsExactlyElementsOf(requests);
        assertThat(section.get("waits").get(SHOWN - 1).get("requestedOn").asText()).isEqualTo("2022-01-23");

        JsonNode early = section("asOf=2022-01-05");
        assertThat(early.get("waitsTotal").asInt()).isEqualTo(5);
        assertThat(ids(early.get("waits"))).as("few enough: all of them").containsExactlyElementsOf(
                requests.subList(0, 5));
    }

    @Test
    void aLedgerIsServedFromTheCacheUntilAFactChangesItWhoeverItIsAbout() {
        String march = "asOf=2023-03-31";
        String lastOfJanuary = requests.get(REQUESTS - 1);
        section(march);
        AssistanceCache.Statistics before = cache.statistics();
        JsonNode cached = section(march);
        assertThat(cache.statistics().hits() - before.hits()).as("the second read was served from the cache")
                .isEqualTo(1);
        assertThat(waitOf(cached, lastOfJanuary).get("daysToFirstOffer").isNull()).isTrue();

        // Another state's fact about one of Lesotho's requests.
        assistance.offer(lastOfJanuary, "BWA", "2022-02-02");

        JsonNode withOffer = section(march);
        assertThat(withOffer.get("offersReceived").asInt()).isEqualTo(cached.get("offersReceived").asInt() + 1);
        assertThat(waitOf(withOffer, lastOfJanuary).get("daysToFirstOffer").asLong()).isEqualTo(10);
        JsonNode botswana = assistance.ok("/api/states/BWA/scorecard?" + march).get("assistance");
        assertThat(botswana.get("offersMade").asInt()).isEqualTo(1);
        assertThat(botswana.get("waitsTotal").asInt()).isZero();

        // A new request of Lesotho's own: the latest by requestedOn at asOf.
        String newest = assistance.request("LSO", null, "2023-03-01");
        JsonNode withRequest = section(march);
        assertThat(withRequest.get("requests").asInt()).isEqualTo(withOffer.get("requests").asInt() + 1);
        assertThat(withRequest.get("waitsTotal").asInt()).isEqualTo(withRequest.get("requests").asInt());
        assertThat(withRequest.get("waits")).hasSize(SHOWN);
        assertThat(withRequest.get("waits").get(SHOWN - 1).get("requestId").asText()).isEqualTo(newest);
        assertThat(ids(assistance.ok("/api/states/LSO/assistance?" + march).get("asked"))).contains(newest);
    }

    private static JsonNode waitOf(JsonNode section, String requestId) {
        for (JsonNode wait : section.get("waits")) {
            if (wait.get("requestId").asText().equals(requestId)) {
                return wait;
            }
        }
        throw new AssertionError("no wait of " + requestId + " in " + section);
    }

    @Test
    void aKnownAtBeforeTheLatestFactIsAnsweredAsKnownThen() throws InterruptedException {
        Instant between = Instant.now();
        Thread.sleep(5);
        String later = assistance.request("LSO", null, "2023-05-01");

        JsonNode then = section("asOf=2023-12-31&knownAt=" + between);
        JsonNode now = section("asOf=2023-12-31");

        assertThat(ids(then.get("waits"))).doesNotContain(later);
        assertThat(ids(now.get("waits"))).contains(later);
        assertThat(now.get("requests").asInt()).isEqualTo(then.get("requests").asInt() + 1);
        assertThat(Instant.parse(assistance.ok("/api/states/LSO/scorecard?asOf=2023-12-31&knownAt=" + between)
                .get("knownAt").asText())).isEqualTo(between);
    }

    private static List<String> ids(JsonNode lines) {
        List<String> ids = new ArrayList<>();
        lines.forEach(line -> ids.add(line.get("requestId").asText()));
        return ids;
    }
}
