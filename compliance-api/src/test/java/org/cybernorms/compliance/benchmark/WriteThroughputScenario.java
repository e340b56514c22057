package org.cybernorms.compliance.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The write target: command throughput (validation and storage) with {@code bench.writes.clients} (16) concurrent
 * clients sending the same mix of commands ({@link CommandLoad}) through the command gateway, on the tracker as it
 * ships and on the same tracker under the profile {@code axon-defaults} (Axon's default configuration wherever the
 * tracker tunes it: docs/operations.md, "Performance settings"). Each variant runs on a fresh store of the same kind
 * as the run's, started for it, with a warm-up first; the variants alternate for {@code bench.writes.rounds} (2)
 * rounds and the best of each is compared. Bounded by {@code bench.writes.commands} (20,000) and
 * {@code bench.writes.time} (30s) per measured load. The size of the loaded log does not matter here, so it runs
 * once per store, at the smallest size of the run.
 */
public final class WriteThroughputScenario implements Scenario {

    @Override
    public String name() {
        return "writes";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        long smallest = Arrays.stream(BenchContext.setting("sizes", "10000").split(","))
                .mapToLong(s -> Long.parseLong(s.trim().replace("_", ""))).min().orElse(context.size());
        if (context.size() != smallest) {
            return List.of();
        }
        int clients = (int) BenchContext.setting("writes.clients", 16);
        int commands = (int) BenchContext.setting("writes.commands", 20_000);
        int warmUp = (int) BenchContext.setting("writes.warm-up", 2_000);
        Duration bound = BenchContext.setting("writes.time", Duration.ofSeconds(30));
        int rounds = (int) BenchContext.setting("writes.rounds", 2);
        double bestTuned = 0;
        double bestDefaults = 0;
        List<String> runs = new ArrayList<>();
        long failed = 0;
        for (int round = 1; round <= rounds; round++) {
            for (boolean defaults : new boolean[] {true, false}) {
                Map<String, String> properties = defaults ? Map.of("spring.profiles.active", "axon-defaults")
                        : Map.of();
                try (BenchApplication app = context.startAnother(properties)) {
                    CommandLoad.run(app.context(), clients, warmUp, bound, new CommandLoad.Options(false, 42));
                    GroupSizes before = GroupSizes.of(app);
                    long cpuBefore = processCpuNanos();
                    CommandLoad.Result result = CommandLoad.run(app.context(), clients, commands, bound,
                            new CommandLoad.Options(false, 7 + round));
                    double cpuPerCommand = (processCpuNanos() - cpuBefore) / 1e3 / Math.max(1, result.succeeded() + result.failed());
                    context.log(String.format("writes round %d, %s: %s; process CPU %.0f us per command%s", round,
                            defaults ? "axon-defaults" : "tracker", result, cpuPerCommand,
                            GroupSizes.of(app).since(before)));
                    failed += result.failed();
                    runs.add(String.format("%s %,.0f", defaults ? "defaults" : "tracker",
                            result.commandsPerSecond()));
                    if (defaults) {
                        bestDefaults = Math.max(bestDefaults, result.commandsPerSecond());
                    } else {
                        bestTuned = Math.max(bestTuned, result.commandsPerSecond());
                    }
                }
            }
        }
        return List.of(Figure.of(String.format("commands, %d concurrent clients (validation and storage)", clients),
                        bestTuned, "commands/s")
                .withBaseline("Axon's default configuration (profile axon-defaults)", bestDefaults)
                .withTarget(Figure.Target.ratioAtLeast(3))
                .withNote("best of " + rounds + " rounds, each on a fresh store; " + String.join(", ", runs)
                        + "; failed commands " + failed));
    }

    /** CPU time of this JVM (application, processors and clients alike), or 0 where the JVM does not tell. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    /** The group-commit meter of an application, if it has one. */
    private record GroupSizes(long groups, double commands) {

        static GroupSizes of(BenchApplication app) {
            io.micrometer.core.instrument.DistributionSummary summary = app.context()
                    .getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class).getIfAvailable() == null ? null
                    : app.context().getBean(io.micrometer.core.instrument.MeterRegistry.class)
                    .find("compliance.commands.group.size").summary();
            return summary == null ? new GroupSizes(-1, 0) : new GroupSizes(summary.count(), summary.totalAmount());
        }

        String since(GroupSizes before) {
            if (groups < 0) {
                return "";
            }
            long n = groups - before.groups;
            double c = commands - before.commands;
            return String.format("; %,.0f commands committed in %,d groups of two or more (mean %.1f)", c, n,
                    n == 0 ? 0 : c / n);
        }
    }
}
