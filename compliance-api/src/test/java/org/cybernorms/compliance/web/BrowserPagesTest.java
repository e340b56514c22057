package org.cybernorms.compliance.web;

import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The pages in a real browser: Debian's headless Chromium driven by Selenium against the application on a random
 * port. Screenshots go to target/browser-screenshots. Skips, saying so, where Chromium or its driver is missing;
 * .ci/run installs them.
 */
class BrowserPagesTest extends EmbeddedStoreTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private WebDriver browser;
    private static String violationId;

    @BeforeEach
    void startBrowserAndRecordFacts() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Skipping browser tests: Chromium and ChromeDriver are not installed "
                        + "(apt-get install chromium chromium-driver; .ci/run does this)");
        recordWorkedExample();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + Files.createTempDirectory("chromium-profile"),
                "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void walksFromTheOverviewToAStateThroughTimeAndToAViolation() throws Exception {
        browser.get(url("/"));
        assertThat(browser.getTitle()).contains("Overview");
        WebElement row = browser.findElement(By.cssSelector("#ranking tr[data-state='PRT']"));
        screenshot("1-overview");

        leave(row.findElement(By.tagName("a")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Portugal").contains("PRT");
        String today = score();

        showAsOf("2024-01-10");
        assertThat(score()).isEqualTo("47.7");
        assertThat(browser.findElement(By.cssSelector("li[data-norm='13f'] .bar-value")).getText()).isEqualTo("75.0");
        assertThat(browser.findElement(By.cssSelector("li[data-norm='13g'] .bar-value")).getText()).isEqualTo("0.0");
        showAsOf("2024-12-31");
        assertThat(score()).isEqualTo("54.5");
        assertThat(score()).isNotEqualTo("47.7");
        assertThat(today).isNotBlank();
        assertThat(browser.findElements(By.cssSelector("#history-chart svg"))).isNotEmpty();
        screenshot("2-state");

        WebElement statePage = browser.findElement(By.tagName("h1"));
        leave(browser.findElement(By.linkText("Wiper attack <script>alert('x')</script>")));
        assertThat(browser.findElement(By.id("summary")).getText()).isEqualTo("Wiper attack <script>alert('x')</script>");
        assertThat(browser.findElement(By.cssSelector(".response-text")).getText())
                .isEqualTo("<b>We reject it</b>");
        assertThat(browser.findElements(By.cssSelector(".timeline li"))).hasSize(4);
        assertThat(browser.getCurrentUrl()).endsWith("/violations/" + violationId);
        screenshot("3-violation");
    }

    @Test
    void showsTheEventsBehindAScoreAndLinksToAllOfThem() throws Exception {
        browser.get(url("/states/PRT?asOf=2024-12-31"));
        WebElement norm = browser.findElement(By.cssSelector("li[data-norm='13g']"));
        WebElement summary = norm.findElement(By.tagName("summary"));
        assertThat(summary.getText()).isEqualTo("Events behind this score (5)");

        summary.click();
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView();", norm);
        assertThat(norm.findElements(By.cssSelector(".basis li"))).hasSize(5);
        assertThat(norm.findElements(By.cssSelector(".hint"))).as("all of them are shown").isEmpty();
        WebElement all = norm.findElement(By.cssSelector("a.basis-all"));
        assertThat(all.getText()).isEqualTo("All 5 events, as JSON pages");
        assertThat(all.getAttribute("href")).contains("/api/states/PRT/scorecard/basis?norm=13g&")
                .contains("asOf=2024-12-31").contains("knownAt=");
        screenshot("6-basis");

        leave(all);
        String json = browser.findElement(By.tagName("body")).getText();
        assertThat(json).contains("\"norm\":\"13g\"").contains("\"total\":5").contains("\"CommitmentFulfilled\"");
    }

    @Test
    void worksByKeyboardAndFitsAPhoneScreen() throws Exception {
        browser.get(url("/states/PRT?asOf=2024-12-31"));
        WebElement active = browser.switchTo().activeElement();
        active.sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to content");
        for (WebElement input : browser.findElements(By.cssSelector("main input, main select"))) {
            String id = input.getAttribute("id");
            assertThat(browser.findElements(By.cssSelector("label[for='" + id + "']"))).as(id).hasSize(1);
        }

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/states/PRT?asOf=2024-12-31"));
        Long scrollWidth = (Long) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth;");
        Long clientWidth = (Long) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.clientWidth;");
        assertThat(scrollWidth).isLessThanOrEqualTo(clientWidth);
        screenshot("4-state-phone");
        String sources = (String) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('script[src],link[href]'))"
                        + ".map(e => e.src || e.href).join(' ');");
        assertThat(sources).doesNotContain("cdn").contains("127.0.0.1");
    }

    @Test
    void letsASignedInHistorianFilterAndPageThroughTheEventLog() throws Exception {
        browser.get(url("/events"));
        assertThat(browser.getCurrentUrl()).as("signed out: sent to sign in").endsWith("/sign-in");
        browser.findElement(By.id("token")).sendKeys(HISTORIAN);
        leave(browser.findElement(By.cssSelector("form.workspace-form button")));
        assertThat(browser.getCurrentUrl()).endsWith("/events");
        assertThat(browser.findElements(By.cssSelector("input[type=password]"))).as("no token box").isEmpty();

        browser.findElement(By.id("state")).sendKeys("PRT");
        WebElement limit = browser.findElement(By.id("limit"));
        limit.clear();
        limit.sendKeys("3");
        leave(browser.findElement(By.id("load")));
        assertThat(browser.findElements(By.cssSelector("#log tbody tr"))).hasSize(3);
        assertThat(browser.findElements(By.cssSelector("#log tbody tr td:nth-child(6)")))
                .allSatisfy(cell -> assertThat(cell.getText()).isEqualTo("PRT"));
        String firstPage = browser.findElement(By.cssSelector("#log tbody tr")).getAttribute("data-sequence");

        leave(browser.findElement(By.id("next")));
        assertThat(browser.findElements(By.cssSelector("#log tbody tr"))).hasSize(3);
        assertThat(browser.findElement(By.cssSelector("#log tbody tr")).getAttribute("data-sequence"))
                .isGreaterThan(firstPage);
        screenshot("5-event-log");

        browser.findElement(By.id("state")).clear();
        browser.findElement(By.id("state")).sendKeys("XX");
        leave(browser.findElement(By.id("load")));
        assertThat(browser.findElement(By.cssSelector(".error-summary")).getText()).contains("state");
    }

    private void waitFor(java.util.function.BooleanSupplier condition) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20))
                .until(driver -> condition.getAsBoolean());
    }

    /** Clicks {@code link} (a link or a form's button) and waits for the page it loads. */
    private void leave(WebElement link) {
        org.cybernorms.compliance.support.PageNavigation.await(browser, link::click);
    }

    private void showAsOf(String date) {
        WebElement input = browser.findElement(By.id("asOf"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", input, date);
        leave(browser.findElement(By.id("show")));
        assertThat(browser.findElement(By.id("asOf")).getAttribute("value")).isEqualTo(date);
    }

    private String score() {
        return browser.findElement(By.id("state-score")).getText();
    }

    private void screenshot(String name) throws Exception {
        File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void recordWorkedExample() {
        if (violationId != null) {
            return;
        }
        api.create("/api/states/PRT/pledges", """
                {"instrument":"un-gge-2015","norm":"13f","pledgedOn":"2023-03-01","statement":"We pledge."}""",
                "pledgeId");
        String a = api.create("/api/commitments", """
                {"state":"PRT","instrument":"un-gge-2015","norm":"13g","description":"Commitment A",
                 "madeOn":"2023-01-15","dueOn":"2024-06-01"}""", "commitmentId");
        api.post("/api/commitments/" + a + "/fulfilment", "{\"fulfilledOn\":\"2024-05-20\",\"evidence\":\"e\"}");
        String b = api.create("/api/commitments", """
                {"state":"PRT","instrument":"un-gge-2015","norm":"13g","description":"Commitment B",
                 "madeOn":"2023-01-15","dueOn":"2023-12-31"}""", "commitmentId");
        api.post("/api/commitments/" + b + "/fulfilment", "{\"fulfilledOn\":\"2024-02-15\",\"evidence\":\"e\"}");
        violationId = api.create("/api/violations", """
                {"state":"PRT","instrument":"un-gge-2015","norm":"13c","occurredOn":"2020-01-01",
                 "reportedOn":"2020-02-01","severity":"LOW","summary":"Wiper attack <script>alert('x')</script>"}""",
                "violationId");
        api.post("/api/violations/" + violationId + "/review", "{\"startedOn\":\"2020-03-01\"}");
        api.post("/api/violations/" + violationId + "/dismissal", "{\"dismissedOn\":\"2020-04-01\",\"reason\":\"r\"}");
        api.post("/api/violations/" + violationId + "/response",
                "{\"respondedOn\":\"2020-04-02\",\"text\":\"<b>We reject it</b>\"}");
    }
}
