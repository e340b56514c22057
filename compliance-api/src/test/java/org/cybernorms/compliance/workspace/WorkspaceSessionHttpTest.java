package org.cybernorms.compliance.workspace;

import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workspace's session and CSRF rules over plain HTTP: signing in with a token opens a session whose cookie is
 * HttpOnly and SameSite=Lax, never carries the token, and never authorises a call of the API; a form post without
 * its CSRF token is refused with 403 and stores nothing.
 */
class WorkspaceSessionHttpTest extends EmbeddedStoreTest {

    @Test
    void signsInWithATokenIntoASessionWhoseCookieIsHttpOnlyAndLax() {
        PageSession browser = new PageSession(port);
        PageSession.Page signedIn = browser.signIn(MONITOR);

        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).endsWith("/work");
        String setCookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain(MONITOR);
        assertThat(browser.get("/work").status()).isEqualTo(200);
    }

    @Test
    void refusesAnUnknownTokenAndOpensNoSignedInSession() {
        PageSession browser = new PageSession(port);
        PageSession.Page refused = browser.signIn("not-a-token");

        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).endsWith("/sign-in?error");
        assertThat(browser.get("/work").status()).as("still signed out: sent to sign in").isEqualTo(302);
        assertThat(browser.get("/sign-in?error").html()).contains("The access token is not one this tracker knows")
                .doesNotContain("not-a-token");
    }

    @Test
    void aSessionCookieNeverAuthorisesAnApiCall() {
        PageSession browser = new PageSession(port);
        browser.signIn(MONITOR);
        long before = storedEvents();

        var write = browser.raw(HttpRequest.newBuilder(browser.uri("/api/violations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"state":"NZL","instrument":"un-gge-2015","norm":"13c","occurredOn":"2024-01-01",
                         "severity":"LOW","summary":"sent with a session cookie only"}""")).build());
        var read = browser.raw(HttpRequest.newBuilder(browser.uri("/api/events")).GET().build());

        assertThat(write.statusCode()).isEqualTo(401);
        assertThat(read.statusCode()).isEqualTo(401);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aFormPostWithoutItsCsrfTokenGets403AndStoresNothing() {
        PageSession browser = new PageSession(port);
        browser.signIn(MONITOR);
        long before = storedEvents();

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("idempotencyKey", "no-csrf-1");
        fields.put("state", "NZL");
        fields.put("instrument", "un-gge-2015");
        fields.put("norm", "13c");
        fields.put("occurredOn", "2024-01-01");
        fields.put("severity", "LOW");
        fields.put("summary", "posted without a CSRF token");
        PageSession.Page refused = browser.post("/workspace/forms/violation-report", fields);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.html()).contains("Not allowed");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void signOutEndsTheSession() {
        PageSession browser = new PageSession(port);
        browser.signIn(MONITOR);
        PageSession.Page work = browser.get("/work");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", work.csrf());

        PageSession.Page out = browser.post("/sign-out", fields);

        assertThat(out.status()).isEqualTo(302);
        assertThat(out.location()).endsWith("/sign-in?signed-out");
        assertThat(browser.get("/work").status()).isEqualTo(302);
    }
}
