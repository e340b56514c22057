package org.cybernorms.compliance.benchmark;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.cybernorms.compliance.instrument.UnGge2015;
import org.cybernorms.compliance.scorecard.view.ScorecardKeeper;
import org.cybernorms.compliance.security.Roles;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.cybernorms.compliance.violation.api.Severity;
import org.cybernorms.compliance.violation.api.ViolationCommands.ReportViolation;
import org.cybernorms.compliance.violation.api.ViolationId;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One busy state: every write over HTTP goes to one state and one norm ({@link TrackerWriteMix#hot}),
 * with {@code bench.hot.facts} (10^3, 10^4, 10^5) facts already recorded about that state, against the same load
 * spread over sixteen states and eleven norms on the same application ({@link TrackerWriteMix#spread}, measured
 * before the hot loads and again after them; the faster of the two is the baseline). First the spread load runs
 * unmeasured for {@code bench.hot.jvm-warm-up} (2 minutes), until the JIT has compiled the write path. Before each level the state is filled up with violation reports sent through the command gateway
 * ({@code bench.hot.fill-threads} at a time), the read models are let catch up and the scorecard keeper let finish,
 * so that neither falls into the measured load. Each load: {@code bench.hot.clients} (16) kept-alive clients, a
 * warm-up of {@code bench.hot.warm-up} (20 s), then {@code bench.hot.time} (60 s).
 *
 * <p>Figures: at each level the hot rate against the spread rate (target ≥ 0.8), and the CPU time per write at the
 * largest level against the smallest (target ≤ 1.2). Runs once per store, at the run's smallest size.
 */
public final class HotStateScenario implements Scenario {

    private static final LocalDate BASE = LocalDate.of(2016, 1, 1);

    @Override
    public String name() {
        return "hot-state";
    }

    /** One measured load: its interval, the process's CPU time per write over it, and the writes of its warm-up. */
    private record Load(HttpWriteLoad.Interval interval, double cpuMicrosPerWrite, long warmUpWrites) {
        String describe() {
            return SoakScenario.describe(interval) + String.format(", CPU %,.0f us per write", cpuMicrosPerWrite);
        }
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        long smallest = Arrays.stream(BenchContext.setting("sizes", "10000").split(","))
                .mapToLong(s -> Long.parseLong(s.trim().replace("_", ""))).min().orElse(context.size());
        if (context.size() != smallest) {
            return List.of();
        }
        long[] levels = Arrays.stream(BenchContext.setting("hot.facts", "1000,10000,100000").split(","))
                .mapToLong(s -> Long.parseLong(s.trim().replace("_", ""))).sorted().toArray();
        int clients = (int) BenchContext.setting("hot.clients", 16);
        int fillThreads = (int) BenchContext.setting("hot.fill-threads", 16);
        Duration warmUp = BenchContext.setting("hot.warm-up", Duration.ofSeconds(20));
        Duration time = BenchContext.setting("hot.time", Duration.ofSeconds(60));
        Duration jvmWarmUp = BenchContext.setting("hot.jvm-warm-up", Duration.ofMinutes(2));
        String state = BenchContext.setting("hot.state", "NOR");
        String norm = BenchContext.setting("hot.norm", "13c");
        long perState = context.log().eventsByState().getOrDefault(StateCode.of(state), 0L);

        HttpWriteLoad load = new HttpWriteLoad(context.application().port(), context.tokens().monitor(), clients,
                Duration.ofSeconds(60));
        ReadModelProgress readModels = new ReadModelProgress(context.spring());
        // On two cores the JIT takes minutes of load before the rate levels off: without this, the first load
        // measured (the spread one) ran at about half the rate of later ones, which flattered every ratio after it.
        HttpWriteLoad.Interval jit = load.run(c -> TrackerWriteMix.spread(4_000 + c), jvmWarmUp, jvmWarmUp, i -> { });
        context.log("hot-state: JVM warm-up, spread over 16 states: " + SoakScenario.describe(jit));
        settle(context.spring(), readModels);
        Load spreadBefore = measure(load, warmUp, time, c -> TrackerWriteMix.spread(5_000 + c));
        context.log("hot-state: spread over 16 states: " + spreadBefore.describe());

        List<long[]> measuredLevels = new ArrayList<>();
        List<Load> hotLoads = new ArrayList<>();
        long filled = 0;
        long written = 0; // facts the hot loads themselves added to the state
        Load first = null;
        Load last = null;
        for (long level : levels) {
            long missing = level - (perState + filled + written);
            if (missing > 0) {
                long began = System.nanoTime();
                fill(context.spring(), state, norm, missing, fillThreads);
                filled += missing;
                context.log(String.format("hot-state: %,d violation reports recorded against %s under %s in %.1f s",
                        missing, state, norm, (System.nanoTime() - began) / 1e9));
            }
            settle(context.spring(), readModels);
            long facts = perState + filled + written;
            Load hot = measure(load, warmUp, time, c -> TrackerWriteMix.hot(6_000 + c + level, state, norm));
            written += hot.interval().writes() + hot.warmUpWrites();
            context.log(String.format("hot-state: %,d facts in %s: %s", facts, state, hot.describe()));
            measuredLevels.add(new long[] {level, facts});
            hotLoads.add(hot);
            if (first == null) {
                first = hot;
            }
            last = hot;
        }
        // The spread load again, after the hot ones; the faster of its two measures is the baseline.
        settle(context.spring(), readModels);
        Load spreadAfter = measure(load, warmUp, time, c -> TrackerWriteMix.spread(7_000 + c));
        context.log("hot-state: spread over 16 states, again: " + spreadAfter.describe());
        Load spread = spreadAfter.interval().perSecond() > spreadBefore.interval().perSecond() ? spreadAfter
                : spreadBefore;
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < hotLoads.size(); i++) {
            Load hot = hotLoads.get(i);
            long level = measuredLevels.get(i)[0];
            long facts = measuredLevels.get(i)[1];
            long spreadErrors = spreadBefore.interval().errors() + spreadAfter.interval().errors();
            String errors = hot.interval().errors() + spreadErrors == 0 ? ""
                    : String.format("ERRORS %,d failed writes (first: %s); ", hot.interval().errors()
                    + spreadErrors, hot.interval().firstError() != null ? hot.interval().firstError()
                    : spreadBefore.interval().firstError() != null ? spreadBefore.interval().firstError()
                    : spreadAfter.interval().firstError());
            figures.add(Figure.of(String.format("HTTP writes to one state and one norm, %,d facts in the state",
                            level), hot.interval().perSecond(), "writes/s")
                    .withBaseline("HTTP writes spread over 16 states and 11 norms (the faster of two measures, "
                            + "before and after)", spread.interval().perSecond())
                    .withTarget(Figure.Target.ratioAtLeast(0.8))
                    .withNote(errors + String.format("%,d facts when measured; p99 %.1f ms (spread %.1f ms); CPU %,.0f"
                                    + " us per write (spread %,.0f); spread before %,.0f, after %,.0f writes/s", facts,
                            hot.interval().millis(99), spread.interval().millis(99), hot.cpuMicrosPerWrite(),
                            spread.cpuMicrosPerWrite(), spreadBefore.interval().perSecond(),
                            spreadAfter.interval().perSecond())));
        }
        if (levels.length > 1) {
            figures.add(Figure.of(String.format("hot state: CPU per write at %,d facts", levels[levels.length - 1]),
                            last.cpuMicrosPerWrite(), "us")
                    .withBaseline(String.format("at %,d facts", levels[0]), first.cpuMicrosPerWrite())
                    .withTarget(Figure.Target.ratioAtMost(1.2))
                    .withNote("process CPU time (application and load) over the measured load, per write"));
        }
        return figures;
    }

    private static Load measure(HttpWriteLoad load, Duration warmUp, Duration time,
                         java.util.function.IntFunction<HttpWriteLoad.Mix> mixes) throws InterruptedException {
        HttpWriteLoad.Interval warm = load.run(mixes, warmUp, warmUp, i -> { });
        long cpu = JvmWatch.processCpuNanos();
        HttpWriteLoad.Interval measured = load.run(mixes, time, time, i -> { });
        double perWrite = (JvmWatch.processCpuNanos() - cpu) / 1e3 / Math.max(1, measured.writes());
        return new Load(measured, perWrite, warm.writes());
    }

    /** Lets the read models catch up and the scorecard keeper finish, so that their work is not measured. */
    private static void settle(ApplicationContext spring, ReadModelProgress readModels) throws InterruptedException {
        if (readModels.awaitCaughtUp(Duration.ofMinutes(10)).isEmpty()) {
            throw new IllegalStateException("the read models did not catch up within 10 minutes");
        }
        ScorecardKeeper keeper = spring.getBean(ScorecardKeeper.class);
        if (keeper.enabled() && !keeper.awaitKept(Duration.ofMinutes(5))) {
            throw new IllegalStateException("the scorecard keeper did not catch up within 5 minutes");
        }
    }

    /** Records {@code count} violation reports against the state under the norm through the command gateway. */
    private static void fill(ApplicationContext spring, String state, String norm, long count, int threads)
            throws InterruptedException {
        CommandGateway gateway = spring.getBean(CommandGateway.class);
        AtomicLong left = new AtomicLong(count);
        List<Thread> workers = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                SecurityContext security = SecurityContextHolder.createEmptyContext();
                security.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "hot-state-fill-" + thread, null, Roles.authorities(Roles.MONITOR)));
                SecurityContextHolder.setContext(security);
                Random random = new Random(thread * 31L + count);
                try {
                    while (left.getAndDecrement() > 0) {
                        LocalDate day = BASE.plusDays(random.nextInt(3_000));
                        gateway.sendAndWait(new ReportViolation(ViolationId.random(), StateCode.of(state),
                                UnGge2015.ID, NormCode.of(norm), day, day.plusDays(2),
                                Severity.values()[random.nextInt(Severity.values().length)],
                                "Intrusion into a ministry's network attributed to " + state, List.of(),
                                "A monitoring body"));
                    }
                } catch (RuntimeException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }, "hot-state-fill-" + t);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("filling the hot state failed", failures.get(0));
        }
    }
}
