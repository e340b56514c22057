package org.cybernorms.compliance.workspace;

import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workspace forms over plain HTTP, where a test can send the very same post twice and read each status: a double
 * submit records once, a state's post for another state gets 403 and stores nothing, and every step of a
 * commitment and of the assistance ledger can be recorded from its page.
 */
class WorkspaceFormsHttpTest extends EmbeddedStoreTest {

    @Test
    void aDoubleSubmitOfOneRenderedFormRecordsOnce() {
        PageSession browser = new PageSession(port);
        browser.signIn(MONITOR);
        PageSession.Page form = browser.get("/workspace/forms/violation-report");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", form.csrf());
        fields.put("idempotencyKey", form.idempotencyKey());
        fields.put("state", "NZL");
        fields.put("instrument", "un-gge-2015");
        fields.put("norm", "13c");
        fields.put("occurredOn", "2024-01-01");
        fields.put("severity", "LOW");
        fields.put("summary", "Sent twice by an impatient click");
        long before = storedEvents();

        PageSession.Page first = browser.post("/workspace/forms/violation-report", fields);
        PageSession.Page second = browser.post("/workspace/forms/violation-report", fields);

        assertThat(first.status()).isEqualTo(302);
        assertThat(first.location()).contains("/violations/");
        assertThat(second.status()).isEqualTo(302);
        assertThat(second.location()).isEqualTo(first.location());
        assertThat(storedEvents()).isEqualTo(before + 1);
    }

