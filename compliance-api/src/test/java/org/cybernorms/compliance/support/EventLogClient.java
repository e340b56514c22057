package org.cybernorms.compliance.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads NDJSON answers of the event log, and parses every line with the CloudEvents SDK as well. */
public final class EventLogClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventFormat CLOUD_EVENTS = EventFormatProvider.getInstance()
            .resolveFormat(JsonFormat.CONTENT_TYPE);

    private EventLogClient() {
    }

    /** The lines of an NDJSON text, as JSON, each also parsed (and so checked) by the CloudEvents SDK. */
    public static List<JsonNode> lines(String ndjson) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            cloudEvent(line);
            try {
                lines.add(JSON.readTree(line));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }

    /** One line read by the CloudEvents SDK's JSON format. */
    public static CloudEvent cloudEvent(String line) {
        assertThat(CLOUD_EVENTS).as("the CloudEvents JSON format is on the class path").isNotNull();
        return CLOUD_EVENTS.deserialize(line.getBytes(StandardCharsets.UTF_8));
    }

    /** GET a page of the log, retrying until {@code done} holds for its lines (a page may end early, see docs). */
    public static List<JsonNode> await(Api api, String path, Predicate<List<JsonNode>> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            Api.Response response = api.get(path);
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            List<JsonNode> lines = lines(response.text());
            if (done.test(lines) || System.nanoTime() > deadline) {
                return lines;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** POST an NDJSON body. */
    public static Api.Response postNdjson(Api api, String path, String body) {
        return api.post(path, body, "application/x-ndjson");
    }
}
