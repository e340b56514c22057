package org.cybernorms.compliance.benchmark;

import org.cybernorms.compliance.runtime.ProjectionReplay;
import org.cybernorms.compliance.runtime.rebuild.ReadModelRebuild;
import org.cybernorms.compliance.scorecard.view.ScorecardKeeper;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The replay target: rebuilding every read model from the log (the bulk rebuild, as {@code POST
 * /api/admin/projections/replay} runs it) against the raw rate of reading and parsing the same log with plain JDBC
 * and Jackson ({@link RawLogRead}), both measured here, in turns, {@code bench.replay.rounds} times (2); the best of
 * each is compared, as noise on a shared machine only ever slows a run down. Up to {@code bench.replay.processors-max}
 * events (100,000) it also times Axon's own way, every processor replaying the log itself, for comparison.
 *
 * <p>Memory: the harness runs with {@code -Xmx512m}, so a rebuild that completes completed within it; the figure gives
 * the old generation's peak during the rebuild (reset before it), with the application's own caches in it.
 */
public final class ReplayScenario implements Scenario {

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        JdbcTemplate jdbc = context.spring().getBean(JdbcTemplate.class);
        ProjectionReplay replay = context.spring().getBean(ProjectionReplay.class);
        int rounds = (int) BenchContext.setting("replay.rounds", 2);
        long processorsMax = BenchContext.setting("replay.processors-max", 100_000);
        Duration bound = BenchContext.setting("replay.timeout", Duration.ofMinutes(60));

        double bestRaw = 0;
        double bestBulk = 0;
        double bestPass = 0;
        long events = 0;
        long peakHeap = 0;
        List<String> runs = new ArrayList<>();
        ScorecardKeeper keeper = context.spring().getBean(ScorecardKeeper.class);
        for (int round = 1; round <= rounds; round++) {
            if (keeper.enabled() && !keeper.awaitKept(bound)) {
                // Each round starts on a quiet application: the keeper's work after the last rebuild is done.
                throw new IllegalStateException("the scorecard keeper did not catch up within " + bound);
            }
            RawLogRead.Result raw = new RawLogRead(jdbc, 5000).readAll();
            context.log(String.format("replay round %d: raw read %,d events in %d ms (%,.0f ev/s)", round,
                    raw.events(), raw.duration().toMillis(), raw.eventsPerSecond()));
            resetHeapPeaks();
            rebuild(replay, true, bound, context::log);
            peakHeap = Math.max(peakHeap, heapPeak());
            ReadModelRebuild.Report report = replay.lastBulkReport().orElseThrow(
                    () -> new IllegalStateException("the replay ran no bulk pass"));
            ProjectionReplay.Run run = replay.status().run();
            double whole = report.events() / (Duration.between(run.startedAt(), run.finishedAt()).toNanos() / 1e9);
            context.log(String.format("replay round %d: rebuild of %,d events in %d ms (%,.0f ev/s); its bulk pass "
                            + "%d ms (%,.0f ev/s)", round, report.events(),
                    Duration.between(run.startedAt(), run.finishedAt()).toMillis(), whole,
                    report.duration().toMillis(), report.eventsPerSecond()));
            bestRaw = Math.max(bestRaw, raw.eventsPerSecond());
            bestBulk = Math.max(bestBulk, whole);
            bestPass = Math.max(bestPass, report.eventsPerSecond());
            events = report.events();
            runs.add(String.format("%,.0f/%,.0f", whole, raw.eventsPerSecond()));
        }
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.of(String.format("replay, bulk rebuild of every read model (%,d events)", events),
                        bestBulk, "ev/s")
                .withBaseline("raw JDBC read + Jackson parse", bestRaw)
                .withTarget(Figure.Target.ratioAtLeast(0.5))
                .withNote(String.format("the whole rebuild, from the request to processors running at the head "
                        + "(reset, bulk pass, keys, tokens); its bulk pass alone %,.0f ev/s; best of %d rounds, "
                        + "rebuild/raw: %s", bestPass, rounds, String.join(", ", runs))));
        long maxHeap = Runtime.getRuntime().maxMemory();
        figures.add(Figure.of("replay, old generation at its fullest", peakHeap / 1048576.0, "MiB")
                .withTarget(Figure.Target.valueAtMost(maxHeap / 1048576.0))
                .withNote(String.format("max heap (-Xmx) %,d MiB; the rebuild completed", maxHeap / 1048576)));
        if (context.size() <= processorsMax) {
            long started = System.nanoTime();
            rebuild(replay, false, bound, context::log);
            double seconds = (System.nanoTime() - started) / 1e9;
            figures.add(Figure.of(String.format("replay, every processor replaying the log itself (%,d events)",
                            events), events / seconds, "ev/s")
                    .withBaseline("raw JDBC read + Jackson parse", bestRaw)
                    .withNote("Axon's own replay, for comparison: reset tokens, processors catch up"));
        }
        return figures;
    }

    /**
     * Starts a rebuild of every read model (in bulk, or through the processors) and waits until it completed,
     * printing its progress every ten seconds; fails if it failed or did not complete within {@code bound}.
     */
    static void rebuild(ProjectionReplay replay, boolean bulk, Duration bound,
                        java.util.function.Consumer<String> progressLine) throws InterruptedException {
        replay.start(bulk);
        long deadline = System.nanoTime() + bound.toNanos();
        long lastLog = System.nanoTime();
        while (replay.status().run().state() == ProjectionReplay.State.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the replay did not complete within " + bound);
            }
            if (System.nanoTime() - lastLog > Duration.ofSeconds(10).toNanos()) {
                ReadModelRebuild.Progress progress = replay.status().bulk();
                progressLine.accept(progress == null ? "replay: processors catching up"
                        : String.format("replay: %,d of %,d events read", progress.events(), progress.head()));
                lastLog = System.nanoTime();
            }
            Thread.sleep(10);
        }
        ProjectionReplay.Run run = replay.status().run();
        if (run.state() != ProjectionReplay.State.COMPLETED) {
            throw new IllegalStateException("the replay " + run.state() + ": " + run.error());
        }
    }

    private static void resetHeapPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /**
     * The peak of the old generation (the pools that survivors are promoted to): what the heap kept across
     * collections during the rebuild. The young pools fill to their size between collections whatever the work, so
     * their peaks say nothing.
     */
    private static long heapPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            String name = pool.getName().toLowerCase(java.util.Locale.ROOT);
            if (pool.getType() == MemoryType.HEAP && (name.contains("old") || name.contains("tenured"))) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
