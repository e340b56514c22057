package org.cybernorms.compliance.treaty.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.cybernorms.compliance.support.Api;
import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A treaty's status table over HTTP (JSON and CSV), as of dates and as known at moments, and the refusals. */
class TreatyStatusHttpTest extends EmbeddedStoreTest {

    private static JsonNode row(JsonNode status, String participant) {
        for (JsonNode row : status.get("participants")) {
            if (row.get("participant").asText().equals(participant)) {
                return row;
            }
        }
        throw new AssertionError(participant + " is not in " + status);
    }

    private JsonNode status(String id, String query) {
        Api.Response answer = api.get("/api/instruments/" + id + "/status?" + query);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    private long storedEvents(String aggregate) {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregate);
        return count == null ? 0 : count;
    }

    private static void assertProblem(Api.Response answer, int status, String... fields) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        if (fields.length > 0) {
            List<String> named = new ArrayList<>();
            answer.json().get("errors").forEach(e -> named.add(e.get("field").asText()));
            assertThat(named).containsExactlyInAnyOrder(fields);
        }
    }

    @Test
    void answersTheWorkedExampleAsOfEachDate() {
        String id = "draft-binding-status";
        DraftBindingTreaty.create(api, id);
        Instant beforeParticipation = Instant.now();
        DraftBindingTreaty.participation(api, id);

        JsonNode april = status(id, "asOf=2025-04-01");
        assertThat(april.get("status").asText()).isEqualTo("NOT_IN_FORCE");
        assertThat(april.get("consents").asInt()).isEqualTo(3);
        assertThat(april.get("entryIntoForce").asText()).isEqualTo("2025-05-30");
        assertThat(row(april, "FRA").get("status").asText()).isEqualTo("CONSENTED");
        assertThat(row(april, "FRA").get("consentKind").asText()).isEqualTo("RATIFIED");
        assertThat(row(april, "KEN").get("consentKind").asText()).isEqualTo("ACCEDED");
        assertThat(status(id, "asOf=2025-04-20").get("consents").asInt()).isEqualTo(4);

        JsonNode june = status(id, "asOf=2025-06-01");
        assertThat(june.get("status").asText()).isEqualTo("IN_FORCE");
        assertThat(june.get("entryIntoForce").asText()).isEqualTo("2025-05-30");
        for (String party : List.of("FRA", "DEU", "KEN", "CAN")) {
            assertThat(row(june, party).get("status").asText()).as(party).isEqualTo("PARTY");
            assertThat(row(june, party).get("inForceFrom").asText()).as(party).isEqualTo("2025-05-30");
        }
        assertThat(row(june, "BRA").get("status").asText()).isEqualTo("SIGNATORY");
        assertThat(row(june, "USA").get("status").asText()).isEqualTo("SIGNATORY");
        assertThat(june.get("counts").get("parties").asInt()).isEqualTo(4);
        assertThat(june.get("counts").get("signatories").asInt()).isEqualTo(2);

        assertThat(row(status(id, "asOf=2025-08-01"), "BRA").get("inForceFrom").asText()).isEqualTo("2025-07-15");
        JsonNode deu2026 = row(status(id, "asOf=2026-06-01"), "DEU");
        assertThat(deu2026.get("status").asText()).isEqualTo("PARTY");
        assertThat(deu2026.get("denunciationEffectiveOn").asText()).isEqualTo("2026-09-01");
        assertThat(row(status(id, "asOf=2026-10-01"), "DEU").get("status").asText()).isEqualTo("DENOUNCED");

        JsonNode unknown = status(id, "asOf=2025-06-01&knownAt=" + beforeParticipation);
        assertThat(unknown.get("status").asText()).as("as known before any step was recorded")
                .isEqualTo("NOT_IN_FORCE");
        assertThat(unknown.get("consents").asInt()).isZero();
        assertThat(unknown.get("participants")).isEmpty();
    }

    @Test
    void answersTheTableAsCsv() {
        String id = "draft-binding-csv";
        DraftBindingTreaty.create(api, id);
        DraftBindingTreaty.participation(api, id);

        Api.Response csv = api.get("/api/instruments/" + id + "/status?asOf=2025-06-01",
                Map.of("Accept", "text/csv"));

        assertThat(csv.status()).as(csv.text()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.text().split("\r\n");
        assertThat(lines[0]).startsWith("instrument,asOf,knownAt,treatyStatus,consents,consentsRequired,"
                + "entryIntoForce,participant,organisation,status,signedOn,consentedOn,consentKind,inForceFrom");
        assertThat(lines).hasSize(7);
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith(id + ",2025-06-01,").contains(",IN_FORCE,4,3,2025-05-30,CAN,false,PARTY,2025-01-05,"
                        + "2025-04-20,RATIFIED,2025-05-30,"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(",USA,false,SIGNATORY,2025-01-05,,,,"));
    }

    @Test
    void recordsAnObjectionByAPartyAndShowsIt() {
        String id = "draft-binding-objection";
        DraftBindingTreaty.create(api, id);
        DraftBindingTreaty.step(api, id, "DEU", "ACCEDED", "2025-01-10");
        assertThat(api.post("/api/states/DEU/reservations", """
                {"instrument":"%s","norm":"art3","enteredOn":"2025-01-10","text":"Subject to the Basic Law"}"""
                .formatted(id)).status()).isEqualTo(201);
        DraftBindingTreaty.step(api, id, "FRA", "ACCEDED", "2025-02-01");
        Api.Response objection = api.post("/api/states/FRA/objections", """
                {"instrument":"%s","reservingState":"DEU","norm":"art3","objectedOn":"2025-03-01",
                 "text":"Incompatible with the object and purpose"}""".formatted(id));
        assertThat(objection.status()).as(objection.text()).isEqualTo(201);

        JsonNode status = status(id, "asOf=2025-06-01");
        assertThat(row(status, "DEU").get("reservations").get(0).get("norm").asText()).isEqualTo("art3");
        JsonNode objected = row(status, "FRA").get("objections").get(0);
        assertThat(objected.get("reservingState").asText()).isEqualTo("DEU");
        assertThat(objected.get("objectedOn").asText()).isEqualTo("2025-03-01");
    }

    @Test
    void refusesBadTreatiesNamingTheFieldAndStoringNothing() {
        String id = "draft-binding-refused";
        assertProblem(api.post("/api/instruments", """
                {"instrumentId":"%s","title":"T","adoptedOn":"2025-01-01","kind":"CONVENTION"}""".formatted(id)),
                400, "kind");
        assertProblem(api.post("/api/instruments", """
                {"instrumentId":"%s","title":"T","adoptedOn":"2025-01-01","kind":"TREATY","consentsRequired":3,
                 "daysAfterThreshold":-1,"daysAfterLaterConsent":30,"denunciationTakesEffectAfterDays":-365}"""
                .formatted(id)), 400, "daysAfterThreshold", "denunciationTakesEffectAfterDays");
        assertProblem(api.post("/api/instruments", """
                {"instrumentId":"%s","title":"T","adoptedOn":"2025-01-01","kind":"TREATY","consentsRequired":3}"""
                .formatted(id)), 400, "daysAfterThreshold", "daysAfterLaterConsent",
                "denunciationTakesEffectAfterDays");
        assertThat(storedEvents(id)).isZero();
        assertThat(api.get("/api/instruments/" + id).status()).isEqualTo(404);
    }

    @Test
    void refusesParticipationThatBreaksTheRulesStoringNothing() {
        String id = "draft-binding-rules";
        DraftBindingTreaty.create(api, id);
        String bra = id + ":BRA";

        // consent where a signature is required, without one
        Api.Response unsigned = api.post("/api/states/BRA/participation",
                "{\"instrument\":\"" + id + "\",\"action\":\"RATIFIED\",\"date\":\"2025-02-01\"}");
        assertProblem(unsigned, 409);
        assertThat(unsigned.json().get("type").asText()).isEqualTo("/problems/transition-forbidden");
        assertThat(storedEvents(bra)).isZero();

        // consent dated before the signature
        DraftBindingTreaty.step(api, id, "BRA", "SIGNED", "2025-01-05");
        assertProblem(api.post("/api/states/BRA/participation",
                "{\"instrument\":\"" + id + "\",\"action\":\"RATIFIED\",\"date\":\"2025-01-04\"}"), 400, "date");
        assertThat(storedEvents(bra)).isEqualTo(1);

        // a second consent
        DraftBindingTreaty.step(api, id, "BRA", "RATIFIED", "2025-02-01");
        assertProblem(api.post("/api/states/BRA/participation",
                "{\"instrument\":\"" + id + "\",\"action\":\"APPROVED\",\"date\":\"2025-03-01\"}"), 409);
        assertThat(storedEvents(bra)).isEqualTo(2);

        // an objection by a state that has only signed
        DraftBindingTreaty.step(api, id, "USA", "SIGNED", "2025-01-05");
        Api.Response objection = api.post("/api/states/USA/objections", """
                {"instrument":"%s","reservingState":"BRA","norm":"art2","objectedOn":"2025-03-01","text":"No"}"""
                .formatted(id));
        assertProblem(objection, 409);
        assertThat(objection.json().get("detail").asText()).contains("only a party may object");
        assertThat(storedEvents(id + ":USA")).isEqualTo(1);

        // an unknown action
        assertProblem(api.post("/api/states/BRA/participation",
                "{\"instrument\":\"" + id + "\",\"action\":\"RESCINDED\",\"date\":\"2025-03-01\"}"), 400, "action");
        assertThat(storedEvents(bra)).isEqualTo(2);
    }

    @Test
    void listsARegisteredOrganisationAndCountsItOnlyWhereTheTreatySaysSo() {
        Api.Response registered = api.post("/api/assistance/organisations",
                "{\"organisationId\":\"eu\",\"name\":\"European Union\",\"registeredOn\":\"1993-11-01\"}");
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        for (String[] treaty : new String[][]{{"draft-binding-eu-counted", "true"},
                {"draft-binding-eu-not-counted", "false"}}) {
            Api.Response created = api.post("/api/instruments", """
                    {"instrumentId":"%s","title":"Draft","adoptedOn":"2025-01-01","kind":"TREATY",
                     "consentsRequired":2,"daysAfterThreshold":90,"daysAfterLaterConsent":30,
                     "denunciationTakesEffectAfterDays":365,"admitsOrganisations":true,"organisationsCount":%s,
                     "norms":[{"norm":"art1","title":"Cooperation"}]}""".formatted(treaty[0], treaty[1]));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            for (String[] step : new String[][]{{"SIGNED", "2025-01-05"}, {"APPROVED", "2025-02-01"}}) {
                Api.Response recorded = api.post("/api/organisations/eu/participation",
                        "{\"instrument\":\"%s\",\"action\":\"%s\",\"date\":\"%s\"}"
                                .formatted(treaty[0], step[0], step[1]));
                assertThat(recorded.status()).as(recorded.text()).isEqualTo(200);
            }
            DraftBindingTreaty.step(api, treaty[0], "FRA", "ACCEDED", "2025-03-01");
        }

        JsonNode counted = status("draft-binding-eu-counted", "asOf=2025-06-01");
        assertThat(counted.get("consents").asInt()).isEqualTo(2);
        assertThat(counted.get("status").asText()).isEqualTo("IN_FORCE");
        assertThat(counted.get("entryIntoForce").asText()).isEqualTo("2025-05-30");
        JsonNode eu = row(counted, "org:eu");
        assertThat(eu.get("organisation").asBoolean()).isTrue();
        assertThat(eu.get("consentKind").asText()).isEqualTo("APPROVED");
        assertThat(eu.get("status").asText()).isEqualTo("PARTY");

        JsonNode notCounted = status("draft-binding-eu-not-counted", "asOf=2025-06-01");
        assertThat(notCounted.get("consents").asInt()).isEqualTo(1);
        assertThat(notCounted.get("status").asText()).isEqualTo("NOT_IN_FORCE");
        assertThat(row(notCounted, "org:eu").get("status").asText()).isEqualTo("CONSENTED");

        Api.Response political = api.post("/api/organisations/eu/participation",
                "{\"instrument\":\"un-gge-2015\",\"action\":\"SIGNED\",\"date\":\"2016-01-05\"}");
        assertProblem(political, 400, "instrument");
        Api.Response unregistered = api.post("/api/organisations/nobody-here/participation",
                "{\"instrument\":\"draft-binding-eu-counted\",\"action\":\"SIGNED\",\"date\":\"2025-01-05\"}");
        assertProblem(unregistered, 400, "organisation");
        assertThat(storedEvents("draft-binding-eu-counted:org:nobody-here")).isZero();
    }

    @Test
    void refusesAStatusTableForAPoliticalInstrument() {
        assertProblem(api.get("/api/instruments/un-gge-2015/status"), 400, "id");
        assertThat(api.get("/api/instruments/no-such-treaty/status").status()).isEqualTo(404);
    }

    @Test
    void keepsTheOldParticipationActionsOfPoliticalInstruments() {
        DraftBindingTreaty.step(api, "un-gge-2015", "NZL", "SIGNED", "2016-01-10");
        DraftBindingTreaty.step(api, "un-gge-2015", "NZL", "WITHDREW", "2017-01-10");
        DraftBindingTreaty.step(api, "un-gge-2015", "NZL", "ACCEDED", "2018-01-10");
        assertThat(storedEvents("un-gge-2015:NZL")).isEqualTo(3);
    }
}
