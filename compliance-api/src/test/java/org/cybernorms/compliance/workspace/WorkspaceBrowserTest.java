package org.cybernorms.compliance.workspace;

import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workspace's journeys in Chromium, against the application on a random port and its real store: a monitor
 * reports, reviews and confirms a violation and sees the scorecard move; the state answers it; another state can
 * neither see nor post an answer; a form with two mistakes; a post without its CSRF token; sign-out. Every page is
 * checked with axe-core and saved as a screenshot.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkspaceBrowserTest extends EmbeddedStoreTest {

    private static String reportId;
    private Chromium chromium;

    @BeforeEach
    void startBrowser() {
        chromium = Chromium.start(port);
    }

    @AfterEach
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    @Order(1)
    void aMonitorReportsReviewsAndConfirmsAViolationAndTheScorecardChanges() {
        LocalDate today = LocalDate.now();
        chromium.open("/states/RUS");
        String before = chromium.find("#state-score").getText();

        chromium.signIn(MONITOR);
        assertThat(chromium.path()).isEqualTo("/work");
        chromium.check("workspace-01-work-queue");

        chromium.click("a[href='/workspace/forms/violation-report']");
        chromium.check("workspace-02-report-form");
        chromium.fill("violation-report", "state", "RUS");
        chromium.fill("violation-report", "instrument", "un-gge-2015");
        chromium.fill("violation-report", "norm", "13c");
        chromium.fill("violation-report", "occurredOn", today.minusDays(40).toString());
        chromium.fill("violation-report", "reportedOn", today.minusDays(38).toString());
        chromium.fill("violation-report", "severity", "HIGH");
        chromium.fill("violation-report", "summary", "Wiper malware against a power grid operator");
        chromium.fill("violation-report", "evidence", "https://example.org/advisory/1\nhttps://example.org/advisory/2");
        chromium.send("violation-report");

        assertThat(chromium.path()).startsWith("/violations/");
        reportId = chromium.path().substring("/violations/".length());
        assertThat(chromium.find("#status").getText()).isEqualTo("REPORTED");
        assertThat(chromium.all(".timeline li")).hasSize(1);
        chromium.check("workspace-03-report-page");

        chromium.fill("violation-review", "startedOn", today.minusDays(35).toString());
        chromium.send("violation-review");
        assertThat(chromium.find("#status").getText()).isEqualTo("UNDER_REVIEW");
        assertThat(chromium.all(".timeline li")).hasSize(2);

        chromium.fill("violation-confirmation", "confirmedOn", today.minusDays(5).toString());
        chromium.fill("violation-confirmation", "finding", "Attributed by several governments");
        chromium.send("violation-confirmation");
        assertThat(chromium.find("#status").getText()).isEqualTo("CONFIRMED");
        assertThat(chromium.all(".timeline li")).hasSize(3);
        assertThat(chromium.all("details[data-action='violation-response']"))
                .as("a monitor may record the state's answer too").hasSize(1);
        chromium.check("workspace-04-confirmed-report");

        chromium.open("/states/RUS");
        assertThat(chromium.find("#state-score").getText()).isNotEqualTo(before);
    }

    @Test
    @Order(2)
    void theStateAnswersTheReportAndTheAnswerIsOnTheReportsPage() {
        chromium.signIn(RUSSIA);
        assertThat(chromium.path()).isEqualTo("/my-state");
        chromium.check("workspace-05-my-state");
        assertThat(chromium.find("#scorecard-link").getAttribute("href")).endsWith("/states/RUS");
        WebElement report = chromium.find("li[data-violation='" + reportId + "']");
        assertThat(report.getText()).contains("not yet answered");
        assertThat(chromium.all("ol.reports > li").get(0).getAttribute("data-violation"))
                .as("unanswered first").isEqualTo(reportId);

        report.findElement(By.tagName("summary")).click();
        chromium.fill("violation-response", "respondedOn", LocalDate.now().toString());
        chromium.fill("violation-response", "text", "The Russian Federation rejects the attribution.");
        chromium.click("li[data-violation='" + reportId + "'] form[data-form='violation-response'] button");

        assertThat(chromium.path()).isEqualTo("/violations/" + reportId);
        assertThat(chromium.find(".response-text").getText()).isEqualTo("The Russian Federation rejects the attribution.");
        assertThat(chromium.all("details[data-action='violation-confirmation']")).as("a state sees no monitor's form")
                .isEmpty();
        chromium.check("workspace-06-answered-report");
    }

    @Test
    @Order(3)
    void anotherStateSeesNoReplyFormAndACraftedPostIsRefusedAndStoresNothing() {
        chromium.signIn(FRANCE);
        chromium.open("/violations/" + reportId);
        assertThat(chromium.all("details[data-action='violation-response']")).isEmpty();
        assertThat(chromium.all("form.workspace-form")).isEmpty();
        long before = storedEvents();

        String csrf = chromium.find("form.sign-out input[name='_csrf']").getAttribute("value");
        ((JavascriptExecutor) chromium.driver()).executeScript("""
                var f = document.createElement('form');
                f.method = 'post'; f.action = '/workspace/forms/violation-response';
                [['_csrf', arguments[0]], ['idempotencyKey', 'crafted-1'], ['id', arguments[1]],
                 ['respondedOn', '2026-01-01'], ['text', 'France answers for Russia']].forEach(function (p) {
                  var i = document.createElement('input'); i.type = 'hidden'; i.name = p[0]; i.value = p[1];
                  f.appendChild(i); });
                f.id = 'crafted'; document.body.appendChild(f);""", csrf, reportId);
        chromium.navigate(() -> ((JavascriptExecutor) chromium.driver())
                .executeScript("document.getElementById('crafted').submit();"));

        assertThat(chromium.find("h1").getText()).isEqualTo("Not allowed");
        assertThat(storedEvents()).isEqualTo(before);
        chromium.check("workspace-07-forbidden");
    }

    @Test
    @Order(4)
    void aFormWithTwoMistakesShowsBothKeepsTheInputAndStoresNothing() {
        chromium.signIn(MONITOR);
        chromium.open("/workspace/forms/violation-report");
        long before = storedEvents();
        chromium.fill("violation-report", "state", "RUS");
        chromium.fill("violation-report", "instrument", "un-gge-2015");
        chromium.fill("violation-report", "norm", "13c");
        chromium.fill("violation-report", "severity", "LOW");
        chromium.send("violation-report");

        assertThat(chromium.driver().getTitle()).startsWith("Error: ");
        var links = chromium.all(".error-summary li a");
        assertThat(links).hasSize(2);
        assertThat(links).extracting(a -> a.getAttribute("href"))
                .anySatisfy(h -> assertThat(h).endsWith("#violation-report-occurredOn"))
                .anySatisfy(h -> assertThat(h).endsWith("#violation-report-summary"));
        assertThat(chromium.find("#violation-report-occurredOn-error").getText()).contains("must not be null");
        assertThat(chromium.find("#violation-report-summary-error").getText()).contains("must not be blank");
        assertThat(chromium.find("#violation-report-state").getAttribute("value")).isEqualTo("RUS");
        assertThat(new org.openqa.selenium.support.ui.Select(chromium.find("#violation-report-severity"))
                .getFirstSelectedOption().getText()).isEqualTo("LOW");
        assertThat(chromium.find("#violation-report-norm").getAttribute("value")).isEqualTo("13c");
        assertThat(storedEvents()).isEqualTo(before);
        chromium.check("workspace-08-form-errors");

        links.get(0).click();
        assertThat(chromium.driver().switchTo().activeElement().getAttribute("id")).startsWith("violation-report-");
    }

    /**
     * A double click sends the rendered form twice, with the same key: here both posts leave the browser at once
     * (the page's own form, its session cookie and CSRF token, from the page's origin), and the first is still being
     * handled when the second arrives. Both are answered with the way to the record, and the fact is stored once.
     */
    @Test
    @Order(8)
    void aDoubleSubmitOfTheSameFormStoresOneEvent() {
        chromium.signIn(MONITOR);
        chromium.open("/workspace/forms/pledge?state=LIE&instrument=un-gge-2015");
        chromium.fill("pledge", "norm", "13b");
        chromium.fill("pledge", "pledgedOn", "2024-02-01");
        chromium.fill("pledge", "statement", "Sent twice by a double click");
        long before = storedEvents();

        Object answers = ((org.openqa.selenium.JavascriptExecutor) chromium.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "var form = document.querySelector(\"form[data-form='pledge']\");"
                        + "var post = function () { return fetch(form.action, {method: 'POST', redirect: 'manual',"
                        + " body: new URLSearchParams(new FormData(form))}); };"
                        + "Promise.all([post(), post()]).then(function (r) {"
                        + " done(r.map(function (x) { return x.type; }).join(',')); })"
                        + ".catch(function (e) { done('error: ' + e); });");

        assertThat(answers).as("both posts were answered with a redirect").isEqualTo("opaqueredirect,opaqueredirect");
        assertThat(storedEvents()).isEqualTo(before + 1);
        chromium.open("/states/LIE");
        assertThat(chromium.all("section[aria-labelledby='pledges-title'] li")).as("one pledge on the state's page").hasSize(1);
    }

    @Test
    @Order(5)
    void aPostWithoutItsCsrfTokenIsRefusedAndSignOutEndsTheSession() {
        chromium.signIn(MONITOR);
        chromium.open("/violations/" + reportId);
        long before = storedEvents();
        ((JavascriptExecutor) chromium.driver()).executeScript(
                "document.querySelector(\"form[data-form='violation-remedy'] input[name='_csrf']\").remove();");
        chromium.fill("violation-remedy", "remediedOn", LocalDate.now().toString());
        chromium.fill("violation-remedy", "note", "Service restored");
        chromium.send("violation-remedy");
        assertThat(chromium.find("h1").getText()).isEqualTo("Not allowed");
        assertThat(storedEvents()).isEqualTo(before);

        chromium.open("/work");
        chromium.click("form.sign-out button");
        assertThat(chromium.path()).isEqualTo("/sign-in?signed-out");
        chromium.check("workspace-09-signed-out");
        chromium.open("/work");
        assertThat(chromium.path()).as("signed out: the work queue asks for a sign-in").isEqualTo("/sign-in");
    }

    @Test
    @Order(6)
    void everyOtherPagePassesTheAccessibilityCheck() {
        String commitment = api.create("/api/commitments", """
                {"state":"RUS","instrument":"un-gge-2015","norm":"13g","description":"A national CERT",
                 "madeOn":"2024-01-15","dueOn":"2030-06-01"}""", "commitmentId");
        String request = api.as(ESTONIA).create("/api/assistance/requests", """
                {"requester":"EST","instrument":"un-gge-2015","norm":"13h","area":"SKILLS_AND_TRAINING",
                 "description":"Training for incident handlers","requestedOn":"2024-02-01"}""", "requestId");

        chromium.open("/sign-in");
        chromium.check("workspace-13-sign-in");
        chromium.signIn(ADMIN);
        chromium.open("/");
        chromium.check("workspace-14-overview-signed-in");
        chromium.open("/states/RUS");
        assertThat(chromium.all("#record-for-state a")).isNotEmpty();
        chromium.check("workspace-15-state-with-actions");
        chromium.click("a[href='/workspace/forms/pledge?state=RUS&instrument=un-gge-2015']");
        chromium.fill("pledge", "norm", "13f");
        chromium.fill("pledge", "pledgedOn", "2024-03-01");
        chromium.fill("pledge", "statement", "We will not harm critical infrastructure.");
        chromium.send("pledge");
        assertThat(chromium.path()).isEqualTo("/states/RUS?instrument=un-gge-2015");
        assertThat(chromium.find("#main").getText()).contains("We will not harm critical infrastructure.");

        chromium.open("/commitments/" + commitment);
        assertThat(chromium.all("details[data-action]")).hasSize(3);
        chromium.check("workspace-16-commitment");
        chromium.open("/assistance/requests/" + request);
        chromium.check("workspace-17-assistance-request");
        chromium.open("/instruments/un-gge-2015");
        chromium.check("workspace-18-instrument");
        chromium.open("/events?limit=20");
        chromium.check("workspace-19-event-log");
        for (String form : new String[] {"instrument-create", "assistance-request", "participation", "organisation"}) {
            chromium.open("/workspace/forms/" + form);
            chromium.check("workspace-20-form-" + form);
        }
        chromium.open("/violations/no-such-report");
        chromium.check("workspace-21-not-found");
    }

    @Test
    @Order(7)
    void aHistorianVerifiesAnExportFromTheEventLogPageAndReadsTheVerdict() throws java.io.IOException {
        java.nio.file.Path export = java.nio.file.Files.createTempFile("export", ".ndjson");
        java.nio.file.Files.writeString(export, "{\"specversion\":\"1.0\"}\n");
        chromium.signIn(HISTORIAN);
        chromium.click("a[href='/workspace/forms/events-verify']");
        chromium.find("#events-verify-file").sendKeys(export.toString());
        chromium.send("events-verify");
        assertThat(chromium.find("h1").getText()).isEqualTo("Verify an export of the event log");
        assertThat(chromium.find("#answer").getText()).contains("valid\nfalse").contains("brokenLine\n1")
                .contains("line 1 has no chainhash");
        chromium.check("workspace-22-verify-answer");
    }
}
