package org.cybernorms.compliance.benchmark;

import org.cybernorms.compliance.runtime.persistence.EmbeddedStoreHousekeeping;
import org.cybernorms.plainaxon.PlainAxonApplication;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Writes over HTTP for half an hour: {@code bench.soak.clients} (16) kept-alive clients send the harness's
 * mix of commands ({@link TrackerWriteMix}, {@link CommandLoad}'s mix) through the public API, to the application as
 * it ships (read-your-writes on: a write answers once the read models have it; metrics on), in the harness's JVM
 * ({@code -Xmx512m}). After a warm-up ({@code bench.soak.warm-up}, 3 minutes) it runs {@code bench.soak.minutes} (30)
 * and prints, for every minute: writes/s, p50 and p99, the heap after a full collection at the minute's end and the
 * old generation's share of its maximum then, the collector's pauses and the process's CPU time per write
 * ({@link JvmWatch}).
 *
 * <p>Then, on the same application, the in-process rate with the read models kept current ({@link CommandLoad}
 * through the command gateway for {@code bench.soak.in-process-time}, 30 s, plus the read models' catch-up, as the
 * {@code writes} scenario measures it), and a plain Spring Boot and Axon application ({@link PlainAxonApplication}:
 * Axon's defaults, JPA on an H2 file, one event per command, one tracking processor) under the same HTTP load, after
 * its own warm-up ({@code bench.soak.baseline-warm-up}, 1 minute) for {@code bench.soak.baseline-time} (2 minutes).
 *
 * <p>Figures (ratios in one run): the heap and the rate of the last minute against minute
 * {@code bench.soak.reference-minute} (5; in a run of fewer than ten minutes, the middle minute), the p99 of the
 * slowest minute, and the warm HTTP rate (the mean over the soak's minutes) against the in-process rate and against
 * the plain Axon application. Runs once per store, at the run's smallest size.
 */
public final class SoakScenario implements Scenario {

    /** One measured minute. */
    record Minute(HttpWriteLoad.Interval load, JvmWatch.Snapshot jvm) {
    }

    @Override
    public String name() {
        return "soak";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        long smallest = Arrays.stream(BenchContext.setting("sizes", "10000").split(","))
                .mapToLong(s -> Long.parseLong(s.trim().replace("_", ""))).min().orElse(context.size());
        if (context.size() != smallest) {
            return List.of();
        }
        int clients = (int) BenchContext.setting("soak.clients", 16);
        // on two cores a fresh JVM's rate climbs for three to four minutes while the JIT compiles the write path
        Duration warmUp = BenchContext.setting("soak.warm-up", Duration.ofMinutes(3));
        long minutes = BenchContext.setting("soak.minutes", 30);
        Duration interval = BenchContext.setting("soak.interval", Duration.ofMinutes(1));
        int referenceMinute = (int) BenchContext.setting("soak.reference-minute", 5);
        Duration inProcessTime = BenchContext.setting("soak.in-process-time", Duration.ofSeconds(30));
        int inProcessCommands = (int) BenchContext.setting("soak.in-process-commands", 200_000);
        Duration baselineWarmUp = BenchContext.setting("soak.baseline-warm-up", Duration.ofMinutes(1));
        Duration baselineTime = BenchContext.setting("soak.baseline-time", Duration.ofMinutes(2));
        Duration catchUpBound = BenchContext.setting("writes.catch-up", Duration.ofSeconds(60));

        HttpWriteLoad load = new HttpWriteLoad(context.application().port(), context.tokens().monitor(), clients,
                Duration.ofSeconds(60));
        context.log(String.format("soak: %d clients, warm-up %s, then %d x %s", clients, warmUp, minutes, interval));
        HttpWriteLoad.Interval warm = load.run(client -> TrackerWriteMix.spread(1_000 + client), warmUp, interval,
                i -> context.log("soak warm-up: " + describe(i)));
        context.log("soak warm-up done: " + describe(warm));

        List<Minute> measured = new ArrayList<>();
        HttpWriteLoad.Interval whole;
        try (JvmWatch jvm = new JvmWatch()) {
            jvm.snapshot();
            whole = load.run(client -> TrackerWriteMix.spread(2_000 + client), interval.multipliedBy(minutes),
                    interval, i -> {
                        Minute minute = new Minute(i, jvm.snapshot());
                        measured.add(minute);
                        context.log(String.format("soak minute %d: %s; %s%s", i.index(), describe(i),
                                minute.jvm().describe(i.writes()), storeFile(context)));
                    });
        }
        // the last interval may be a remainder of a few milliseconds: only whole ones are compared
        List<Minute> minutesMeasured = measured.stream()
                .filter(m -> m.load().elapsed().compareTo(interval.dividedBy(2)) >= 0).toList();
        context.attach("Soak, minute by minute (" + context.store().label() + ")", table(minutesMeasured));
        if (minutesMeasured.size() < 2) {
            throw new IllegalStateException("the soak needs at least two whole intervals to compare");
        }

        // in-process, on the same application, read models kept current
        ReadModelProgress readModels = new ReadModelProgress(context.spring());
        readModels.awaitCaughtUp(catchUpBound);
        CommandLoad.Result inProcess = CommandLoad.run(context.spring(), clients, inProcessCommands, inProcessTime,
                new CommandLoad.Options(false, 77));
        Optional<Duration> catchUp = readModels.awaitCaughtUp(catchUpBound);
        double kept = inProcess.succeeded() / (inProcess.elapsed().plus(catchUp.orElse(catchUpBound)).toNanos() / 1e9);
        context.log(String.format("soak in-process: %s; read models caught up %s: %,.0f commands/s kept current",
                inProcess, catchUp.map(d -> "in " + d.toMillis() + " ms").orElse("not within " + catchUpBound), kept));

        // the plain Axon application, same load over HTTP
        HttpWriteLoad.Interval plain;
        try (PlainAxonApplication baseline = PlainAxonApplication.start()) {
            HttpWriteLoad plainLoad = new HttpWriteLoad(baseline.port(), null, clients, Duration.ofSeconds(60));
            plainLoad.run(client -> baseline.mix(3_000 + client), baselineWarmUp, interval,
                    i -> context.log("plain axon warm-up: " + describe(i)));
            plain = plainLoad.run(client -> baseline.mix(4_000 + client), baselineTime, interval,
                    i -> context.log("plain axon: " + describe(i)));
            context.log(String.format("plain axon: %s; its processor counted %,d events", describe(plain),
                    baseline.eventsCounted()));
        }

        Minute last = minutesMeasured.get(minutesMeasured.size() - 1);
        int reference = minutesMeasured.size() >= 2 * referenceMinute ? referenceMinute
                : Math.max(1, (minutesMeasured.size() + 1) / 2);
        if (reference == minutesMeasured.size()) {
            reference--;
        }
        Minute ref = minutesMeasured.get(reference - 1);
        Minute slowest = minutesMeasured.stream()
                .max((a, b) -> Double.compare(a.load().millis(99), b.load().millis(99))).orElseThrow();
        double warmRate = minutesMeasured.stream().mapToLong(m -> m.load().writes()).sum()
                / (minutesMeasured.stream().mapToLong(m -> m.load().elapsed().toNanos()).sum() / 1e9);
        long errors = measured.stream().mapToLong(m -> m.load().errors()).sum();
        String errorNote = errors == 0 ? "" : String.format("ERRORS %,d failed writes (first: %s); ", errors,
                whole.firstError());
        String lastName = "minute " + last.load().index();
        String refName = "minute " + ref.load().index();
        String p99s = minutesMeasured.stream().map(m -> String.format("%.1f", m.load().millis(99)))
                .reduce((a, b) -> a + ", " + b).orElse("");
        String plainNote = plain.errors() == 0 ? "" : String.format("ERRORS %,d failed writes to the plain"
                + " application (first: %s); ", plain.errors(), plain.firstError());
        return List.of(
                Figure.of("soak: heap after a full GC, " + lastName, mib(last.jvm().heapAfterGc()), "MiB")
                        .withBaseline(refName, mib(ref.jvm().heapAfterGc()))
                        .withTarget(Figure.Target.ratioAtMost(1.2))
                        .withNote(errorNote + String.format("old gen %.0f%% full at %s, %.0f%% at %s",
                                100 * last.jvm().oldGenOccupancy(), lastName, 100 * ref.jvm().oldGenOccupancy(),
                                refName)),
                Figure.of("soak: HTTP writes, " + lastName, last.load().perSecond(), "writes/s")
                        .withBaseline(refName, ref.load().perSecond())
                        .withTarget(Figure.Target.ratioAtLeast(0.8))
                        .withNote(errorNote + clients + " kept-alive clients, read-your-writes on"),
                Figure.of("soak: HTTP write p99 of the slowest minute (" + "minute " + slowest.load().index() + ")",
                                slowest.load().millis(99), "ms")
                        .withTarget(Figure.Target.valueAtMost(50))
                        .withNote(errorNote + "p99 of each minute: " + p99s),
                Figure.of("HTTP writes, warm (mean of the soak's minutes)", warmRate, "writes/s")
                        .withBaseline("in-process commands, read models kept current", kept)
                        .withTarget(Figure.Target.ratioAtLeast(0.75))
                        .withNote(errorNote + String.format("in-process: %,d commands in %.1f s, read models %s",
                                inProcess.succeeded(), inProcess.elapsed().toNanos() / 1e9,
                                catchUp.map(d -> "caught up " + d.toMillis() + " ms later")
                                        .orElse("not caught up within " + catchUpBound))),
                Figure.of("HTTP writes, warm (mean of the soak's minutes)", warmRate, "writes/s")
                        .withBaseline("plain Spring Boot + Axon application over HTTP", plain.perSecond())
                        .withTarget(Figure.Target.ratioAtLeast(1.5))
                        .withNote(errorNote + plainNote + String.format("plain application: p50 %.1f ms, p99 %.1f"
                                + " ms over %.0f s after %s of warm-up", plain.millis(50), plain.millis(99),
                                plain.elapsed().toNanos() / 1e9, baselineWarmUp)));
    }

    static String describe(HttpWriteLoad.Interval interval) {
        return String.format("%,.0f writes/s (%,d in %.1f s), p50 %.1f ms, p99 %.1f ms%s", interval.perSecond(),
                interval.writes(), interval.elapsed().toNanos() / 1e9, interval.millis(50), interval.millis(99),
                interval.errors() == 0 ? "" : String.format(", ERRORS %,d (first: %s)", interval.errors(),
                        interval.firstError()));
    }

    /** The size of the embedded store's file (it grows with H2's chunks; docs/benchmarks.md), or nothing. */
    private static String storeFile(BenchContext context) {
        if (context.store() != BenchApplication.Store.H2) {
            return "";
        }
        try (var files = java.nio.file.Files.list(context.application().dataDir())) {
            long bytes = files.filter(path -> path.getFileName().toString().endsWith(".mv.db"))
                    .mapToLong(path -> path.toFile().length()).sum();
            String live = context.spring().getBean(EmbeddedStoreHousekeeping.class).chunksFillRate()
                    .map(rate -> String.format(" (its chunks %d%% live)", rate)).orElse("");
            return String.format(", H2 file %,.0f MiB%s", mib(bytes), live);
        } catch (java.io.IOException | java.sql.SQLException e) {
            return "";
        }
    }

    private static String table(List<Minute> minutes) {
        StringBuilder text = new StringBuilder("| minute | writes/s | p50 ms | p99 ms | errors | heap after GC MiB"
                + " | old gen | GC pauses | GC pause ms (longest) | CPU µs/write |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Minute m : minutes) {
            text.append(String.format("| %d | %,.0f | %.1f | %.1f | %d | %.0f | %.0f%% | %d | %.0f (%.0f) | %.0f |%n",
                    m.load().index(), m.load().perSecond(), m.load().millis(50), m.load().millis(99),
                    m.load().errors(), mib(m.jvm().heapAfterGc()), 100 * m.jvm().oldGenOccupancy(),
                    m.jvm().pauses(), m.jvm().pauseMillis(), m.jvm().maxPauseMillis(),
                    m.load().writes() == 0 ? 0.0 : m.jvm().cpuNanos() / 1e3 / m.load().writes()));
        }
        return text.toString();
    }

    private static double mib(long bytes) {
        return JvmWatch.Snapshot.mib(bytes);
    }
}
