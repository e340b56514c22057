package org.cybernorms.compliance.workspace;

import org.cybernorms.compliance.support.FreshInstallation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production sign-in end to end: a real Spring Authorization Server on loopback, the tracker with
 * {@code compliance.security.jwt.enabled=true} as its OIDC client, and Chromium going through the issuer's login
 * page (authorization code with PKCE) and landing on the work queue with the role the ID token's claim maps to.
 */
@Tag("store-independent") // sessions and sign-in live in memory, whichever store holds the facts
class WorkspaceOidcBrowserTest {

    @Test
    void signsInThroughTheIssuerAndLandsOnTheWorkQueueAsAMonitor() throws IOException {
        int trackerPort = freePort();
        String redirect = "http://127.0.0.1:" + trackerPort + "/login/oauth2/code/issuer";
        try (LoopbackIssuer issuer = new LoopbackIssuer(redirect, List.of("MONITOR"));
             FreshInstallation tracker = new FreshInstallation("--server.port=" + trackerPort,
                     "--compliance.security.jwt.enabled=true",
                     "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer.issuer(),
                     "--compliance.security.oidc.issuer-uri=" + issuer.issuer(),
                     "--compliance.security.oidc.client-id=" + LoopbackIssuer.CLIENT_ID,
                     "--compliance.security.oidc.client-secret=" + LoopbackIssuer.CLIENT_SECRET,
                     "--compliance.security.oidc.issuer-name=Loopback issuer");
             Chromium chromium = Chromium.start(trackerPort)) {
            chromium.open("/sign-in");
            assertThat(chromium.all("#token")).as("no token box under OIDC").isEmpty();
            assertThat(chromium.find("#oidc-sign-in").getText()).isEqualTo("Sign in with Loopback issuer");
            chromium.check("workspace-12-sign-in-oidc");

            chromium.click("#oidc-sign-in");
            assertThat(chromium.driver().getCurrentUrl()).startsWith(issuer.issuer() + "/login");
            chromium.find("#username").sendKeys(LoopbackIssuer.USER);
            chromium.find("#password").sendKeys(LoopbackIssuer.PASSWORD);
            chromium.click("button[type=submit]");

            assertThat(chromium.driver().getCurrentUrl()).isEqualTo("http://127.0.0.1:" + trackerPort + "/work");
            assertThat(chromium.find(".site-header .who").getText()).isEqualTo("MONITOR");
            assertThat(chromium.find("h1").getText()).isEqualTo("Work queue");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
