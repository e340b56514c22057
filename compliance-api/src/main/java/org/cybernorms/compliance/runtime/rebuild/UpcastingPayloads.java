package org.cybernorms.compliance.runtime.rebuild;

import com.fasterxml.jackson.databind.ObjectReader;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Turns stored events into the payloads the live processors are handed, through the same upcaster chain and
 * serializer, without wrapping each one in Axon's messages (lazy payload and metadata holders, message objects): the
 * bulk rebuild needs only the payload, the identifier, the time and the position.
 *
 * <p>Every page goes through the upcaster chain as Axon's own readers send it ({@link InitialEventRepresentation}s
 * in, representations out). An event that no upcaster touched comes out as the very representation that went in,
 * its data still the stored bytes; its payload is read straight from them with the serializer's own {@code
 * ObjectMapper} and a reader per payload class, kept here (Axon's {@code JacksonSerializer} resolves the class by
 * name and makes a reader for every event). This is what the serializer itself does with such bytes: the same mapper,
 * the same class, the same JSON. Anything else — an event an upcaster rewrote (an old revision), a type the
 * application does not know, a serializer other than Jackson — is deserialized by the serializer as Axon would.
 * Which path an event took depends on the upcasters' answer for that event, not on a list kept here: a new upcaster
 * needs nothing done to be honoured.
 *
 * <p>Safe for several threads at once (the bulk rebuild's two reading threads share one): the upcasters, the
 * serializer and Jackson's readers are, and so are the readers kept here and the counts.
 */
final class UpcastingPayloads {

    /** Receives each event's payload and what the projections need of it, in the order of the log. */
    @FunctionalInterface
    interface Sink {
        void accept(Object payload, String eventId, Instant recordedAt, long position);
    }

    private final Serializer serializer;
    private final EventUpcaster upcasters;
    private final JacksonSerializer jackson;
    private final Map<String, Optional<ObjectReader>> readers = new ConcurrentHashMap<>();
    private final LongAdder direct = new LongAdder();
    private final LongAdder throughSerializer = new LongAdder();

    UpcastingPayloads(Serializer serializer, EventUpcaster upcasters) {
        this.serializer = serializer;
        this.upcasters = upcasters;
        this.jackson = serializer instanceof JacksonSerializer json ? json : null;
    }

    /** Passes every event of the page (after upcasting: none, one or several per stored event) to the sink. */
    void read(List<? extends TrackedEventData<?>> page, Sink sink) {
        List<IntermediateEventRepresentation> upcast = upcasters
                .upcast(page.stream().map(stored -> new InitialEventRepresentation(stored, serializer)))
                .toList();
        for (IntermediateEventRepresentation event : upcast) {
            long position = event.getTrackingToken().orElseThrow().position().orElseThrow();
            sink.accept(payload(event), event.getMessageIdentifier(), event.getTimestamp(), position);
        }
    }

    /** Events whose payload was read straight from the stored bytes. */
    long direct() {
        return direct.sum();
    }

    /** Events deserialized by the serializer (rewritten by an upcaster, or not readable directly). */
    long throughSerializer() {
        return throughSerializer.sum();
    }

    private Object payload(IntermediateEventRepresentation event) {
        if (event instanceof InitialEventRepresentation stored && stored.getContentType() == byte[].class) {
            ObjectReader reader = reader(stored.getType());
            if (reader != null) {
                try {
                    Object payload = reader.readValue((byte[]) stored.getData().getData());
                    direct.increment();
                    return payload;
                } catch (IOException e) {
                    throw new org.axonframework.serialization.SerializationException(
                            "Error while deserializing object", e);
                }
            }
        }
        throughSerializer.increment();
        SerializedObject<?> data = event.getData();
        return serializer.deserialize(data);
    }

    /** The reader of this type's payload class; null where the serializer must decide (no class, not Jackson). */
    private ObjectReader reader(SerializedType type) {
        if (jackson == null || SerializedType.emptyType().equals(type)) {
            return null;
        }
        return readers.computeIfAbsent(type.getName(), name -> {
            Class<?> payloadClass = jackson.classForType(type);
            return UnknownSerializedType.class.isAssignableFrom(payloadClass) ? Optional.empty()
                    : Optional.of(jackson.getObjectMapper().readerFor(payloadClass));
        }).orElse(null);
    }
}
