package org.cybernorms.compliance.assistance.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.cybernorms.compliance.support.Api;
import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Donors and recipients, in 2016 and 2017 (no other test delivers anything dated before 2018). Delivery parts: India
 * 2 to Nigeria (2016) and 1 to Peru (2017-03-01); Chile 2 to Nigeria (2016) and 1 more (2017-08-01); an organisation
 * 1 to Peru (2016). The 2017 parts are recorded last. At the end of 2017: donors Chile 3, India 3 (tied, first by
 * code), the organisation 1; recipients Nigeria 5, Peru 2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssistanceRankingsHttpTest extends EmbeddedStoreTest {

    private static final String ORG = "org:ranking-donor";

    private Instant before2017PartsWereRecorded;

    @BeforeAll
    void recordDeliveries() {
        AssistanceClient assistance = new AssistanceClient(new Api(port, MONITOR));
        assistance.register("ranking-donor", "2015-08-01");
        String nigeria = assistance.request("NGA", null, "2016-01-10");
        String nigeriaAgain = assistance.request("NGA", "CHL", "2016-02-01");
        String peru = assistance.request("PER", null, "2016-01-10");
        String india = assistance.offer(nigeria, "IND", "2016-02-01");
        String chile = assistance.offer(nigeriaAgain, "CHL", "2016-02-15");
        String org = assistance.offer(peru, ORG, "2016-02-01");
        String indiaToPeru = assistance.offer(peru, "IND", "2016-02-01");
        for (String offer : List.of(india, chile, org, indiaToPeru)) {
            assistance.accept(offer, "2016-03-01");
        }
        assistance.deliver(india, "2016-04-01");
        assistance.deliver(india, "2016-05-01");
        assistance.deliver(chile, "2016-06-01");
        assistance.deliver(chile, "2016-07-01");
        assistance.deliver(org, "2016-09-01");
        before2017PartsWereRecorded = Instant.now();
        assistance.deliver(indiaToPeru, "2017-03-01");
        assistance.deliver(chile, "2017-08-01");
    }

    private JsonNode rankings(String query) {
        Api.Response response = api.get("/api/assistance/rankings" + query);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private static List<String> lines(JsonNode ranking) {
        List<String> lines = new ArrayList<>();
        ranking.forEach(line -> lines.add(line.get("party").asText() + " " + line.get("deliveries").asInt() + " in "
                + line.get("offers").asInt() + " #" + line.get("rank").asInt()));
        return lines;
    }

    @Test
    void atTheEndOf2017DonorsTieAtThreePartsAndNigeriaReceivedMost() {
        JsonNode rankings = rankings("?asOf=2017-12-31");

        assertThat(rankings.get("asOf").asText()).isEqualTo("2017-12-31");
        assertThat(lines(rankings.get("donors"))).containsExactly("CHL 3 in 1 #1", "IND 3 in 2 #1",
                ORG + " 1 in 1 #3");
        assertThat(lines(rankings.get("recipients"))).containsExactly("NGA 5 in 2 #1", "PER 2 in 2 #2");
    }

    @Test
    void atTheEndOf2016OnlyThe2016PartsCount() {
        JsonNode rankings = rankings("?asOf=2016-12-31");

        assertThat(lines(rankings.get("donors"))).containsExactly("CHL 2 in 1 #1", "IND 2 in 1 #1",
                ORG + " 1 in 1 #3");
        assertThat(lines(rankings.get("recipients"))).containsExactly("NGA 4 in 2 #1", "PER 1 in 1 #2");
    }

    @Test
    void beforeAnyDeliveryBothAreEmpty() {
        JsonNode rankings = rankings("?asOf=2016-03-31");

        assertThat(rankings.get("donors")).isEmpty();
        assertThat(rankings.get("recipients")).isEmpty();
    }

    @Test
    void aKnownAtBeforeThe2017PartsWereRecordedLeavesThemOut() {
        JsonNode rankings = rankings("?asOf=2017-12-31&knownAt=" + before2017PartsWereRecorded);

        assertThat(rankings.get("knownAt").asText()).isEqualTo(before2017PartsWereRecorded.toString());
        assertThat(lines(rankings.get("donors"))).containsExactly("CHL 2 in 1 #1", "IND 2 in 1 #1",
                ORG + " 1 in 1 #3");
    }

    @Test
    void refusesDatesInTheFuture() {
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

        Api.Response response = api.get("/api/assistance/rankings?asOf=" + tomorrow + "&knownAt=2999-01-01T00:00:00Z");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors")).hasSize(2);
        assertThat(api.get("/api/states/NGA/assistance?asOf=" + tomorrow).status()).isEqualTo(400);
        assertThat(api.get("/api/states/XXX/assistance").status()).isEqualTo(400);
    }
}
