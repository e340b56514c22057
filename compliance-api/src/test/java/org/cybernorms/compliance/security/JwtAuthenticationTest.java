package org.cybernorms.compliance.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.cybernorms.compliance.support.Api;
import org.cybernorms.compliance.support.Api.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production authentication: an OAuth2/OIDC resource server that accepts JWTs signed by the issuer's key and maps
 * the role and state claims onto the tracker's roles. Here the issuer is a test key pair.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JwtAuthenticationTest {

    private static final KeyPair ISSUER = keyPair();
    private static final KeyPair STRANGER = keyPair();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("compliance-jwt");
        Path publicKey = dir.resolve("issuer.pub");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(ISSUER.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        registry.add("compliance.data-dir", () -> dir.resolve("data").toString());
        registry.add("compliance.security.jwt.enabled", () -> "true");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + publicKey);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void letsAMonitorRecordAndAuditsItsSubject() {
        Api monitor = new Api(port, jwt(ISSUER.getPrivate(), "alice@monitor.example", List.of("MONITOR"), null, 300));

        Response made = monitor.post("/api/commitments", """
                {"state":"FRA","instrument":"un-gge-2015","norm":"13g","description":"d","madeOn":"2020-01-01",
                 "dueOn":"2021-01-01"}""");

        assertThat(made.status()).isEqualTo(201);
        String id = made.json().get("commitmentId").asText();
        String metadata = new String(jdbc.queryForObject("select meta_data from domain_event_entry "
                + "where aggregate_identifier = ?", byte[].class, id), StandardCharsets.UTF_8);
        assertThat(metadata).contains("\"actor\":\"alice@monitor.example\"", "\"actorRole\":\"MONITOR\"");
    }

    @Test
    void mapsTheStateClaimOntoTheStateRole() {
        Api monitor = new Api(port, jwt(ISSUER.getPrivate(), "m", List.of("MONITOR"), null, 300));
        String id = monitor.create("/api/violations", """
                {"state":"FRA","instrument":"un-gge-2015","norm":"13f","occurredOn":"2020-01-01",
                 "reportedOn":"2020-02-01","severity":"LOW","summary":"s"}""", "violationId");
        String reply = "{\"respondedOn\":\"2020-03-01\",\"text\":\"reply\"}";

        Response france = new Api(port, jwt(ISSUER.getPrivate(), "fr", List.of("STATE"), "FRA", 300))
                .post("/api/violations/" + id + "/response", reply);
        Response germany = new Api(port, jwt(ISSUER.getPrivate(), "de", List.of("STATE"), "DEU", 300))
                .post("/api/violations/" + id + "/response", reply);
        Response stateWrite = new Api(port, jwt(ISSUER.getPrivate(), "fr", List.of("STATE"), "FRA", 300))
                .post("/api/violations", "{}");

        assertThat(france.status()).isEqualTo(200);
        assertThat(germany.status()).isEqualTo(403);
        assertThat(stateWrite.status()).isEqualTo(403);
    }

    @Test
    void refusesTokensThatAreForgedExpiredOrRoleless() {
        String body = "{\"instrument\":\"un-gge-2015\",\"action\":\"SIGNED\",\"date\":\"2020-01-01\"}";

        Response forged = new Api(port, jwt(STRANGER.getPrivate(), "eve", List.of("ADMIN"), null, 300))
                .post("/api/states/ITA/participation", body);
        Response expired = new Api(port, jwt(ISSUER.getPrivate(), "old", List.of("ADMIN"), null, -600))
                .post("/api/states/ITA/participation", body);
        Response roleless = new Api(port, jwt(ISSUER.getPrivate(), "nobody", List.of("KING"), null, 300))
                .post("/api/states/ITA/participation", body);

        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(roleless.status()).isEqualTo(403);
    }

    @Test
    void ignoresStaticTokensWhenJwtIsOn() {
        assertThat(new Api(port, "some-static-token").post("/api/states/ITA/participation", "{}").status())
                .isEqualTo(401);
    }

    private static String jwt(PrivateKey key, String subject, List<String> roles, String state, long lifetimeSeconds) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer("https://issuer.test")
                .issueTime(Date.from(Instant.now().minusSeconds(Math.max(0, -lifetimeSeconds) + 60)))
                .expirationTime(Date.from(Instant.now().plusSeconds(lifetimeSeconds)))
                .claim("roles", roles);
        if (state != null) {
            claims.claim("state", state);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
