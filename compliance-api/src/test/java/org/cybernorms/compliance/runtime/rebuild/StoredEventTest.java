package org.cybernorms.compliance.runtime.rebuild;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Tag("store-independent")
class StoredEventTest {

    @Test
    void readsEveryTimeAxonWritesAsAxonReadsIt() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 8_000_000_000L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            String stored = DateTimeUtils.formatInstant(instant);

            assertThat(StoredEvent.instant(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021-03-05T10:00:00Z", "2021-03-05T10:00:00.1Z", "2021-03-05T10:00:00.123Z",
            "2021-03-05T10:00:00.123456Z", "2021-03-05T10:00:00.123456789Z", "2020-02-29T23:59:59.999Z",
            "1969-12-31T23:59:59.5Z", "2021-03-05T10:00:00+01:00", "2021-03-05T10:00:00.250-05:30",
            "+12021-03-05T10:00:00Z"})
    void readsOtherFormsAsInstantParseDoes(String stored) {
        assertThat(StoredEvent.instant(stored)).isEqualTo(Instant.parse(stored));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021-02-30T10:00:00Z",
            "2021-03-05T10:00:00.1234567890Z", "2021-3-05T10:00:00Z", "not a time"})
    void refusesWhatIsNotATime(String stored) {
        assertThatThrownBy(() -> StoredEvent.instantOrFail(stored)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void handsAxonThePayloadWithItsTypeAndRevision() {
        byte[] payload = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        StoredEvent event = new StoredEvent("Report", "r-1", 3, "e-1", Instant.EPOCH, "com.example.Reported", "2",
                payload, "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(event.getPayload().getData()).isSameAs(payload);
        assertThat(event.getPayload().getType().getName()).isEqualTo("com.example.Reported");
        assertThat(event.getPayload().getType().getRevision()).isEqualTo("2");
        assertThat(event.getMetaData().getData()).asString(StandardCharsets.UTF_8).isEqualTo("{}");
        assertThat(event.getTimestamp()).isEqualTo(Instant.EPOCH);
        assertThat(event.getSequenceNumber()).isEqualTo(3);
    }
}
