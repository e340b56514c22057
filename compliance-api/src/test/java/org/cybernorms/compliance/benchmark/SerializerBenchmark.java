package org.cybernorms.compliance.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.cybernorms.compliance.violation.api.ViolationEvents.ViolationReported;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * JMH: reading one stored event payload (a {@code ViolationReported} with evidence links, as the store keeps it:
 * JSON bytes) through Axon's {@link JacksonSerializer} (type and revision resolution, converters) and through a
 * plain Jackson {@link ObjectMapper} of the same configuration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SerializerBenchmark {

    private JacksonSerializer serializer;
    private ObjectMapper plain;
    private SerializedObject<byte[]> serialized;
    private byte[] json;

    @Setup
    public void setUp() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        plain = mapper.copy();
        serializer = JacksonSerializer.builder().objectMapper(mapper).build();
        Object payload = LogGenerator.of(2_000).stream()
                .map(GeneratedEvent::payload)
                .filter(p -> p instanceof ViolationReported reported && reported.evidence().size() >= 2)
                .findFirst().orElseThrow();
        serialized = serializer.serialize(payload, byte[].class);
        json = serialized.getData();
    }

    @Benchmark
    public Object axonJacksonSerializer() {
        return serializer.deserialize(serialized);
    }

    @Benchmark
    public Object plainObjectMapper() throws IOException {
        return plain.readValue(json, ViolationReported.class);
    }
}
