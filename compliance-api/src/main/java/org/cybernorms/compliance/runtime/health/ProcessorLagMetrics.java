package org.cybernorms.compliance.runtime.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gauges of how far each event processor is behind the head of the log, in events, over the segments this node holds
 * ({@code compliance.processor.lag}, tag {@code processor}), and how many segments it holds
 * ({@code compliance.processor.segments.claimed}). Axon's own {@code eventProcessor.latency} gives the lag in time.
 * Measured on a schedule, not while Prometheus scrapes, so a slow store never slows a scrape.
 */
@Component
public class ProcessorLagMetrics {

    private static final Logger log = LoggerFactory.getLogger(ProcessorLagMetrics.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> lag = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> claimed = new ConcurrentHashMap<>();

    public ProcessorLagMetrics(EventProcessingConfiguration processing, EventStore eventStore,
                               MeterRegistry registry) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.registry = registry;
    }

    @Scheduled(initialDelayString = "${compliance.metrics.lag-interval:5s}",
            fixedDelayString = "${compliance.metrics.lag-interval:5s}")
    public void measure() {
        long head;
        try {
            TrackingToken token = eventStore.createHeadToken();
            head = token == null ? -1 : token.position().orElse(-1);
        } catch (RuntimeException e) {
            log.debug("Could not read the head of the log for the lag gauges", e);
            return;
        }
        for (var entry : processing.eventProcessors().entrySet()) {
            if (!(entry.getValue() instanceof StreamingEventProcessor processor)) {
                continue;
            }
            long behind = 0;
            int segments = 0;
            for (EventTrackerStatus status : processor.processingStatus().values()) {
                segments++;
                long position = status.getCurrentPosition().orElse(-1);
                behind = Math.max(behind, Math.max(0, head - position));
            }
            gauge(lag, "compliance.processor.lag", "Events between the head of the log and the slowest segment "
                    + "this node holds", entry.getKey()).set(behind);
            gauge(claimed, "compliance.processor.segments.claimed", "Segments this node holds",
                    entry.getKey()).set(segments);
        }
    }

    private AtomicLong gauge(Map<String, AtomicLong> values, String name, String description, String processor) {
        return values.computeIfAbsent(processor, p -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get).description(description).tag("processor", p)
                    .register(registry);
            return value;
        });
    }
}
