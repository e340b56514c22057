package org.cybernorms.compliance.benchmark;

import org.cybernorms.compliance.support.TestStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark harness (docs/benchmark-harness.md). Not part of the normal build (tag {@code benchmark}); run it with
 * {@code ./mvnw -B -Pbench -pl compliance-api -am verify}. For every store and every size it starts the real
 * application on a fresh store, loads a generated log of that many events through Axon, waits for the read models,
 * and runs every {@link Scenario} that needs the application; then it runs the scenarios that do not (JMH) once,
 * compares the flat figures across sizes, prints every figure and writes
 * {@code compliance-api/target/benchmarks/results.md}.
 *
 * <p>Settings (system properties): {@code bench.sizes} (10000), {@code bench.stores} (h2,postgres; PostgreSQL is
 * left out with a note when it does not answer), {@code bench.scenarios} (every registered scenario),
 * {@code bench.seed}, {@code bench.batch} (events per transaction, 1000), {@code bench.pause-processors} (true: the read-model
 * processors are shut down while the log is appended, then catch up with all of it), {@code bench.catchup-timeout}
 * (3h),
 * {@code bench.results} (target/benchmarks), {@code bench.app.args}; and each scenario's own.
 *
 * <p>No figure is asserted: targets are printed as MET or MISSED. The run fails only when a scenario fails.
 */
@Tag("benchmark")
class BenchmarkHarness {

