package org.cybernorms.compliance.benchmark;

import org.cybernorms.compliance.shared.StateCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a generated log holds, counted while it streams: events by type, aggregates by type, the final outcome of every
 * aggregate's lifecycle, the spread of dates, events per state, and a few sample aggregates of each outcome (for
 * follow-up commands). Complete once the generator is exhausted.
 */
public final class LogSummary {

    /** The most samples kept of each outcome. */
    static final int SAMPLES_PER_OUTCOME = 5;

    /** An aggregate of the log, with where its lifecycle ended. */
    public record Sample(String aggregateType, String aggregateId, StateCode state, long lastSequence,
                         LocalDate lastValidOn) {
    }

    private final Map<String, Long> eventsByType = new TreeMap<>();
    private final Map<String, Long> aggregatesByType = new TreeMap<>();
    private final Map<String, Long> outcomes = new TreeMap<>();
    private final Map<String, List<Sample>> samples = new TreeMap<>();
    private final Map<StateCode, Long> eventsByState = new TreeMap<>();
    private long events;
    private LocalDate firstValidOn;
    private LocalDate lastValidOn;
    private Instant firstRecordedAt;
    private Instant lastRecordedAt;

    void event(GeneratedEvent event) {
        events++;
        eventsByType.merge(event.type(), 1L, Long::sum);
        eventsByState.merge(event.state(), 1L, Long::sum);
        if (event.sequence() == 0) {
            aggregatesByType.merge(event.aggregateType(), 1L, Long::sum);
        }
        if (firstValidOn == null || event.validOn().isBefore(firstValidOn)) {
            firstValidOn = event.validOn();
        }
        if (lastValidOn == null || event.validOn().isAfter(lastValidOn)) {
            lastValidOn = event.validOn();
        }
        if (firstRecordedAt == null) {
            firstRecordedAt = event.recordedAt();
        }
        lastRecordedAt = event.recordedAt();
    }

    void outcome(String outcome, Sample sample) {
        outcomes.merge(outcome, 1L, Long::sum);
        List<Sample> kept = samples.computeIfAbsent(outcome, o -> new ArrayList<>());
        if (kept.size() < SAMPLES_PER_OUTCOME) {
            kept.add(sample);
        }
    }

    public long events() {
        return events;
    }

    /** Events by payload type, such as {@code ViolationConfirmed}. */
    public Map<String, Long> eventsByType() {
        return Collections.unmodifiableMap(eventsByType);
    }

    /** Aggregates by type, such as {@code Commitment}. */
    public Map<String, Long> aggregatesByType() {
        return Collections.unmodifiableMap(aggregatesByType);
    }

    /**
     * How many aggregates ended where, keyed {@code <kind>:<outcome>}: {@code commitment:FULFILLED_ON_TIME},
     * {@code violation:REMEDIED}, {@code participation:PARTY}, {@code pledge:WITHDRAWN}...
     */
    public Map<String, Long> outcomes() {
        return Collections.unmodifiableMap(outcomes);
    }

    /** Up to {@value #SAMPLES_PER_OUTCOME} aggregates that ended with this outcome. */
    public List<Sample> samples(String outcome) {
        return samples.getOrDefault(outcome, List.of());
    }

    public Map<StateCode, Long> eventsByState() {
        return Collections.unmodifiableMap(eventsByState);
    }

    public LocalDate firstValidOn() {
        return firstValidOn;
    }

    public LocalDate lastValidOn() {
        return lastValidOn;
    }

    public Instant firstRecordedAt() {
        return firstRecordedAt;
    }

    public Instant lastRecordedAt() {
        return lastRecordedAt;
    }

    /** One line per count, for the results file. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%,d events, valid %s to %s, recorded %s to %s, %d states (%,d to %,d events each)%n",
                events, firstValidOn, lastValidOn, firstRecordedAt, lastRecordedAt, eventsByState.size(),
                eventsByState.values().stream().mapToLong(Long::longValue).min().orElse(0),
                eventsByState.values().stream().mapToLong(Long::longValue).max().orElse(0)));
        text.append("aggregates: ").append(aggregatesByType).append('\n');
        text.append("events: ").append(eventsByType).append('\n');
        text.append("outcomes: ").append(outcomes).append('\n');
        return text.toString();
    }
}
