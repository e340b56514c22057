package org.cybernorms.compliance.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cybernorms.compliance.support.PageNavigation;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium driven by Selenium, as the page tests drive it, with what the workspace's journeys
 * need: signing in through the sign-in page, filling and sending forms, a screenshot of every page to
 * target/browser-screenshots, and axe-core's accessibility check (injected by the test, never served by the pages).
 */
final class Chromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    private static final String AXE = axeSource();

    private final WebDriver browser;
    private final int port;

    private Chromium(WebDriver browser, int port) {
        this.browser = browser;
        this.port = port;
    }

    /** A fresh browser (no cookies), or a skipped test where Chromium or its driver is missing. */
    static Chromium start(int port) {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Skipping browser tests: Chromium and ChromeDriver are not installed "
                        + "(apt-get install chromium chromium-driver; .ci/run does this)");
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-dev-shm-usage",
                    "--user-data-dir=" + Files.createTempDirectory("chromium-profile"), "--window-size=1280,1000");
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort().build();
            WebDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(600));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
            Files.createDirectories(SCREENSHOTS);
            return new Chromium(driver, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return browser;
    }

    String url(String path) {
        return path.startsWith("http") ? path : "http://127.0.0.1:" + port + path;
    }

    void open(String path) {
        browser.get(url(path));
    }

    /** Runs {@code action}, which loads a new page (a script's form submission, say), and waits for that page. */
    void navigate(Runnable action) {
        PageNavigation.await(browser, action);
    }

    String path() {
        return browser.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
    }

    WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    /** Signs in through the sign-in page with {@code token}. */
    void signIn(String token) {
        open("/sign-in");
        find("#token").sendKeys(token);
        click("form.workspace-form button[type=submit]");
    }

    /** Sets a field of the form named {@code form}; works for text, date, select and textarea alike. */
    void fill(String form, String field, String value) {
        WebElement element = find("#" + form + "-" + field);
        if ("select".equals(element.getTagName())) {
            new org.openqa.selenium.support.ui.Select(element).selectByValue(value);
        } else {
            ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", element, value);
        }
    }

    /** Opens the form's disclosure, if it sits in one, and sends the form. */
    void send(String form) {
        List<WebElement> details = all("details[data-action='" + form + "']");
        if (!details.isEmpty() && details.get(0).getAttribute("open") == null) {
            details.get(0).findElement(By.tagName("summary")).click();
        }
        click("form[data-form='" + form + "'] button[type=submit]");
    }

    /** Clicks and waits for the next page to load. */
    void click(String css) {
        WebElement target = find(css);
        PageNavigation.await(browser, target::click);
    }

    void screenshot(String name) {
        try {
            Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs axe-core on the page; every serious or critical violation, as "rule: target" lines. */
    List<String> seriousAccessibilityProblems() {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(AXE);
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(function (r) { done(JSON.stringify(r.violations)); })"
                + ".catch(function (e) { done('error: ' + e); });");
        String text = String.valueOf(result);
        assertThat(text).as("axe-core ran").doesNotStartWith("error:");
        List<String> problems = new ArrayList<>();
        try {
            for (JsonNode violation : new ObjectMapper().readTree(text)) {
                String impact = violation.path("impact").asText();
                if (impact.equals("serious") || impact.equals("critical")) {
                    for (JsonNode node : violation.path("nodes")) {
                        problems.add(violation.path("id").asText() + " (" + impact + "): " + node.path("target"));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    /** A screenshot of the page and its accessibility check: no serious or critical problem. */
    void check(String name) {
        screenshot(name);
        assertThat(seriousAccessibilityProblems()).as("axe-core on " + path()).isEmpty();
    }

    @Override
    public void close() {
        browser.quit();
    }

    private static String axeSource() {
        try (InputStream in = Chromium.class.getResourceAsStream("/axe/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
