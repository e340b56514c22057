package org.cybernorms.compliance.security;

import org.cybernorms.compliance.support.Api;
import org.cybernorms.compliance.support.Api.Response;
import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole matrix of roles × endpoints: who is let through, who gets 401 (no or wrong token) and who gets 403 (a
 * role that may not act). "Let through" means neither 401 nor 403: the answer may still be 2xx, 4xx for the body,
 * or 409 for a repeated transition.
 */
class AccessMatrixTest extends EmbeddedStoreTest {

    private static final String NONE = "(no token)";
    private static final String WRONG = "(wrong token)";
    private static final Map<String, String> CALLERS = new LinkedHashMap<>();

    static {
        CALLERS.put(NONE, null);
        CALLERS.put(WRONG, "not-a-configured-token");
        CALLERS.put("MONITOR", MONITOR);
        CALLERS.put("STATE:FRA", FRANCE);
        CALLERS.put("STATE:DEU", GERMANY);
        CALLERS.put("HISTORIAN", HISTORIAN);
        CALLERS.put("ADMIN", ADMIN);
    }

    private static final Set<String> EVERYONE_WITH_A_VALID_TOKEN = Set.of("MONITOR", "STATE:FRA", "STATE:DEU",
            "HISTORIAN", "ADMIN");
    private static final Set<String> RECORDERS = Set.of("MONITOR", "ADMIN");
    private static final Set<String> HISTORIANS = Set.of("HISTORIAN", "ADMIN");

    private record Endpoint(String method, String path, String body, Set<String> allowed, boolean publicRead) {
    }

    private String commitmentId;
    private String violationId;
    private String assistanceRequestId;
    private String offerId;

    @BeforeEach
    void recordFixtures() {
        commitmentId = api.create("/api/commitments", """
                {"state":"FRA","instrument":"un-gge-2015","norm":"13g","description":"d","madeOn":"2020-01-01",
                 "dueOn":"2030-01-01"}""", "commitmentId");
        violationId = api.create("/api/violations", """
                {"state":"FRA","instrument":"un-gge-2015","norm":"13f","occurredOn":"2020-01-01",
                 "reportedOn":"2020-02-01","severity":"LOW","summary":"s"}""", "violationId");
        assistanceRequestId = api.create("/api/assistance/requests", """
                {"requester":"FRA","instrument":"un-gge-2015","norm":"13h","area":"OTHER","description":"d",
                 "requestedOn":"2020-01-01"}""", "requestId");
        offerId = api.create("/api/assistance/requests/" + assistanceRequestId + "/offers", """
                {"offeror":"DEU","terms":"UNCONDITIONAL","offeredOn":"2020-01-02"}""", "offerId");
    }

