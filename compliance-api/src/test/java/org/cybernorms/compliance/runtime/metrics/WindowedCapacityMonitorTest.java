package org.cybernorms.compliance.runtime.metrics;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WindowedCapacityMonitorTest {

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final WindowedCapacityMonitor monitor = new WindowedCapacityMonitor("eventProcessor", registry,
            Duration.ofMinutes(1), clock, message -> Tags.of("processorName", "scorecards"));

    @Test
    void capacityIsTheShareOfTheWindowSpentHandling() {
        handle(Duration.ofSeconds(3));
        handle(Duration.ofSeconds(3));

        assertThat(gauge()).isCloseTo(6.0 / 60, within(1e-9));
    }

    @Test
    void handlingOlderThanTheWindowNoLongerCounts() {
        handle(Duration.ofSeconds(6));
        clock.add(30, TimeUnit.SECONDS);
        handle(Duration.ofSeconds(3));
        assertThat(gauge()).isCloseTo(9.0 / 60, within(1e-9));

        clock.add(25, TimeUnit.SECONDS); // the first handling ended 58 s ago: within the window
        assertThat(gauge()).isCloseTo(9.0 / 60, within(1e-9));

        clock.add(6, TimeUnit.SECONDS); // 64 s ago: out
        assertThat(gauge()).isCloseTo(3.0 / 60, within(1e-9));

        clock.add(1, TimeUnit.MINUTES);
        assertThat(gauge()).isZero();
    }

    @Test
    void failedAndIgnoredMessagesCountAsBusyTimeAsInAxon() {
        MonitorCallback failed = monitor.onMessageIngested(message());
        clock.add(2, TimeUnit.SECONDS);
        failed.reportFailure(new IllegalStateException("refused"));
        MonitorCallback ignored = monitor.onMessageIngested(message());
        clock.add(1, TimeUnit.SECONDS);
        ignored.reportIgnored();

        assertThat(gauge()).isCloseTo(3.0 / 60, within(1e-9));
    }

    @Test
    void memoryStaysBoundedWhateverTheNumberOfMessages() {
        for (int i = 0; i < 200_000; i++) {
            MonitorCallback callback = monitor.onMessageIngested(message());
            clock.add(1, TimeUnit.MILLISECONDS);
            callback.reportSuccess();
        }

        assertThat(monitor.retainedMeasurements()).isLessThanOrEqualTo(WindowedCapacityMonitor.SLOTS);
        // the last minute was all busy: one thread's full capacity, to within a slot
        assertThat(gauge()).isCloseTo(1.0, within(1.0 / WindowedCapacityMonitor.SLOTS));
    }

    @Test
    void oneGaugePerSetOfTagsUnderAxonsName() {
        WindowedCapacityMonitor perPayload = new WindowedCapacityMonitor("eventProcessor", registry,
                Duration.ofMinutes(1), clock, message -> Tags.of("payloadType",
                message.getPayloadType().getSimpleName(), "processorName", "scorecards"));
        perPayload.onMessageIngested(new GenericEventMessage<>("text")).reportSuccess();
        perPayload.onMessageIngested(new GenericEventMessage<>(42)).reportSuccess();
        perPayload.onMessageIngested(new GenericEventMessage<>("again")).reportSuccess();

        assertThat(registry.find("eventProcessor.capacity").tag("processorName", "scorecards").gauges())
                .extracting(gauge -> gauge.getId().getTag("payloadType"))
                .containsExactlyInAnyOrder("String", "Integer");
    }

    private void handle(Duration duration) {
        MonitorCallback callback = monitor.onMessageIngested(message());
        clock.add(duration);
        callback.reportSuccess();
    }

    private static Message<?> message() {
        return new GenericEventMessage<>("an event");
    }

    private double gauge() {
        return registry.get("eventProcessor.capacity").tag("processorName", "scorecards").gauge().value();
    }
}
