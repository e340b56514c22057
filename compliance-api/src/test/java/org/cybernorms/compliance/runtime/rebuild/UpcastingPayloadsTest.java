package org.cybernorms.compliance.runtime.rebuild;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.cybernorms.compliance.violation.api.EvidenceKind;
import org.cybernorms.compliance.violation.api.EvidenceLink;
import org.cybernorms.compliance.violation.api.Severity;
import org.cybernorms.compliance.violation.api.ViolationEvents.ViolationReported;
import org.cybernorms.compliance.violation.api.ViolationId;
import org.cybernorms.compliance.violation.upcasting.ViolationReportedUpcaster;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("store-independent")
class UpcastingPayloadsTest {

    private static final String REPORTED = ViolationReported.class.getName();
    private static final String VIOLATION = "3f8163f8-f01b-40c8-ab42-44fd82d8c1ed";

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules()).build();
    private final UpcastingPayloads payloads = new UpcastingPayloads(serializer,
            new EventUpcasterChain(new ViolationReportedUpcaster()));

    private record Read(Object payload, String eventId, Instant recordedAt, long position) {
    }

    @Test
    void readsAnEventNoUpcasterTouchesStraightFromItsBytesAsTheSerializerWould() {
        ViolationReported current = new ViolationReported(new ViolationId(VIOLATION), StateCode.of("ARG"),
                InstrumentId.of("un-gge-2015"), NormCode.of("13f"), LocalDate.parse("2021-03-01"),
                LocalDate.parse("2021-03-05"), Severity.HIGH, "Water utility outage",
                List.of(EvidenceLink.of("https://example.org/r.pdf")), null);
        SerializedObject<byte[]> bytes = serializer.serialize(current, byte[].class);
        assertThat(bytes.getType().getRevision()).isEqualTo("2");

        List<Read> read = read(stored(7, "e-7", bytes.getType().getName(), "2", bytes.getData()));

        assertThat(read).singleElement().satisfies(event -> {
            assertThat(event.payload()).isEqualTo(current)
                    .isEqualTo(serializer.deserialize(new SimpleSerializedObject<>(bytes.getData(), byte[].class,
                            bytes.getType())));
            assertThat(event.eventId()).isEqualTo("e-7");
            assertThat(event.position()).isEqualTo(7);
            assertThat(event.recordedAt()).isEqualTo(Instant.parse("2021-03-05T10:00:00Z"));
        });
        assertThat(payloads.direct()).isEqualTo(1);
        assertThat(payloads.throughSerializer()).isZero();
    }

    @Test
    void sendsAnOldRevisionThroughTheUpcastersBeforeReadingIt() {
        String revision1 = """
                {"violationId":"%s","state":"ARG","instrument":"un-gge-2015","norm":"13f","occurredOn":"2021-03-01",
                 "reportedOn":"2021-03-05","severity":"HIGH","summary":"Water utility outage",
                 "evidence":["https://example.org/reports/incident-2021.pdf",
                             "https://web.archive.org/web/20210306000000/https://example.org/news/water"],
                 "reportingBody":null}""".formatted(VIOLATION);

        List<Read> read = read(stored(3, "e-3", REPORTED, "1", revision1.getBytes(StandardCharsets.UTF_8)));

        ViolationReported upcast = (ViolationReported) read.get(0).payload();
        assertThat(upcast.evidence()).extracting(EvidenceLink::kind)
                .containsExactly(EvidenceKind.DOCUMENT, EvidenceKind.ARCHIVE);
        assertThat(upcast.state()).isEqualTo(StateCode.of("ARG"));
        assertThat(payloads.throughSerializer()).as("not read straight from the revision 1 bytes").isEqualTo(1);
        assertThat(payloads.direct()).isZero();
    }

    @Test
    void leavesATypeTheApplicationDoesNotKnowToTheSerializer() {
        List<Read> read = read(stored(1, "e-1", "org.example.Retired", "1",
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8)));

        assertThat(read.get(0).payload()).isInstanceOf(UnknownSerializedType.class);
        assertThat(payloads.throughSerializer()).isEqualTo(1);
    }

    @Test
    void keepsTheOrderOfTheLogAcrossBothWays() {
        String revision1 = "{\"violationId\":\"" + VIOLATION + "\",\"state\":\"ARG\",\"instrument\":\"un-gge-2015\","
                + "\"norm\":\"13f\",\"occurredOn\":\"2021-03-01\",\"reportedOn\":\"2021-03-05\",\"severity\":\"LOW\"}";
        SerializedObject<byte[]> current = serializer.serialize(new ViolationReported(new ViolationId(VIOLATION),
                StateCode.of("BRA"), InstrumentId.of("un-gge-2015"), NormCode.of("13a"), LocalDate.parse("2021-03-01"),
                LocalDate.parse("2021-03-05"), Severity.LOW, "x", List.of(), null), byte[].class);

        List<Read> read = read(stored(1, "a", REPORTED, "2", current.getData()),
                stored(2, "b", REPORTED, "1", revision1.getBytes(StandardCharsets.UTF_8)),
                stored(4, "c", REPORTED, "2", current.getData()));

        assertThat(read).extracting(Read::eventId).containsExactly("a", "b", "c");
        assertThat(read).extracting(Read::position).containsExactly(1L, 2L, 4L);
        assertThat(((ViolationReported) read.get(1).payload()).evidence()).as("a missing list upcast").isEmpty();
        assertThat(payloads.direct()).isEqualTo(2);
        assertThat(payloads.throughSerializer()).isEqualTo(1);
    }

    private List<Read> read(TrackedEventData<?>... page) {
        List<Read> read = new ArrayList<>();
        payloads.read(List.of(page), (payload, id, at, position) -> read.add(new Read(payload, id, at, position)));
        return read;
    }

    private static TrackedEventData<byte[]> stored(long position, String id, String type, String revision,
                                                   byte[] payload) {
        return new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(position),
                new GenericDomainEventEntry<>("ViolationReport", VIOLATION, 0, id, "2021-03-05T10:00:00Z", type,
                        revision, payload, "{}".getBytes(StandardCharsets.UTF_8)));
    }
}
