package org.cybernorms.compliance.workspace;

import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.cybernorms.compliance.support.FreshInstallation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in session ends once it has been idle for compliance.security.session.idle-timeout (here 2 seconds, on an
 * installation of its own): the next page asks for a sign-in again.
 */
@Tag("store-independent") // sessions and sign-in live in memory, whichever store holds the facts
class WorkspaceIdleTimeoutTest {

    @Test
    void anIdleSessionEndsAfterTheConfiguredTime() throws InterruptedException {
        try (FreshInstallation tracker = new FreshInstallation("--compliance.security.session.idle-timeout=2s")) {
            PageSession browser = new PageSession(tracker.port());
            browser.signIn(EmbeddedStoreTest.MONITOR);
            assertThat(browser.get("/work").status()).isEqualTo(200);
            assertThat(browser.get("/work").status()).as("still in use: not idle").isEqualTo(200);

            Thread.sleep(3_500);

            PageSession.Page after = browser.get("/work");
            assertThat(after.status()).isEqualTo(302);
            assertThat(after.location()).endsWith("/sign-in");
        }
    }
}
