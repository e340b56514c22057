package org.cybernorms.compliance.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.Serializer;
import org.cybernorms.compliance.security.ActorMetadata;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns an event of the log into one CloudEvents 1.0 event in structured JSON mode. The payload ({@code data}) and
 * the metadata are written exactly as the tracker's event serializer writes them, so an import stores them back
 * unchanged.
 */
@Component
public class CloudEventLines {

    public static final String NDJSON = "application/x-ndjson";
    public static final String SPEC_VERSION = "1.0";
    /** The {@code source} of every event of the tracker. The same in every installation, so exports compare. */
    public static final String SOURCE = "urn:cybernorms:norms-compliance-tracker";
    /** Digits of a {@code sequence}: zero-padded so that sequences order as strings as they do as numbers. */
    public static final int SEQUENCE_DIGITS = 19;

    private final Serializer serializer;
    private final ObjectMapper json = new ObjectMapper();

    public CloudEventLines(@Qualifier("eventSerializer") Serializer serializer) {
        this.serializer = serializer;
    }

    /** The {@code sequence} attribute of a position: its decimal digits, zero-padded to 19. */
    public static String sequence(long position) {
        return String.format("%0" + SEQUENCE_DIGITS + "d", position);
    }

    /** The CloudEvent of one event of the log. */
    public ObjectNode line(LogEvent event) {
        EventTypes.Known known = EventTypes.of(event.payload().getClass()).orElseThrow(() ->
                new IllegalStateException("event " + event.eventId() + " has a payload of unknown type "
                        + event.payload().getClass().getName()));
        Coordinates where = Coordinates.of(event.payload());
        ObjectNode line = json.createObjectNode();
        line.put("specversion", SPEC_VERSION);
        line.put("id", event.eventId());
        line.put("source", SOURCE);
        line.put("type", known.fullName());
        line.put("subject", event.aggregateId());
        line.put("time", event.recordedAt().toString());
        line.put("datacontenttype", "application/json");
        line.put("sequence", sequence(event.position()));
        if (where.validOn() != null) {
            line.put("validon", where.validOn().toString());
        }
        putIfPresent(line, "actor", event.metaData().get(ActorMetadata.ACTOR));
        putIfPresent(line, "actorrole", event.metaData().get(ActorMetadata.ACTOR_ROLE));
        putIfPresent(line, "instrument", where.instrument());
        putIfPresent(line, "state", where.state());
        putIfPresent(line, "norm", where.norm());
        putIfPresent(line, "aggregatetype", event.aggregateType());
        line.put("aggregatesequence", event.aggregateSequence());
        line.put("metadata", HashChain.compactSorted(tree(serializer.serialize(event.metaData(), byte[].class)
                .getData())));
        line.set("data", tree(serializer.serialize(event.payload(), byte[].class).getData()));
        return line;
    }

    private static void putIfPresent(ObjectNode line, String name, Object value) {
        if (value != null) {
            line.put(name, value.toString());
        }
    }

    private ObjectNode tree(byte[] serialized) {
        try {
            JsonNode node = json.readTree(serialized);
            if (!(node instanceof ObjectNode object)) {
                throw new IllegalStateException("the event serializer wrote something other than a JSON object");
            }
            return object;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
