package org.cybernorms.compliance.treaty.http;

import org.cybernorms.compliance.eventlog.EventLogRestoreAccess;
import org.cybernorms.compliance.support.Api;
import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.cybernorms.compliance.support.FreshInstallation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cybernorms.compliance.support.EventLogClient.postNdjson;

/**
 * The export carries a treaty's terms, its participation (a denunciation and an objection among them), a crosswalk and
 * its mappings (one retired), and an organisation's signature under stable CloudEvents types, and a restore into a fresh installation answers the
 * status table, the crosswalk and the treaty scorecard exactly as this one does.
 */
class TreatyRestoreHttpTest extends EmbeddedStoreTest {

    private static final String TREATY = "draft-binding-restore";

    @Test
    void exportAndRestoreCarryTreatiesAndCrosswalks() throws InterruptedException {
        // recorded in an installation of its own, so that the export holds this test's events only
        String export;
        List<String> before;
        Instant knownAt;
        try (FreshInstallation source = new FreshInstallation()) {
            Api monitor = source.as(MONITOR);
            record(monitor);
            knownAt = Instant.now();
            before = answers(monitor, knownAt);
            export = source.as(HISTORIAN).get("/api/events/export").text();
        }
        for (String type : List.of("instrument.TreatyTermsAdopted.v1", "participation.InstrumentDenounced.v1",
                "participation.ObjectionEntered.v1", "participation.OrganisationParticipationRecorded.v1",
                "crosswalk.CrosswalkCreated.v1", "crosswalk.MappingAdded.v1", "crosswalk.MappingRetired.v1")) {
            assertThat(export).contains("\"type\":\"org.cybernorms.compliance." + type + "\"");
        }

        try (FreshInstallation fresh = new FreshInstallation()) {
            Api admin = fresh.as(ADMIN);
            Api.Response imported = postNdjson(admin, "/api/admin/events/import", export);
            assertThat(imported.status()).as(imported.text()).isEqualTo(200);
            EventLogRestoreAccess.awaitReplay(admin);
            assertThat(answers(admin, knownAt)).containsExactlyElementsOf(before);
            assertThat(admin.get("/api/events/export").text()).isEqualTo(export);
        }
    }

    private static void record(Api api) {
        DraftBindingTreaty.create(api, TREATY, true);
        DraftBindingTreaty.participation(api, TREATY, "SWE");
        Api.Response objection = api.post("/api/states/SWE/objections", """
                {"instrument":"%s","reservingState":"DEU","norm":"art3","objectedOn":"2025-03-01","text":"No"}"""
                .formatted(TREATY));
        assertThat(objection.status()).as(objection.text()).isEqualTo(201);
        assertThat(api.post("/api/assistance/organisations",
                "{\"organisationId\":\"eu\",\"name\":\"European Union\",\"registeredOn\":\"1993-11-01\"}")
                .status()).isEqualTo(201);
        assertThat(api.post("/api/organisations/eu/participation",
                "{\"instrument\":\"" + TREATY + "\",\"action\":\"SIGNED\",\"date\":\"2025-01-05\"}")
                .status()).isEqualTo(200);
        assertThat(api.post("/api/crosswalks", """
                {"crosswalkId":"gge-to-draft-restore","from":"un-gge-2015","to":"%s","title":"GGE onto the draft"}"""
                .formatted(TREATY)).status()).isEqualTo(201);
        assertThat(api.post("/api/crosswalks/gge-to-draft-restore/mappings", """
                {"sourceNorm":"13f","targetNorm":"art2","relation":"EQUIVALENT","effectiveOn":"2025-01-01"}""")
                .status()).isEqualTo(201);
        assertThat(api.post("/api/crosswalks/gge-to-draft-restore/mappings", """
                {"sourceNorm":"13e","targetNorm":"art3","relation":"RELATED","effectiveOn":"2025-01-01"}""")
                .status()).isEqualTo(201);
        assertThat(api.post("/api/crosswalks/gge-to-draft-restore/mappings/13e/art3/retirement",
                "{\"retiredOn\":\"2025-03-01\"}").status()).isEqualTo(200);
        assertThat(api.post("/api/states/SWE/pledges", """
                {"instrument":"un-gge-2015","norm":"13f","pledgedOn":"2024-05-01","statement":"No damage"}""")
                .status()).isEqualTo(201);
    }

    private static List<String> answers(Api client, Instant knownAt) {
        List<String> answers = new ArrayList<>();
        for (String path : List.of("/api/instruments/" + TREATY + "/status?asOf=2026-10-01",
                "/api/crosswalks/gge-to-draft-restore?asOf=2025-06-01",
                "/api/instruments/" + TREATY + "/crosswalks?asOf=2025-02-01",
                "/api/states/SWE/scorecard?instrument=" + TREATY + "&asOf=2025-12-31")) {
            Api.Response response = client.get(path + "&knownAt=" + knownAt);
            assertThat(response.status()).as(path + ": " + response.text()).isEqualTo(200);
            answers.add(response.text());
        }
        return answers;
    }
}
