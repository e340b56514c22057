package org.cybernorms.compliance.http;

import org.cybernorms.compliance.support.Api.Response;
import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of malformed and hostile requests: every one gets a 4xx problem, none a 5xx, and none stores an event.
 * Text with markup, which is valid input, is checked apart: it is stored verbatim.
 */
class HostileInputCorpusTest extends EmbeddedStoreTest {

    private record Hostile(String name, String method, String path, String contentType, byte[] body) {
        /**
         * Encoded slashes and NUL in a path are refused by the HTTP server itself (Tomcat), before the application
         * sees the request: a plain 400, which is the safest answer and cannot be a problem document.
         */
        boolean refusedByTheServer() {
            return path.contains("%2F") || path.contains("%00");
        }
    }

    private static final String VALID = "{\"state\":\"FRA\",\"instrument\":\"un-gge-2015\",\"norm\":\"13g\","
            + "\"description\":\"d\",\"madeOn\":\"2023-01-01\",\"dueOn\":\"2024-01-01\"}";

    private static List<Hostile> corpus(String commitmentId) {
        List<Hostile> corpus = new ArrayList<>();
        String[] writePaths = {"/api/commitments", "/api/violations", "/api/states/FRA/pledges",
                "/api/states/FRA/participation", "/api/states/FRA/reservations", "/api/instruments",
                "/api/commitments/" + commitmentId + "/progress", "/api/commitments/" + commitmentId + "/fulfilment",
                "/api/assistance/requests", "/api/assistance/organisations"};
        String[] malformed = {"", " ", "{", "}", "[]", "null", "true", "42", "\"text\"", "{\"a\":}", "{'a':1}",
                "{\"state\":\"FRA\",}", VALID + "garbage", VALID + VALID, "{\"state\":\"FRA\",\"state\":\"DEU\"}",
                "[" + VALID + "]", "{\"description\":{\"nested\":true}}", "{\"madeOn\":20230101}",
                "{\"evidence\":\"https://not-an-array.example\"}", "\u0000"};
        for (String path : writePaths) {
            for (String body : malformed) {
                corpus.add(json("malformed " + body.length() + " at " + path, path, body));
            }
        }
        String deep = "{\"a\":".repeat(200) + "1" + "}".repeat(200);
        corpus.add(json("deeply nested object", "/api/commitments", deep));
        corpus.add(json("deeply nested array", "/api/violations", "[".repeat(5000) + "]".repeat(5000)));
        corpus.add(json("huge number", "/api/commitments", VALID.replace("\"d\"", "1" + "0".repeat(5000))));
        corpus.add(json("huge body", "/api/commitments", "{\"description\":\"" + "x".repeat(600_000) + "\"}"));
        corpus.add(json("very long text", "/api/commitments", VALID.replace("\"d\"", "\"" + "y".repeat(20_001) + "\"")));
        corpus.add(json("very long state", "/api/commitments", VALID.replace("\"FRA\"", "\"" + "F".repeat(10_000) + "\"")));
        corpus.add(json("NUL in text", "/api/commitments", VALID.replace("\"d\"", "\"a\\u0000b\"")));
        corpus.add(json("escape in text", "/api/commitments", VALID.replace("\"d\"", "\"a\\u001bb\"")));
        corpus.add(json("C1 control in text", "/api/commitments", VALID.replace("\"d\"", "\"a\\u0085b\"")));
        corpus.add(json("DEL in text", "/api/commitments", VALID.replace("\"d\"", "\"a\\u007fb\"")));
        corpus.add(json("number for string", "/api/commitments", VALID.replace("\"13g\"", "13")));
        corpus.add(json("boolean for string", "/api/commitments", VALID.replace("\"FRA\"", "true")));
        corpus.add(json("float for string", "/api/commitments", VALID.replace("\"d\"", "1.5")));
        corpus.add(json("array for string", "/api/commitments", VALID.replace("\"d\"", "[\"d\"]")));
        corpus.add(json("object for date", "/api/commitments", VALID.replace("\"2023-01-01\"", "{}")));
        corpus.add(json("number for date", "/api/commitments", VALID.replace("\"2023-01-01\"", "1672531200")));
        corpus.add(json("impossible date", "/api/commitments", VALID.replace("2023-01-01", "2023-02-30")));
        corpus.add(json("far future date", "/api/commitments", VALID.replace("2023-01-01", "+99999-01-01")));
        corpus.add(json("date with time", "/api/commitments", VALID.replace("2023-01-01", "2023-01-01T00:00:00Z")));
        corpus.add(json("ordinal enum", "/api/states/FRA/participation",
                "{\"instrument\":\"un-gge-2015\",\"action\":0,\"date\":\"2020-01-01\"}"));
        corpus.add(json("lower-case enum", "/api/states/FRA/participation",
                "{\"instrument\":\"un-gge-2015\",\"action\":\"signed\",\"date\":\"2020-01-01\"}"));
        corpus.add(json("empty enum", "/api/violations", "{\"state\":\"FRA\",\"instrument\":\"un-gge-2015\","
                + "\"norm\":\"13f\",\"occurredOn\":\"2022-01-01\",\"severity\":\"\",\"summary\":\"s\"}"));
        corpus.add(json("script as evidence", "/api/violations", "{\"state\":\"FRA\",\"instrument\":\"un-gge-2015\","
                + "\"norm\":\"13f\",\"occurredOn\":\"2022-01-01\",\"severity\":\"LOW\",\"summary\":\"s\","
                + "\"evidence\":[\"javascript:alert(1)\"]}"));
        corpus.add(json("too many evidence links", "/api/violations", "{\"state\":\"FRA\",\"instrument\":"
                + "\"un-gge-2015\",\"norm\":\"13f\",\"occurredOn\":\"2022-01-01\",\"severity\":\"LOW\",\"summary\":\"s\","
                + "\"evidence\":[" + "\"https://e.example/x\",".repeat(100) + "\"https://e.example/y\"]}"));
        corpus.add(json("prototype pollution key", "/api/commitments", "{\"__proto__\":{\"admin\":true}}"));
        corpus.add(json("unknown field", "/api/commitments", VALID.replace("}", ",\"isAdmin\":true}")));
        corpus.add(raw("invalid UTF-8", "POST", "/api/commitments", "application/json",
                new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}));
        corpus.add(raw("form body", "POST", "/api/commitments", "application/x-www-form-urlencoded",
                "state=FRA".getBytes(StandardCharsets.UTF_8)));
        corpus.add(raw("xml body", "POST", "/api/commitments", "application/xml",
                "<commitment/>".getBytes(StandardCharsets.UTF_8)));
        corpus.add(raw("text body", "POST", "/api/violations", "text/plain", VALID.getBytes(StandardCharsets.UTF_8)));
        corpus.add(raw("no content type", "POST", "/api/commitments", null, VALID.getBytes(StandardCharsets.UTF_8)));
        String[] oddIds = {"..%2F..%2Fetc%2Fpasswd", "%00", "x".repeat(2000), "%E2%80%AE", "null", "-1",
                "00000000-0000-0000-0000-00000000000g", UUID.randomUUID().toString().toUpperCase() + "x",
                "%3Cscript%3E", "%27%20OR%20%271%27%3D%271"};
        for (String id : oddIds) {
            corpus.add(json("odd commitment id " + id.length(), "/api/commitments/" + id + "/fulfilment",
                    "{\"fulfilledOn\":\"2024-01-01\",\"evidence\":\"e\"}"));
            corpus.add(raw("odd violation id " + id.length(), "GET", "/api/violations/" + id, null, null));
        }
        corpus.add(raw("odd state in path", "POST", "/api/states/%3Cb%3E/pledges", "application/json",
                "{}".getBytes(StandardCharsets.UTF_8)));
        corpus.add(raw("odd instrument in path", "GET", "/api/instruments/..%2F..", null, null));
        corpus.add(raw("unsupported method", "DELETE", "/api/commitments/" + commitmentId, null, null));
        return corpus;
    }

    private static Hostile json(String name, String path, String body) {
        return raw(name, "POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static Hostile raw(String name, String method, String path, String contentType, byte[] body) {
        return new Hostile(name, method, path, contentType, body);
    }

    @Test
    void answersEveryHostileRequestWithA4xxProblemAndStoresNothing() {
        String commitmentId = api.create("/api/commitments", VALID, "commitmentId");
        List<Hostile> corpus = corpus(commitmentId);
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(100);
        long before = storedEvents();

        List<String> failures = new ArrayList<>();
        for (Hostile hostile : corpus) {
            Response response = send(hostile);
            if (response.status() < 400 || response.status() >= 500) {
                failures.add(hostile.name() + " -> " + response.status() + " " + response.text());
            } else if (!response.contentType().startsWith("application/problem+json")
                    && !(hostile.refusedByTheServer() && response.status() == 400)) {
                failures.add(hostile.name() + " -> " + response.status() + " without a problem body");
            }
        }

        assertThat(failures).isEmpty();
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void storesMarkupInTextVerbatim() {
        String script = "<script>alert('x')</script> & <b>bold</b>";
        String id = api.create("/api/commitments",
                VALID.replace("\"d\"", "\"" + script.replace("'", "\\'").replace("\\'", "'") + "\""), "commitmentId");

        assertThat(api.get("/api/commitments/" + id).json().get("description").asText()).isEqualTo(script);
    }

    @Test
    void answersAnOversizedBodyWith413() {
        Response response = api.post("/api/commitments", "{\"description\":\"" + "x".repeat(600_000) + "\"}");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/payload-too-large");
    }

    private Response send(Hostile hostile) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + hostile.path()));
        HttpRequest.BodyPublisher body = hostile.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(hostile.body());
        builder.method(hostile.method(), body);
        if (hostile.contentType() != null) {
            builder.header("Content-Type", hostile.contentType());
        }
        return api.send(builder.build());
    }
}