    private List<Endpoint> endpoints() {
        String c = "/api/commitments/" + commitmentId;
        String v = "/api/violations/" + violationId;
        List<Endpoint> list = new ArrayList<>();
        list.add(read("/api/instruments"));
        list.add(read("/api/instruments/un-gge-2015"));
        list.add(read(c));
        list.add(read(v));
        list.add(read("/api/states/FRA/scorecard"));
        list.add(read("/api/scorecards?asOf=2024-01-01"));
        list.add(read("/api/states/FRA/scorecard/history?from=2024-01-01&to=2024-03-01&step=MONTH"));
        list.add(read("/api/states/FRA/scorecard/changes?from=2024-01-01T00:00:00Z"));
        list.add(new Endpoint("GET", "/api/admin/projections/replay", null, Set.of("ADMIN"), false));
        list.add(write("/api/imports/eurepoc", "{}"));
        list.add(new Endpoint("GET", "/api/events?limit=1", null, HISTORIANS, false));
        list.add(new Endpoint("GET", "/api/events/export", null, HISTORIANS, false));
        list.add(new Endpoint("POST", "/api/events/verify", "", HISTORIANS, false));
        list.add(new Endpoint("POST", "/api/admin/events/import", "", Set.of("ADMIN"), false));
        list.add(write("/api/instruments", "{\"instrumentId\":\"matrix-" + System.nanoTime()
                + "\",\"title\":\"t\",\"adoptedOn\":\"2020-01-01\"}"));
        list.add(write("/api/instruments/un-gge-2015/norms/13a/revisions", "{\"title\":\"\",\"revisedOn\":\"2020-01-01\"}"));
        list.add(write("/api/states/FRA/pledges",
                "{\"instrument\":\"un-gge-2015\",\"norm\":\"13a\",\"pledgedOn\":\"2020-01-01\",\"statement\":\"s\"}"));
        list.add(write("/api/states/FRA/participation",
                "{\"instrument\":\"un-gge-2015\",\"action\":\"RATIFIED\",\"date\":\"2020-01-01\"}"));
        list.add(write("/api/states/FRA/reservations",
                "{\"instrument\":\"un-gge-2015\",\"norm\":\"13b\",\"enteredOn\":\"2020-01-01\",\"text\":\"t\"}"));
        list.add(write("/api/states/FRA/reservations/13k/withdrawal",
                "{\"instrument\":\"un-gge-2015\",\"withdrawnOn\":\"2020-01-01\"}"));
        list.add(write("/api/commitments", "{\"state\":\"FRA\",\"instrument\":\"un-gge-2015\",\"norm\":\"13g\","
                + "\"description\":\"d\",\"madeOn\":\"2020-01-01\",\"dueOn\":\"2021-01-01\"}"));
        list.add(write(c + "/progress", "{\"reportedOn\":\"2020-02-01\",\"note\":\"n\"}"));
        list.add(write(c + "/fulfilment", "{\"fulfilledOn\":\"2020-03-01\",\"evidence\":\"e\"}"));
        list.add(write(c + "/withdrawal", "{\"withdrawnOn\":\"2020-03-01\",\"reason\":\"r\"}"));
        list.add(write("/api/violations", "{\"state\":\"FRA\",\"instrument\":\"un-gge-2015\",\"norm\":\"13f\","
                + "\"occurredOn\":\"2020-01-01\",\"severity\":\"LOW\",\"summary\":\"s\"}"));
        list.add(write(v + "/review", "{\"startedOn\":\"2020-02-02\"}"));
        list.add(write(v + "/confirmation", "{\"confirmedOn\":\"2020-03-01\",\"finding\":\"f\"}"));
        list.add(write(v + "/dismissal", "{\"dismissedOn\":\"2020-03-01\",\"reason\":\"r\"}"));
        list.add(write(v + "/remedy", "{\"remediedOn\":\"2020-04-01\",\"note\":\"n\"}"));
        list.add(new Endpoint("POST", v + "/response", "{\"respondedOn\":\"2020-02-03\",\"text\":\"t\"}",
                Set.of("MONITOR", "ADMIN", "STATE:FRA"), false));
        String r = "/api/assistance/requests/" + assistanceRequestId;
        String o = "/api/assistance/offers/" + offerId;
        list.add(read("/api/assistance/requests?state=FRA"));
        list.add(read(r));
        list.add(read(o));
        list.add(read("/api/states/FRA/assistance?asOf=2024-01-01"));
        list.add(read("/api/assistance/rankings?asOf=2024-01-01"));
        list.add(new Endpoint("POST", "/api/assistance/requests", "{\"requester\":\"FRA\",\"instrument\":"
                + "\"un-gge-2015\",\"norm\":\"13h\",\"area\":\"OTHER\",\"description\":\"d\","
                + "\"requestedOn\":\"2020-01-01\"}", Set.of("MONITOR", "ADMIN", "STATE:FRA"), false));
        list.add(new Endpoint("POST", r + "/offers", "{\"offeror\":\"DEU\",\"terms\":\"UNCONDITIONAL\","
                + "\"offeredOn\":\"2020-01-02\"}", Set.of("MONITOR", "ADMIN", "STATE:DEU"), false));
        list.add(new Endpoint("POST", o + "/acceptance", "{\"acceptedOn\":\"2020-01-03\"}",
                Set.of("MONITOR", "ADMIN", "STATE:FRA"), false));
        list.add(new Endpoint("POST", o + "/declination", "{\"declinedOn\":\"2020-01-03\"}",
                Set.of("MONITOR", "ADMIN", "STATE:FRA"), false));
        list.add(write(o + "/deliveries", "{\"deliveredOn\":\"2020-01-04\",\"description\":\"d\","
                + "\"evidence\":\"e\"}"));
        list.add(write(o + "/completion", "{\"completedOn\":\"2020-01-05\"}"));
        list.add(write(o + "/withdrawal", "{\"withdrawnOn\":\"2020-01-05\",\"reason\":\"r\"}"));
        list.add(write(r + "/closure", "{\"outcome\":\"ABANDONED\",\"closedOn\":\"2020-01-06\"}"));
        list.add(write("/api/assistance/organisations", "{\"organisationId\":\"matrix-" + System.nanoTime()
                + "\",\"name\":\"n\",\"registeredOn\":\"2020-01-01\"}"));
        return list;
    }