    @Test
    void measuresEveryScenarioOnEveryStoreAndSize() throws Exception {
        List<Long> sizes = Arrays.stream(BenchContext.setting("sizes", "10000").split(","))
                .map(s -> Long.parseLong(s.trim().replace("_", ""))).toList();
        List<BenchApplication.Store> stores = Arrays.stream(BenchContext.setting("stores", "h2,postgres").split(","))
                .map(BenchApplication.Store::parse).toList();
        Set<String> chosen = Arrays.stream(BenchContext.setting("scenarios", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        long seed = BenchContext.setting("seed", LogGenerator.Settings.DEFAULT_SEED);
        int batch = (int) BenchContext.setting("batch", 1000);
        Duration catchUpTimeout = BenchContext.setting("catchup-timeout", Duration.ofHours(3));
        Path resultsDir = Path.of(BenchContext.setting("results", "target/benchmarks")).toAbsolutePath();

        List<Scenario> scenarios = new ArrayList<>();
        ServiceLoader.load(Scenario.class).forEach(scenario -> {
            if (chosen.isEmpty() || chosen.contains(scenario.name())) {
                scenarios.add(scenario);
            }
        });
        String settings = String.format(Locale.ROOT, "sizes %s, stores %s, scenarios %s, seed %d, batch %d", sizes,
                stores.stream().map(BenchApplication.Store::label).toList(),
                scenarios.stream().map(Scenario::name).toList(), seed, batch);
        Results results = new Results();
        results.note("settings: " + settings);

        for (BenchApplication.Store store : stores) {
            if (store == BenchApplication.Store.POSTGRES && !TestStore.postgresReachable()) {
                results.note("PostgreSQL left out: nothing answers at " + TestStore.url() + " as " + TestStore.user());
                continue;
            }
            for (long size : sizes) {
                runOne(store, size, seed, batch, catchUpTimeout, resultsDir, scenarios, results);
                System.gc();
            }
        }
        BenchContext once = new BenchContext(null, 0, null, resultsDir, line -> System.out.println("[bench] " + line),
                results::attach);
        for (Scenario scenario : scenarios) {
            if (!scenario.needsApplication()) {
                run(scenario, once, null, 0, results);
            }
        }
        results.compareAcrossSizes();
        Path file = results.write(resultsDir, settings);
        System.out.println("[bench] results written to " + file);

        assertThat(file).exists();
        assertThat(results.failures()).as("scenarios that failed").isEmpty();
    }

    private static void runOne(BenchApplication.Store store, long size, long seed, int batch, Duration catchUpTimeout,
                               Path resultsDir, List<Scenario> scenarios, Results results) {
        String where = store.label() + " " + String.format(Locale.ROOT, "%,d", size);
        java.util.function.Consumer<String> out = line -> System.out.println("[bench] " + where + " | " + line);
        BenchApplication.Tokens tokens = BenchApplication.Tokens.random();
        out.accept("starting the application");
        BenchApplication application = null;
        try {
            application = BenchApplication.start(store, tokens, Map.of());
            LogGenerator generator = LogGenerator.of(LogGenerator.Settings.of(size).withSeed(seed));
            LogLoader loader = new LogLoader(application.context(), tokens.monitor());
            boolean pause = Boolean.parseBoolean(BenchContext.setting("pause-processors", "true"));
            out.accept(String.format(Locale.ROOT, "loading %,d events%s", size,
                    pause ? " (read-model processors paused)" : " (read-model processors running)"));
            boolean bulkCatchUp = pause && !"processors".equals(BenchContext.setting("catch-up", "bulk"));
            LogLoader.Loaded loaded = pause ? loader.loadWithProcessorsPaused(generator, size, batch, out, !bulkCatchUp)
                    : loader.load(generator, size, batch, out);
            results.add(store.label(), size, "load", Figure.of(String.format(Locale.ROOT,
                            "append %,d events through the storage engine (%d per transaction%s)", loaded.events(),
                            batch, pause ? ", processors paused" : ""),
                    loaded.eventsPerSecond(), "ev/s").withNote(seconds(loaded.duration())));
            if (bulkCatchUp) {
                // As an operator would after a bulk load or a restore: restart, then rebuild. Axon's embedded event
                // store keeps fetching events into its cache after its consumers are gone, so the loading
                // application holds the whole appended log in memory (AxonFramework issue 2954).
                out.accept("restarting the application on the loaded store");
                application = application.restart();
            }
            Duration catchUp = bulkCatchUp ? rebuild(application, catchUpTimeout, out)
                    : loader.awaitReadModels(catchUpTimeout, out);
            Duration total = loaded.duration().plus(catchUp);
            results.add(store.label(), size, "load", Figure.of("read models caught up, after the last append",
                    catchUp.toMillis() / 1000.0, "s").withNote(pause ? String.format(Locale.ROOT,
                    "%,.0f ev/s: %s", loaded.events() / Math.max(1e-9, catchUp.toNanos() / 1e9),
                    bulkCatchUp ? "the bulk rebuild (POST /api/admin/projections/replay)"
                            : "every processor from the start of the log") : null));
            results.add(store.label(), size, "load", Figure.of("log to read models (append and catch-up)",
                    loaded.events() / Math.max(1e-9, total.toNanos() / 1e9), "ev/s").withNote(seconds(total)));
            results.log(where, generator.summary().describe());
            BenchContext context = new BenchContext(application, size, generator.summary(), resultsDir, out,
                    results::attach);
            for (Scenario scenario : scenarios) {
                if (scenario.needsApplication()) {
                    run(scenario, context, store.label(), size, results);
                }
            }
        } catch (Exception | OutOfMemoryError e) {
            results.failure(where, "load", e);
        } finally {
            if (application != null) {
                application.close();
            }
        }
    }

    /** Builds every read model with the bulk rebuild, as an operator would after a restore; the time it took. */
    private static Duration rebuild(BenchApplication application, Duration timeout,
                                    java.util.function.Consumer<String> out) throws InterruptedException {
        long start = System.nanoTime();
        ReplayScenario.rebuild(application.context().getBean(org.cybernorms.compliance.runtime.ProjectionReplay.class),
                true, timeout, out);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static void run(Scenario scenario, BenchContext context, String store, long size, Results results) {
        context.log("scenario " + scenario.name());
        try {
            for (Figure figure : scenario.run(context)) {
                results.add(store, size, scenario.name(), figure);
            }
        } catch (Exception | OutOfMemoryError | AssertionError e) {
            results.failure(store == null ? "-" : store + " " + String.format(Locale.ROOT, "%,d", size),
                    scenario.name(), e);
        }
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
