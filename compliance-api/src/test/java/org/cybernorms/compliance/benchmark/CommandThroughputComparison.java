package org.cybernorms.compliance.benchmark;

import org.cybernorms.compliance.ComplianceTrackerApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Command throughput of the tuned configuration against {@code axon-defaults} (Axon's default configuration), back
 * to back in one JVM, each on a fresh store: a warm-up, then a measured {@link CommandLoad}. Rounds alternate
 * baseline and tuned so that background load hits both alike. Not part of the build; run it with
 *
 * <pre>
 * ./mvnw -B -pl compliance-api -am test -Dtest=CommandThroughputComparison -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dpostgres.skip=true -Dcompliance.benchmark=true [-Dcompliance.benchmark.store=postgres] \
 *     [-Dcompliance.benchmark.clients=16] [-Dcompliance.benchmark.commands=8000] [-Dcompliance.benchmark.seconds=30] \
 *     [-Dcompliance.benchmark.rounds=2] [-Dcompliance.benchmark.variants=axon-defaults,tuned]
 * </pre>
 *
 * On PostgreSQL every context gets a fresh {@code ct_} schema (the tests' environment post-processor), dropped when
 * it closes.
 */
@EnabledIfSystemProperty(named = "compliance.benchmark", matches = "true")
class CommandThroughputComparison {

    private static final int CLIENTS = Integer.getInteger("compliance.benchmark.clients", 16);
    private static final int COMMANDS = Integer.getInteger("compliance.benchmark.commands", 8000);
    private static final int SECONDS = Integer.getInteger("compliance.benchmark.seconds", 30);
    private static final int ROUNDS = Integer.getInteger("compliance.benchmark.rounds", 2);
    private static final int WARM_UP = Integer.getInteger("compliance.benchmark.warm-up", 1500);
    private static final boolean POSTGRES = "postgres".equals(System.getProperty("compliance.benchmark.store"));
    private static final boolean READ_YOUR_WRITES = Boolean.getBoolean("compliance.benchmark.read-your-writes");

    static {
        // Surefire runs tests with -ea. H2 asserts, on every commit of a file store, that the file length in use
        // matches a walk over all its chunks: with WRITE_DELAY=0 (no background housekeeping) that walk grows with
        // every commit, and was half the command threads' time. Production runs without -ea; measure like it.
        ClassLoader loader = CommandThroughputComparison.class.getClassLoader();
        loader.setPackageAssertionStatus("org.h2", false);
        Thread.currentThread().getContextClassLoader().setPackageAssertionStatus("org.h2", false);
    }

    @Test
    void tunedAgainstAxonDefaults() throws IOException {
        List<String> variants = List.of(System.getProperty("compliance.benchmark.variants", "axon-defaults,tuned")
                .split(","));
        List<String> lines = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            for (String variant : variants) {
                CommandLoad.Result result = measure(variant);
                String line = String.format("round %d %-14s %s load %s", round, variant, result, loadAverage());
                System.out.println("BENCHMARK " + line);
                lines.add(line);
                assertThat(result.succeeded()).isPositive();
            }
        }
        System.out.println("BENCHMARK summary (" + (POSTGRES ? "PostgreSQL" : "H2") + ", " + CLIENTS + " clients):");
        lines.forEach(line -> System.out.println("BENCHMARK   " + line));
    }

    private CommandLoad.Result measure(String variant) throws IOException {
        Path dataDir = Files.createTempDirectory("command-load");
        List<String> profiles = new ArrayList<>();
        if (POSTGRES) {
            profiles.add("postgres");
        }
        if (!variant.equals("tuned")) {
            profiles.add(variant);
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ComplianceTrackerApplication.class)
                .profiles(profiles.toArray(String[]::new))
                .properties("server.port=0", "compliance.data-dir=" + dataDir,
                        "compliance.auth.tokens=benchmark-monitor-token=MONITOR",
                        "logging.level.root=WARN")
                .run()) {
            CommandLoad.Options options = new CommandLoad.Options(READ_YOUR_WRITES, 42);
            CommandLoad.run(context, CLIENTS, WARM_UP, Duration.ofSeconds(SECONDS), options);
            return CommandLoad.run(context, CLIENTS, COMMANDS, Duration.ofSeconds(SECONDS),
                    new CommandLoad.Options(READ_YOUR_WRITES, 7));
        } finally {
            deleteQuietly(dataDir);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }
}
