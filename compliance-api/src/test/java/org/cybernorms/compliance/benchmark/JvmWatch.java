package org.cybernorms.compliance.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * What the JVM's heap, collector and CPU did over an interval of a load: the collector's pauses (from its
 * notifications), the heap after a full collection at the interval's end, the old generation's occupancy then, and
 * the process's CPU time. The harness runs in the application's JVM, so the heap and the CPU are the application's
 * and the load's together (the load's share is small: a few kilobytes per client).
 *
 * <p>The heap is read after {@link System#gc()} (a stop-the-world full collection under G1 unless
 * {@code -XX:+ExplicitGCInvokesConcurrent}): what is left is what the application holds, not garbage waiting for a
 * mixed collection, so minute against minute shows growth. That pause is left out of the pauses reported.
 */
final class JvmWatch implements AutoCloseable {

    /** One interval: the collector's pauses (stop-the-world), and the heap after the full collection at its end. */
    record Snapshot(int pauses, double pauseMillis, double maxPauseMillis, long heapAfterGc, long oldGenUsed,
                    long oldGenMax, long cpuNanos) {

        double oldGenOccupancy() {
            return oldGenMax <= 0 ? 0 : (double) oldGenUsed / oldGenMax;
        }

        String describe(long writes) {
            return String.format("heap after GC %,.0f MiB, old gen %,.0f MiB (%.0f%% of %,.0f MiB), GC pauses %d"
                            + " (%,.0f ms in all, longest %,.0f ms), CPU %,.0f us per write", mib(heapAfterGc),
                    mib(oldGenUsed), 100 * oldGenOccupancy(), mib(oldGenMax), pauses, pauseMillis, maxPauseMillis,
                    writes == 0 ? 0.0 : cpuNanos / 1e3 / writes);
        }

        static double mib(long bytes) {
            return bytes / (1024.0 * 1024.0);
        }
    }

    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onNotification;
    private int pauses;
    private double pauseMillis;
    private double maxPauseMillis;
    private long cpuMark;

    JvmWatch() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
        cpuMark = processCpuNanos();
    }

    private void onNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                .from((CompositeData) notification.getUserData());
        // G1's concurrent cycle (a collector of its own from JDK 20) runs beside the application: no pause.
        if (info.getGcName().contains("Concurrent") || "System.gc()".equals(info.getGcCause())) {
            return;
        }
        double millis = info.getGcInfo().getDuration();
        synchronized (this) {
            pauses++;
            pauseMillis += millis;
            maxPauseMillis = Math.max(maxPauseMillis, millis);
        }
    }

    /** Ends an interval: a full collection, then the heap and the old generation, and the interval's pauses. */
    Snapshot snapshot() {
        long cpu = processCpuNanos();
        System.gc();
        long heap = 0;
        long old = 0;
        long oldMax = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != MemoryType.HEAP) {
                continue;
            }
            MemoryUsage usage = pool.getUsage();
            heap += usage.getUsed();
            String name = pool.getName();
            if (name.contains("Old Gen") || name.contains("Tenured")) {
                old = usage.getUsed();
                oldMax = usage.getMax() > 0 ? usage.getMax() : Runtime.getRuntime().maxMemory();
            }
        }
        Snapshot snapshot;
        synchronized (this) {
            snapshot = new Snapshot(pauses, pauseMillis, maxPauseMillis, heap, old, oldMax, cpu - cpuMark);
            pauses = 0;
            pauseMillis = 0;
            maxPauseMillis = 0;
        }
        cpuMark = processCpuNanos(); // the full collection's own CPU is left out
        return snapshot;
    }

    /** CPU time of this JVM (application, processors and clients alike), or 0 where the JVM does not tell. */
    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}
