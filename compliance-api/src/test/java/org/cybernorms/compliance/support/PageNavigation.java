package org.cybernorms.compliance.support;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

/**
 * Waits for the page that a click or a form submission loads. The page in the tab is marked with a window property
 * before the action; the wait ends once a document without the mark has finished loading. Unlike waiting for an old
 * element to go stale, this does not depend on how ChromeDriver reports an element of a document that is being
 * replaced (newer drivers answer "Node with given id does not belong to the document", not a stale element), and
 * every call that fails while the documents change over is simply asked again.
 */
public final class PageNavigation {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String MARK = "__cybernormsPageBeforeNavigation";

    private PageNavigation() {
    }

    /** Runs {@code action}, which must load a new page, and returns once that page has loaded. */
    public static void await(WebDriver browser, Runnable action) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window." + MARK + " = true;");
        action.run();
        new WebDriverWait(browser, TIMEOUT)
                .ignoring(WebDriverException.class)
                .until(driver -> Boolean.TRUE.equals(js.executeScript(
                        "return window." + MARK + " === undefined && document.readyState === 'complete';")));
    }
}