    private static Endpoint read(String path) {
        return new Endpoint("GET", path, null, EVERYONE_WITH_A_VALID_TOKEN, true);
    }

    private static Endpoint write(String path, String body) {
        return new Endpoint("POST", path, body, RECORDERS, false);
    }

    @TestFactory
    Stream<DynamicTest> letsEachRoleDoOnlyWhatItMay() {
        List<DynamicTest> tests = new ArrayList<>();
        List<Endpoint> endpoints = endpoints();
        for (Endpoint endpoint : endpoints) {
            for (Map.Entry<String, String> caller : CALLERS.entrySet()) {
                tests.add(DynamicTest.dynamicTest(caller.getKey() + " " + endpoint.method() + " " + endpoint.path(),
                        () -> check(endpoint, caller.getKey(), api.as(caller.getValue()))));
            }
        }
        return tests.stream();
    }

    private static void check(Endpoint endpoint, String caller, Api client) {
        Response response = "GET".equals(endpoint.method())
                ? client.get(endpoint.path())
                : client.post(endpoint.path(), endpoint.body());
        int status = response.status();
        if (WRONG.equals(caller)) {
            assertThat(status).as("a wrong token is always refused").isEqualTo(401);
        } else if (endpoint.allowed().contains(caller) || (endpoint.publicRead() && NONE.equals(caller))) {
            assertThat(status).as(response.text()).isNotIn(401, 403).isLessThan(500);
        } else if (NONE.equals(caller)) {
            assertThat(status).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
        } else {
            assertThat(status).as(response.text()).isEqualTo(403);
        }
        if (status == 401 || status == 403) {
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void aStateCannotAnswerForAnotherState() {
        long before = storedEvents();

        Response response = api.as(GERMANY).post("/api/violations/" + violationId + "/response",
                "{\"respondedOn\":\"2020-02-03\",\"text\":\"Not ours to answer\"}");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/forbidden");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aStateAnswersAReportAgainstItself() {
        Response response = api.as(FRANCE).post("/api/violations/" + violationId + "/response",
                "{\"respondedOn\":\"2020-02-03\",\"text\":\"We reject the report\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("responses").get(0).get("text").asText()).isEqualTo("We reject the report");
    }

    @Test
    void recordsWhoCausedEachEventInItsMetadata() {
        api.as(FRANCE).post("/api/violations/" + violationId + "/response",
                "{\"respondedOn\":\"2020-02-03\",\"text\":\"reply\"}");

        List<String> metadata = jdbc.queryForList("select meta_data from domain_event_entry "
                + "where aggregate_identifier = ? order by sequence_number", byte[].class, violationId)
                .stream().map(bytes -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).toList();

        assertThat(metadata.get(0)).contains("\"actorRole\":\"MONITOR\"").contains("\"actor\":\"token:MONITOR:");
        assertThat(metadata.get(metadata.size() - 1)).contains("\"actorRole\":\"STATE:FRA\"")
                .doesNotContain(FRANCE);
        String seed = new String(jdbc.queryForObject("select meta_data from domain_event_entry "
                + "where aggregate_identifier = 'un-gge-2015' and sequence_number = 0", byte[].class),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(seed).contains("\"actor\":\"system\"");
    }

    @Test
    void sendsSecurityHeadersAndNoCorsByDefault() {
        Response response = api.get("/api/instruments", Map.of("Origin", "https://elsewhere.example"));

        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.header("Cache-Control")).contains("no-store");
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    }
}
