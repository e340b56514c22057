package org.cybernorms.compliance.runtime.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The {@code <prefix>.capacity} gauge of axon-micrometer's {@code CapacityMonitor} (the share of the last window a
 * component spent handling messages: 1.0 is one thread busy all the time), in memory that does not grow with the
 * number of messages.
 *
 * <p>Axon's monitor keeps every handling time of its window (10 minutes) in a {@code SlidingTimeWindowReservoir}, a
 * {@code ConcurrentSkipListMap} of boxed longs: under a sustained load of about 1,500 writes/s the application held
 * millions of its entries after ten minutes, about 245 MB of a 512 MiB heap, and each scrape of the gauge copied them
 *. This one adds each handling time to one of {@value #SLOTS} slots that together span the window, and
 * sums the slots that fall in the window when the gauge is read: a few hundred bytes per tag set, whatever the
 * throughput. The window is thereby measured to within one slot (a sixtieth of it).
 */
public final class WindowedCapacityMonitor implements MessageMonitor<Message<?>> {

    /** Slots per window: the gauge's resolution in time. */
    public static final int SLOTS = 60;

    private final String meterName;
    private final MeterRegistry registry;
    private final Function<Message<?>, Iterable<Tag>> tagsBuilder;
    private final Clock clock;
    private final long windowNanos;
    private final Map<Tags, BusyTime> windows = new ConcurrentHashMap<>();

    /**
     * @param meterNamePrefix the prefix of the gauge's name ({@code eventProcessor}, {@code commandBus}...), as Axon's
     * @param window          the span the capacity is averaged over (at least {@value #SLOTS} ns)
     * @param tagsBuilder     the tags of a message's gauge (one gauge per distinct set of tags, as Axon's)
     */
    public WindowedCapacityMonitor(String meterNamePrefix, MeterRegistry registry, Duration window, Clock clock,
                                   Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        if (window.toNanos() < SLOTS) {
            throw new IllegalArgumentException("the capacity window must be at least " + SLOTS + " ns: " + window);
        }
        this.meterName = meterNamePrefix + ".capacity";
        this.registry = registry;
        this.tagsBuilder = tagsBuilder;
        this.clock = clock;
        this.windowNanos = window.toNanos();
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        BusyTime busy = windows.computeIfAbsent(Tags.of(tagsBuilder.apply(message)), this::register);
        long start = clock.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                busy.add(clock.monotonicTime() - start);
            }

            @Override
            public void reportFailure(Throwable cause) {
                busy.add(clock.monotonicTime() - start);
            }

            @Override
            public void reportIgnored() {
                busy.add(clock.monotonicTime() - start);
            }
        };
    }

    private BusyTime register(Tags tags) {
        BusyTime busy = new BusyTime(windowNanos, clock);
        Gauge.builder(meterName, busy, BusyTime::capacity).tags(tags).strongReference(true).register(registry);
        return busy;
    }

    /** The gauges' name ({@code <prefix>.capacity}). */
    public String meterName() {
        return meterName;
    }

    /** The span the capacity is averaged over. */
    public Duration window() {
        return Duration.ofNanos(windowNanos);
    }

    /**
     * How many handling times this monitor holds in memory, over all its gauges: at most {@value #SLOTS} sums per
     * gauge, never one entry per message as Axon's reservoir.
     */
    public int retainedMeasurements() {
        return windows.values().stream().mapToInt(BusyTime::retained).sum();
    }

    /** One gauge's busy time, summed into slots of a sixtieth of the window each. */
    static final class BusyTime {

        private final long slotNanos;
        private final long windowNanos;
        private final Clock clock;
        /** For each slot, which slot of the clock it currently sums (the clock's time divided by the slot length). */
        private final long[] slotOf = new long[SLOTS];
        private final long[] busyNanos = new long[SLOTS];

        BusyTime(long windowNanos, Clock clock) {
            this.windowNanos = windowNanos;
            this.slotNanos = windowNanos / SLOTS;
            this.clock = clock;
            java.util.Arrays.fill(slotOf, Long.MIN_VALUE);
        }

        /** Adds a handling time that ended now. Uncontended in a processor's thread; short under contention. */
        synchronized void add(long nanos) {
            long slot = Math.floorDiv(clock.monotonicTime(), slotNanos);
            int index = (int) Math.floorMod(slot, (long) SLOTS);
            if (slotOf[index] != slot) {
                slotOf[index] = slot;
                busyNanos[index] = 0;
            }
            busyNanos[index] += nanos;
        }

        /** The busy time of the slots within the window, over the window (as Axon's: over the whole window). */
        synchronized double capacity() {
            long current = Math.floorDiv(clock.monotonicTime(), slotNanos);
            long sum = 0;
            for (int i = 0; i < SLOTS; i++) {
                if (slotOf[i] > current - SLOTS && slotOf[i] <= current) {
                    sum += busyNanos[i];
                }
            }
            return sum / (double) windowNanos;
        }

        synchronized int retained() {
            int count = 0;
            for (long slot : slotOf) {
                if (slot != Long.MIN_VALUE) {
                    count++;
                }
            }
            return count;
        }
    }
}
