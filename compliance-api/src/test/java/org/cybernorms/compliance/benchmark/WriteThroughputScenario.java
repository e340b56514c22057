package org.cybernorms.compliance.benchmark;

import org.cybernorms.compliance.scorecard.view.ScorecardKeeper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The write target: command throughput (validation and storage) with {@code bench.writes.clients} (16) concurrent
 * clients sending the same mix of commands ({@link CommandLoad}) through the command gateway, on the tracker as it
 * ships and on the same tracker under the profile {@code axon-defaults} (Axon's default configuration wherever the
 * tracker tunes it: docs/operations.md, "Performance settings"). Each variant runs on a fresh store of the same kind
 * as the run's, started for it, with a warm-up first; the variants alternate for {@code bench.writes.rounds} (2)
 * rounds and the best of each is compared. Each measured load is bounded by {@code bench.writes.commands} (20,000)
 * and {@code bench.writes.time} (30s). The size of the loaded log does not matter here, so it runs once per store, at
 * the smallest size of the run.
 *
 * <p>On two cores the read models' processors compete with the commands for the CPU, and the two configurations
 * share it out differently: under Axon's defaults sixteen client threads run the commands and the processors (one
 * event per transaction) fall behind, so part of their work is left undone when the load ends; under the tracker one
 * writer thread runs the commands and the processors keep up. Each round therefore measures, on the same application:
 * <ol>
 *     <li><b>with the read models running</b>: the commands acknowledged per second, how far the read models were
 *     behind when the load ended, and how long they then took to catch up (bounded by {@code bench.writes.catch-up},
 *     60s); the commands over the load's time plus that catch-up is the rate at which the read models were kept
 *     current;</li>
 *     <li><b>validation and storage alone</b>: the read models' processors stopped (they keep their tokens), the same
 *     load with another seed.</li>
 * </ol>
 * Validation and storage alone is the target's measure; the rate with the read models kept current is held to the same
 * ratio. The rate acknowledged while the read models run is printed with how far behind they were, without a verdict:
 * its two sides do different amounts of work.
 */
public final class WriteThroughputScenario implements Scenario {

    @Override
    public String name() {
        return "writes";
    }

    /** The best rate of each configuration for one measure, and every round's rate for the note. */
    private static final class Best {
        double tracker;
        double defaults;
        final List<String> runs = new ArrayList<>();

        void add(boolean isDefaults, double rate, String detail) {
            if (isDefaults) {
                defaults = Math.max(defaults, rate);
            } else {
                tracker = Math.max(tracker, rate);
            }
            runs.add(String.format("%s %,.0f%s", isDefaults ? "defaults" : "tracker", rate, detail));
        }
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
        Duration catchUpBound = BenchContext.setting("writes.catch-up", Duration.ofSeconds(60));
        int rounds = (int) BenchContext.setting("writes.rounds", 2);
        Best alone = new Best();
        Best kept = new Best();
        Best acknowledged = new Best();
        long failed = 0;
        for (int round = 1; round <= rounds; round++) {
            for (boolean defaults : new boolean[] {true, false}) {
                String variant = defaults ? "axon-defaults" : "tracker";
                Map<String, String> properties = defaults ? Map.of("spring.profiles.active", "axon-defaults")
                        : Map.of();
                try (BenchApplication app = context.startAnother(properties)) {
                    ReadModelProgress readModels = new ReadModelProgress(app.context());
                    CommandLoad.run(app.context(), clients, warmUp, bound, new CommandLoad.Options(false, 42));
                    readModels.awaitCaughtUp(catchUpBound);

                    awaitQuiet(app);
                    GroupSizes before = GroupSizes.of(app);
                    long cpuBefore = processCpuNanos();
                    CommandLoad.Result running = CommandLoad.run(app.context(), clients, commands, bound,
                            new CommandLoad.Options(false, 7 + round));
                    double cpu = cpuPerCommand(cpuBefore, running);
                    long behind = readModels.behind();
                    Optional<Duration> catchUp = readModels.awaitCaughtUp(catchUpBound);
                    double cpuKept = cpuPerCommand(cpuBefore, running);
                    context.log(String.format("writes round %d, %s, read models running: %s; process CPU %.0f us per"
                                    + " command%s; read models %,d events behind at the end, %s; process CPU %.0f us"
                                    + " per command with their catch-up", round, variant, running, cpu,
                            GroupSizes.of(app).since(before), behind, catchUp.map(d -> "caught up in "
                                    + d.toMillis() + " ms").orElse("not caught up within " + catchUpBound), cpuKept));
                    double seconds = (running.elapsed().plus(catchUp.orElse(catchUpBound))).toNanos() / 1e9;
                    acknowledged.add(defaults, running.commandsPerSecond(),
                            String.format(" (%,d events behind)", behind));
                    kept.add(defaults, running.succeeded() / seconds, catchUp.isPresent() ? ""
                            : " (not caught up within " + catchUpBound.toSeconds() + " s: at most this)");

                    awaitQuiet(app);
                    readModels.stop();
                    long cpuAlone = processCpuNanos();
                    CommandLoad.Result storing = CommandLoad.run(app.context(), clients, commands, bound,
                            new CommandLoad.Options(false, 107 + round));
                    context.log(String.format("writes round %d, %s, validation and storage alone: %s; process CPU"
                            + " %.0f us per command", round, variant, storing, cpuPerCommand(cpuAlone, storing)));
                    alone.add(defaults, storing.commandsPerSecond(), "");
                    failed += running.failed() + storing.failed();
                }
            }
        }
        String note = "best of " + rounds + " rounds, each on a fresh store; ";
        return List.of(
                Figure.of(String.format("commands, %d concurrent clients: validation and storage (read models stopped"
                                + " in both)", clients), alone.tracker, "commands/s")
                        .withBaseline("Axon's default configuration (profile axon-defaults)", alone.defaults)
                        .withTarget(Figure.Target.ratioAtLeast(3))
                        .withNote(note + String.join(", ", alone.runs) + "; failed commands " + failed),
                Figure.of(String.format("commands, %d concurrent clients, read models kept current (over the load"
                                + " and the read models' catch-up)", clients), kept.tracker, "commands/s")
                        .withBaseline("Axon's default configuration (profile axon-defaults)", kept.defaults)
                        .withTarget(Figure.Target.ratioAtLeast(3))
                        .withNote(note + String.join(", ", kept.runs)),
                Figure.of(String.format("commands acknowledged, %d concurrent clients, read models running and not"
                                + " waited for", clients), acknowledged.tracker, "commands/s")
                        .withBaseline("Axon's default configuration (profile axon-defaults)", acknowledged.defaults)
                        .withNote(note + String.join(", ", acknowledged.runs) + "; no verdict: where the read models"
                                + " fall behind, part of their work is left out of the measured time"));
    }

    /**
     * Waits until the tracker's {@link ScorecardKeeper} has kept the answers of the states the last load touched (it
     * starts two seconds after they settle): each load is measured on a quiet application, as the baseline's (which
     * has no keeper) is.
     */
    private static void awaitQuiet(BenchApplication app) throws InterruptedException {
        ScorecardKeeper keeper = app.context().getBean(ScorecardKeeper.class);
        if (keeper.enabled() && !keeper.awaitKept(Duration.ofMinutes(5))) {
            throw new IllegalStateException("the scorecard keeper did not catch up within 5 minutes");
        }
    }

    private static double cpuPerCommand(long cpuBefore, CommandLoad.Result result) {
        return (processCpuNanos() - cpuBefore) / 1e3 / Math.max(1, result.succeeded() + result.failed());
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
