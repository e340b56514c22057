package org.cybernorms.compliance.runtime.health;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Health contributor {@code eventProcessors} (in the readiness group): every streaming event processor of this node
 * runs and none of its segments is in error. A processor that holds no segment (another node holds them all) is
 * healthy. Details give, per processor, the segments this node holds and their positions.
 */
@Component("eventProcessorsHealthIndicator")
public class EventProcessorsHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;

    public EventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public Health health() {
        Status overall = Status.UP;
        Map<String, Object> details = new TreeMap<>();
        for (var entry : processing.eventProcessors().entrySet()) {
            if (!(entry.getValue() instanceof StreamingEventProcessor processor)) {
                continue;
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            boolean running = processor.isRunning();
            boolean error = processor.isError();
            Map<Integer, Object> segments = new TreeMap<>();
            for (EventTrackerStatus status : processor.processingStatus().values()) {
                error |= status.isErrorState();
                Map<String, Object> segment = new LinkedHashMap<>();
                status.getCurrentPosition().ifPresent(p -> segment.put("position", p));
                segment.put("caughtUp", status.isCaughtUp());
                segment.put("replaying", status.isReplaying());
                if (status.isErrorState()) {
                    segment.put("error", status.getError() == null ? "unknown"
                            : status.getError().getClass().getSimpleName());
                }
                segments.put(status.getSegment().getSegmentId(), segment);
            }
            detail.put("running", running);
            detail.put("error", error);
            detail.put("claimedSegments", segments);
            details.put(entry.getKey(), detail);
            if (!running || error) {
                overall = Status.DOWN;
            }
        }
        return Health.status(overall).withDetails(details).build();
    }
}