    @Test
    void aStatesPostForAnotherStateGets403AndStoresNothing() {
        String report = api.create("/api/violations", """
                {"state":"NZL","instrument":"un-gge-2015","norm":"13c","occurredOn":"2024-01-01",
                 "severity":"LOW","summary":"A report against New Zealand"}""", "violationId");
        PageSession france = new PageSession(port);
        france.signIn(FRANCE);
        PageSession.Page page = france.get("/violations/" + report);
        assertThat(page.html()).doesNotContain("data-form=\"violation-response\"");
        long before = storedEvents();

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", page.csrf());
        fields.put("idempotencyKey", "crafted-by-france");
        fields.put("id", report);
        fields.put("respondedOn", "2024-02-01");
        fields.put("text", "France answers for New Zealand");
        PageSession.Page refused = france.post("/workspace/forms/violation-response", fields);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.html()).contains("Not allowed");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aStateMayNotPostAMonitorsForm() {
        PageSession france = new PageSession(port);
        france.signIn(FRANCE);
        PageSession.Page work = france.get("/my-state");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", work.csrf());
        fields.put("state", "FRA");
        fields.put("instrument", "un-gge-2015");
        fields.put("norm", "13c");
        fields.put("pledgedOn", "2024-01-01");
        fields.put("statement", "A state pledging for itself through a monitor's form");
        long before = storedEvents();

        assertThat(france.post("/workspace/forms/pledge", fields).status()).isEqualTo(403);
        assertThat(france.get("/workspace/forms/pledge").status()).isEqualTo(403);
        assertThat(france.get("/work").status()).isEqualTo(403);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void onlyAnAdminIsOfferedTheRebuildOfTheReadModelsAndAMonitorsPostIsRefused() {
        PageSession monitor = new PageSession(port);
        monitor.signIn(MONITOR);
        PageSession.Page work = monitor.get("/work");
        assertThat(work.html()).doesNotContain("/workspace/forms/projection-replay");
        assertThat(monitor.get("/workspace/forms/projection-replay").status()).isEqualTo(403);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", work.csrf());
        fields.put("mode", "bulk");
        assertThat(monitor.post("/workspace/forms/projection-replay", fields).status()).isEqualTo(403);

        PageSession admin = new PageSession(port);
        admin.signIn(ADMIN);
        assertThat(admin.get("/work").html()).contains("/workspace/forms/projection-replay");
        assertThat(admin.get("/workspace/forms/projection-replay").status()).isEqualTo(200);
    }

    @Test
    void recordsACommitmentAndItsFulfilmentFromItsPage() {
        PageSession monitor = new PageSession(port);
        monitor.signIn(MONITOR);
        PageSession.Page made = monitor.submit("/workspace/forms/commitment-make", "commitment-make", Map.of(
                "state", "NZL", "instrument", "un-gge-2015", "norm", "13g",
                "description", "A national CERT", "madeOn", "2024-01-01", "dueOn", "2024-12-31"));
        assertThat(made.status()).isEqualTo(302);
        String page = made.location().replaceFirst("^https?://[^/]+", "");
        assertThat(page).startsWith("/commitments/");

        PageSession.Page fulfilled = monitor.submit(page, "commitment-fulfilment", Map.of(
                "id", page.substring("/commitments/".length()), "fulfilledOn", "2024-06-01",
                "evidence", "CERT operational"));

        assertThat(fulfilled.status()).isEqualTo(302);
        assertThat(monitor.get(page).html()).contains("CommitmentFulfilled");
    }

    @Test
    void recordsEveryStepOfTheAssistanceLedgerFromItsPages() {
        PageSession estonia = new PageSession(port);
        estonia.signIn(ESTONIA);
        PageSession.Page requested = estonia.submit("/workspace/forms/assistance-request", "assistance-request",
                Map.of("requester", "EST", "instrument", "un-gge-2015", "norm", "13h",
                        "area", "INCIDENT_RESPONSE_TEAMS", "description", "Train incident handlers",
                        "requestedOn", "2024-01-10"));
        assertThat(requested.status()).as(requested.html()).isEqualTo(302);
        String page = requested.location().replaceFirst("^https?://[^/]+", "");
        String requestId = page.substring("/assistance/requests/".length());

        PageSession singapore = new PageSession(port);
        singapore.signIn(SINGAPORE);
        PageSession.Page offered = singapore.submit(page, "assistance-offer", Map.of("requestId", requestId,
                "offeror", "SGP", "terms", "UNCONDITIONAL", "offeredOn", "2024-01-20"));
        assertThat(offered.status()).as(offered.html()).isEqualTo(302);

        String offerId = offerOn(estonia.get(page).html());
        PageSession.Page accepted = estonia.submit(page, "offer-acceptance",
                Map.of("offerId", offerId, "acceptedOn", "2024-01-25"));
        assertThat(accepted.status()).isEqualTo(302);

        PageSession monitor = new PageSession(port);
        monitor.signIn(MONITOR);
        assertThat(monitor.submit(page, "offer-delivery", Map.of("offerId", offerId, "deliveredOn", "2024-02-10",
                "description", "A week of training", "evidence", "Attendance list")).status()).isEqualTo(302);
        assertThat(monitor.submit(page, "offer-completion", Map.of("offerId", offerId,
                "completedOn", "2024-03-01")).status()).isEqualTo(302);
        assertThat(monitor.submit(page, "request-closure", Map.of("requestId", requestId, "outcome", "FULFILLED",
                "closedOn", "2024-03-05")).status()).isEqualTo(302);

        String html = monitor.get(page).html();
        assertThat(html).contains("FULFILLED").contains("COMPLETED");
    }

    private static String offerOn(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-offer=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("an offer is shown").isTrue();
        return m.group(1);
    }

    @Test
    void aTreatyItsParticipationAndACrosswalkAreRecordedFromTheirForms() {
        PageSession browser = new PageSession(port);
        browser.signIn(MONITOR);

        PageSession.Page treaty = submit(browser, "instrument-create", Map.of("instrumentId", "forms-treaty",
                "title", "A treaty recorded from a form", "adoptedOn", "2024-01-01",
                "norms", "art1 | Cooperation\nart2 | No damage to critical infrastructure", "kind", "TREATY",
                "consentsRequired", "1", "daysAfterThreshold", "90", "daysAfterLaterConsent", "30",
                "denunciationTakesEffectAfterDays", "365"));
        assertThat(treaty.status()).as(treaty.html()).isEqualTo(302);
        assertThat(treaty.location()).endsWith("/instruments/forms-treaty");
        assertThat(submit(browser, "participation", Map.of("state", "URY", "instrument", "forms-treaty",
                "action", "SIGNED", "date", "2024-02-01")).status()).isEqualTo(302);
        assertThat(submit(browser, "participation", Map.of("state", "URY", "instrument", "forms-treaty",
                "action", "RATIFIED", "date", "2024-03-01")).status()).isEqualTo(302);

        var status = api.get("/api/instruments/forms-treaty/status?asOf=2024-06-30").json();
        assertThat(status.get("status").asText()).as(status.toString()).isEqualTo("IN_FORCE");
        assertThat(status.get("entryIntoForce").asText()).isEqualTo("2024-05-30");

        // the pages score under the treaty's rules and say where it stands
        String bound = browser.get("/states/URY?instrument=forms-treaty&asOf=2024-06-30").html();
        assertThat(bound).contains("In force since", "2024-05-30", "PARTY", "bound from");
        String before = browser.get("/states/URY?instrument=forms-treaty&asOf=2024-04-01").html();
        assertThat(before).contains("Not in force", "CONSENTED", "NOT_BINDING");
        assertThat(browser.get("/?instrument=forms-treaty&asOf=2024-06-30").html())
                .contains("Treaty status as of", "In force since");

        PageSession.Page crosswalk = submit(browser, "crosswalk-create", Map.of("crosswalkId", "forms-crosswalk",
                "from", "un-gge-2015", "to", "forms-treaty", "title", "GGE onto the form's treaty"));
        assertThat(crosswalk.status()).as(crosswalk.html()).isEqualTo(302);
        assertThat(crosswalk.location()).endsWith("/crosswalks/forms-crosswalk");
        PageSession.Page mapped = submit(browser, "crosswalk-mapping", Map.of("id", "forms-crosswalk",
                "sourceNorm", "13f", "targetNorm", "art2", "relation", "EQUIVALENT", "effectiveOn", "2024-01-01"));
        assertThat(mapped.status()).as(mapped.html()).isEqualTo(302);

        PageSession.Page page = browser.get("/crosswalks/forms-crosswalk");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains("CrosswalkCreated", "MappingAdded", "/workspace/forms/crosswalk-mapping?id=forms-crosswalk");
        assertThat(api.get("/api/crosswalks/forms-crosswalk").json().get("mappings").get(0).get("relation")
                .asText()).isEqualTo("EQUIVALENT");

        // the numbers are the API's own: a word where a number goes is refused next to its field, and stores nothing
        long stored = storedEvents();
        PageSession.Page refused = submit(browser, "instrument-create", Map.of("instrumentId", "forms-treaty-2",
                "title", "Refused", "adoptedOn", "2024-01-01", "kind", "TREATY", "consentsRequired", "forty",
                "daysAfterThreshold", "90", "daysAfterLaterConsent", "30", "denunciationTakesEffectAfterDays", "365"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html()).contains("#instrument-create-consentsRequired");
        assertThat(storedEvents()).isEqualTo(stored);
    }

    private static PageSession.Page submit(PageSession browser, String form, Map<String, String> values) {
        PageSession.Page page = browser.get("/workspace/forms/" + form);
        Map<String, String> fields = new LinkedHashMap<>(values);
        fields.put("_csrf", page.csrf());
        fields.put("idempotencyKey", page.idempotencyKey());
        return browser.post("/workspace/forms/" + form, fields);
    }
}
