package org.cybernorms.compliance.crosswalk.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.cybernorms.compliance.support.Api;
import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Crosswalks over HTTP: created, mapped, retired, read as of dates and as known at moments, and the refusals. */
class CrosswalkHttpTest extends EmbeddedStoreTest {

    private void treaty(String id) {
        Api.Response created = api.post("/api/instruments", """
                {"instrumentId":"%s","title":"Draft binding instrument","adoptedOn":"2025-01-01","kind":"TREATY",
                 "consentsRequired":3,"daysAfterThreshold":90,"daysAfterLaterConsent":30,
                 "denunciationTakesEffectAfterDays":365,
                 "norms":[{"norm":"art1","title":"Cooperation"},{"norm":"art2","title":"Infrastructure"},
                          {"norm":"art3","title":"Human rights"}]}""".formatted(id));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
    }

    private Api.Response map(String crosswalk, String source, String target, String relation) {
        return api.post("/api/crosswalks/" + crosswalk + "/mappings", """
                {"sourceNorm":"%s","targetNorm":"%s","relation":"%s","rationale":"why","effectiveOn":"2025-01-01"}"""
                .formatted(source, target, relation));
    }

    private long storedEvents(String aggregate) {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregate);
        return count == null ? 0 : count;
    }

    private static List<String> fields(Api.Response answer) {
        List<String> named = new ArrayList<>();
        answer.json().get("errors").forEach(e -> named.add(e.get("field").asText()));
        return named;
    }

    @Test
    void mapsRetiresAndReadsACrosswalkWithBothTimes() {
        treaty("draft-binding-crosswalk");
        Api.Response created = api.post("/api/crosswalks", """
                {"crosswalkId":"gge-to-draft","from":"un-gge-2015","to":"draft-binding-crosswalk",
                 "title":"GGE norms onto the draft"}""");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/crosswalks/gge-to-draft");
        Instant beforeMappings = Instant.now();

        assertThat(map("gge-to-draft", "13d", "art1", "EQUIVALENT").status()).isEqualTo(201);
        assertThat(map("gge-to-draft", "13f", "art2", "EQUIVALENT").status()).isEqualTo(201);
        assertThat(map("gge-to-draft", "13e", "art3", "RELATED").status()).isEqualTo(201);

        JsonNode crosswalk = api.get("/api/crosswalks/gge-to-draft?asOf=2025-06-01").json();
        assertThat(crosswalk.get("from").asText()).isEqualTo("un-gge-2015");
        assertThat(crosswalk.get("mappings")).hasSize(3);
        assertThat(crosswalk.get("mappings").get(2).get("relation").asText()).isEqualTo("RELATED");
        assertThat(crosswalk.get("mappings").get(2).get("carriesFacts").asBoolean()).isFalse();
        assertThat(crosswalk.get("mappings").get(0).get("carriesFacts").asBoolean()).isTrue();

        JsonNode before = api.get("/api/crosswalks/gge-to-draft?asOf=2025-06-01&knownAt=" + beforeMappings).json();
        assertThat(before.get("mappings")).as("as known before the mappings were recorded").isEmpty();

        Api.Response retired = api.post("/api/crosswalks/gge-to-draft/mappings/13e/art3/retirement",
                "{\"retiredOn\":\"2025-07-01\"}");
        assertThat(retired.status()).as(retired.text()).isEqualTo(200);
        JsonNode june = api.get("/api/crosswalks/gge-to-draft?asOf=2025-06-30").json();
        assertThat(june.get("mappings").get(2).get("inEffect").asBoolean()).isTrue();
        JsonNode july = api.get("/api/crosswalks/gge-to-draft?asOf=2025-07-01").json();
        assertThat(july.get("mappings").get(2).get("inEffect").asBoolean()).isFalse();
        assertThat(july.get("mappings").get(2).get("retiredOn").asText()).isEqualTo("2025-07-01");

        Api.Response onto = api.get("/api/instruments/draft-binding-crosswalk/crosswalks?asOf=2025-06-01");
        assertThat(onto.status()).as(onto.text()).isEqualTo(200);
        assertThat(onto.json()).hasSize(1);
        assertThat(onto.json().get(0).get("crosswalkId").asText()).isEqualTo("gge-to-draft");

        Api.Response log = api.as(HISTORIAN).get("/api/events?type=MappingAdded&instrument=draft-binding-crosswalk");
        assertThat(log.status()).as(log.text()).isEqualTo(200);
        assertThat(log.text()).contains("org.cybernorms.compliance.crosswalk.MappingAdded.v1");
    }

    @Test
    void refusesBadCrosswalksAndMappingsStoringNothing() {
        treaty("draft-binding-refusals");
        Api.Response unknownTarget = api.post("/api/crosswalks", """
                {"crosswalkId":"gge-to-nowhere","from":"un-gge-2015","to":"no-such-treaty","title":"x"}""");
        assertThat(unknownTarget.status()).as(unknownTarget.text()).isEqualTo(400);
        assertThat(fields(unknownTarget)).containsExactly("to");
        assertThat(storedEvents("crosswalk:gge-to-nowhere")).isZero();

        assertThat(api.post("/api/crosswalks", """
                {"crosswalkId":"gge-to-refusals","from":"un-gge-2015","to":"draft-binding-refusals","title":"x"}""")
                .status()).isEqualTo(201);

        Api.Response noSuchNorm = map("gge-to-refusals", "13d", "art99", "EQUIVALENT");
        assertThat(noSuchNorm.status()).as(noSuchNorm.text()).isEqualTo(400);
        assertThat(noSuchNorm.contentType()).startsWith("application/problem+json");
        assertThat(fields(noSuchNorm)).containsExactly("targetNorm");

        Api.Response unknownRelation = map("gge-to-refusals", "13d", "art1", "SIMILAR");
        assertThat(unknownRelation.status()).as(unknownRelation.text()).isEqualTo(400);
        assertThat(fields(unknownRelation)).containsExactly("relation");
        assertThat(storedEvents("crosswalk:gge-to-refusals")).isEqualTo(1);

        assertThat(map("gge-to-refusals", "13d", "art1", "EQUIVALENT").status()).isEqualTo(201);
        Api.Response twice = map("gge-to-refusals", "13d", "art1", "BROADER");
        assertThat(twice.status()).as(twice.text()).isEqualTo(409);
        assertThat(storedEvents("crosswalk:gge-to-refusals")).isEqualTo(2);

        assertThat(api.get("/api/crosswalks/no-such-crosswalk").status()).isEqualTo(404);
        assertThat(map("no-such-crosswalk", "13d", "art1", "EQUIVALENT").status()).isEqualTo(404);
    }
}
