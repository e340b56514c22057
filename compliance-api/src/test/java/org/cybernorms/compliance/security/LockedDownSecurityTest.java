package org.cybernorms.compliance.security;

import org.cybernorms.compliance.support.Api;
import org.cybernorms.compliance.support.Api.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An installation with private reads and one allowed browser origin. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LockedDownSecurityTest {

    private static final String ORIGIN = "https://tracker.example.org";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        String dataDir = Files.createTempDirectory("compliance-locked-down").toString();
        registry.add("compliance.data-dir", () -> dataDir);
        registry.add("compliance.auth.tokens", () -> "locked-state=STATE:FRA,locked-monitor=MONITOR");
        registry.add("compliance.security.public-reads", () -> "false");
        registry.add("compliance.security.cors.allowed-origins", () -> ORIGIN);
    }

    @LocalServerPort
    int port;
    Api anonymous;

    @BeforeEach
    void connect() {
        anonymous = new Api(port);
    }

    @Test
    void requiresARoleToReadWhenReadsAreNotPublic() {
        assertThat(anonymous.get("/api/instruments").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/states/FRA/scorecard").status()).isEqualTo(401);
        assertThat(anonymous.as("locked-state").get("/api/instruments").status()).isEqualTo(200);
        assertThat(anonymous.as("locked-state").get("/api/states/FRA/scorecard").status()).isEqualTo(200);
        assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(200);
    }

    @Test
    void answersCorsRequestsFromTheConfiguredOriginOnly() {
        Response allowed = anonymous.as("locked-monitor").get("/api/instruments", Map.of("Origin", ORIGIN));
        Response other = anonymous.as("locked-monitor").get("/api/instruments",
                Map.of("Origin", "https://elsewhere.example"));
        Response preflight = anonymous.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/commitments"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .build());

        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        assertThat(other.status()).isEqualTo(403);
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
    }
}
