package org.cybernorms.compliance.benchmark;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.cybernorms.compliance.commitment.api.CommitmentCommands.FulfilCommitment;
import org.cybernorms.compliance.commitment.api.CommitmentCommands.MakeCommitment;
import org.cybernorms.compliance.commitment.api.CommitmentCommands.ReportCommitmentProgress;
import org.cybernorms.compliance.commitment.api.CommitmentId;
import org.cybernorms.compliance.instrument.UnGge2015;
import org.cybernorms.compliance.participation.api.ParticipationCommands.PledgeNorm;
import org.cybernorms.compliance.participation.api.ParticipationCommands.WithdrawPledge;
import org.cybernorms.compliance.participation.api.PledgeId;
import org.cybernorms.compliance.runtime.InstrumentSeeder;
import org.cybernorms.compliance.runtime.ReadYourWrites;
import org.cybernorms.compliance.security.Roles;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.cybernorms.compliance.violation.api.Severity;
import org.cybernorms.compliance.violation.api.ViolationCommands.ConfirmViolation;
import org.cybernorms.compliance.violation.api.ViolationCommands.DismissViolation;
import org.cybernorms.compliance.violation.api.ViolationCommands.RemedyViolation;
import org.cybernorms.compliance.violation.api.ViolationCommands.ReportViolation;
import org.cybernorms.compliance.violation.api.ViolationCommands.RespondToViolation;
import org.cybernorms.compliance.violation.api.ViolationCommands.StartReview;
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
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * A command load: {@code clients} threads send a realistic mix of commands through the application's real
 * {@link CommandGateway} (the same gateway the HTTP controllers reach through {@code FactRecorder}), each waiting for
 * its command to be validated and stored before it sends the next. Bounded both in commands and in time: the run
 * stops when {@code maxCommands} have been sent, or when {@code maxTime} has passed, whichever comes first.
 *
 * <p>The mix, per client, interleaves stories on aggregates of its own (so that clients do not contend on one
 * aggregate and every command is valid):
 * <ul>
 *     <li>a violation report: report, start review, the state's reply, then confirm and remedy, or dismiss
 *     (5 or 4 commands; the report asks the norm catalog);</li>
 *     <li>a commitment: make (asks the norm catalog), report progress, fulfil (3 commands);</li>
 *     <li>a pledge: pledge (asks the norm catalog), and one in four is withdrawn later (1 or 2 commands).</li>
 * </ul>
 * About 40% of commands create an aggregate, 60% load one. Every command runs as an authenticated {@code MONITOR}
 * (as through HTTP), so the actor metadata is added as in production. Commands go to {@code un-gge-2015}, which the
 * run seeds if the store does not have it yet.
 *
 * <p>With {@link Options#readYourWrites()} each command is also followed by {@link ReadYourWrites#awaitReadModels()},
 * as an HTTP write is; by default only validation and storage are measured (the read models still run, on the same
 * cores).
 */
public final class CommandLoad {

    /** The outcome of a run. {@code commandsPerSecond} counts succeeded commands over the measured wall time. */
    public record Result(int clients, long succeeded, long failed, Duration elapsed, double commandsPerSecond,
                         Map<String, Long> perCommand, long p50Micros, long p99Micros, List<String> firstFailures) {

        @Override
        public String toString() {
            return String.format("%d clients: %d commands in %.2f s = %.0f commands/s (failed %d, p50 %.1f ms,"
                            + " p99 %.1f ms) %s%s", clients, succeeded, elapsed.toNanos() / 1e9, commandsPerSecond,
                    failed, p50Micros / 1000.0, p99Micros / 1000.0, perCommand,
                    firstFailures.isEmpty() ? "" : " first failures: " + firstFailures);
        }
    }

    /** How to run: {@code readYourWrites} waits for the read models after each command; {@code seed} fixes the mix. */
    public record Options(boolean readYourWrites, long seed) {
        public static Options defaults() {
            return new Options(false, 42);
        }
    }

    private static final InstrumentId INSTRUMENT = UnGge2015.ID;
    private static final List<NormCode> NORMS = Arrays.stream("abcdefghijk".split(""))
            .map(letter -> NormCode.of("13" + letter)).toList();
    private static final List<StateCode> STATES = List.of("FRA", "DEU", "USA", "RUS", "CHN", "GBR", "EST", "SGP",
            "KEN", "BRA", "IND", "JPN", "AUS", "NLD", "GHA", "MEX").stream().map(StateCode::of).toList();
    /** Every date is in the past and after the instrument's adoption (2015-07-22). */
    private static final LocalDate BASE = LocalDate.of(2019, 1, 1);

    private CommandLoad() {
    }

    /** Runs the load with {@link Options#defaults()}. */
    public static Result run(ApplicationContext context, int clients, int maxCommands, Duration maxTime) {
        return run(context, clients, maxCommands, maxTime, Options.defaults());
    }

    public static Result run(ApplicationContext context, int clients, int maxCommands, Duration maxTime,
                             Options options) {
        if (clients < 1 || maxCommands < 1) {
            throw new IllegalArgumentException("clients and maxCommands must be positive");
        }
        CommandGateway gateway = context.getBean(CommandGateway.class);
        ReadYourWrites readYourWrites = options.readYourWrites() ? context.getBean(ReadYourWrites.class) : null;
        context.getBean(InstrumentSeeder.class).seed(); // no-op when un-gge-2015 is there

        AtomicInteger tickets = new AtomicInteger(maxCommands);
        LongAdder succeeded = new LongAdder();
        LongAdder failed = new LongAdder();
        Map<String, LongAdder> perCommand = new ConcurrentHashMap<>();
        List<String> failures = new ArrayList<>();
        long[][] latencies = new long[clients][];
        CountDownLatch start = new CountDownLatch(1);
        long[] deadlineHolder = new long[1];

        ExecutorService pool = Executors.newFixedThreadPool(clients, runnable -> {
            Thread thread = new Thread(runnable);
            thread.setName("command-load-" + thread.getId());
            thread.setDaemon(true);
            return thread;
        });
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                SecurityContext security = SecurityContextHolder.createEmptyContext();
                security.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "command-load-" + client, null, Roles.authorities(Roles.MONITOR)));
                SecurityContextHolder.setContext(security);
                Client mix = new Client(new Random(options.seed() * 1_000 + client));
                long[] own = new long[Math.max(16, maxCommands / clients * 2)];
                int count = 0;
                try {
                    start.await();
                    long deadline = deadlineHolder[0];
                    while (System.nanoTime() < deadline && tickets.getAndDecrement() > 0) {
                        Object command = mix.next();
                        long began = System.nanoTime();
                        try {
                            gateway.sendAndWait(command);
                            if (readYourWrites != null) {
                                readYourWrites.awaitReadModels();
                            }
                            succeeded.increment();
                            perCommand.computeIfAbsent(command.getClass().getSimpleName(), k -> new LongAdder())
                                    .increment();
                        } catch (RuntimeException e) {
                            failed.increment();
                            synchronized (failures) {
                                if (failures.size() < 5) {
                                    failures.add(command.getClass().getSimpleName() + ": " + e);
                                }
                            }
                        }
                        if (count == own.length) {
                            own = Arrays.copyOf(own, own.length * 2);
                        }
                        own[count++] = (System.nanoTime() - began) / 1_000;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    latencies[client] = Arrays.copyOf(own, count);
                    SecurityContextHolder.clearContext();
                }
            }));
        }
        long began = System.nanoTime();
        deadlineHolder[0] = began + maxTime.toNanos();
        start.countDown();
        try {
            for (Future<?> future : futures) {
                future.get(maxTime.toMillis() + 60_000, TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            pool.shutdownNow();
            throw new IllegalStateException("command load did not finish", e);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - began);
        pool.shutdown();

        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        Map<String, Long> counts = new TreeMap<>();
        perCommand.forEach((name, adder) -> counts.put(name, adder.sum()));
        double seconds = elapsed.toNanos() / 1e9;
        return new Result(clients, succeeded.sum(), failed.sum(), elapsed, succeeded.sum() / seconds, counts,
                percentile(all, 0.50), percentile(all, 0.99), List.copyOf(failures));
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }

    /**
     * One client's stories. Keeps a few open stories and advances a random one, so that an aggregate is loaded a
     * few commands after its previous command (as in real traffic), not straight after.
     */
    private static final class Client {

        private static final int OPEN_STORIES = 4;

        private final Random random;
        private final List<Story> open = new ArrayList<>();

        Client(Random random) {
            this.random = random;
        }

        Object next() {
            while (open.size() < OPEN_STORIES) {
                open.add(newStory());
            }
            int index = random.nextInt(open.size());
            Story story = open.get(index);
            Object command = story.steps.get(story.next++).get();
            if (story.next == story.steps.size()) {
                open.remove(index);
            }
            return command;
        }

        private Story newStory() {
            int kind = random.nextInt(10);
            StateCode state = STATES.get(random.nextInt(STATES.size()));
            NormCode norm = NORMS.get(random.nextInt(NORMS.size()));
            LocalDate day = BASE.plusDays(random.nextInt(1_000));
            List<Supplier<Object>> steps = new ArrayList<>();
            if (kind < 4) {
                ViolationId id = ViolationId.random();
                Severity severity = Severity.values()[random.nextInt(Severity.values().length)];
                steps.add(() -> new ReportViolation(id, state, INSTRUMENT, norm, day, day.plusDays(3), severity,
                        "Malicious activity against critical infrastructure attributed to " + state,
                        List.of("https://example.org/advisory/" + id), "A monitoring body"));
                steps.add(() -> new StartReview(id, day.plusDays(10)));
                steps.add(() -> new RespondToViolation(id, day.plusDays(20), "We reject the attribution."));
                if (random.nextInt(4) == 0) {
                    steps.add(() -> new DismissViolation(id, day.plusDays(60), "Insufficient evidence"));
                } else {
                    steps.add(() -> new ConfirmViolation(id, day.plusDays(60), "Attributed by several governments"));
                    steps.add(() -> new RemedyViolation(id, day.plusDays(200), "Service restored"));
                }
            } else if (kind < 7) {
                CommitmentId id = CommitmentId.random();
                steps.add(() -> new MakeCommitment(id, state, INSTRUMENT, norm, "Adopt a protection strategy", day,
                        day.plusDays(365)));
                steps.add(() -> new ReportCommitmentProgress(id, day.plusDays(100), "Draft strategy published"));
                steps.add(() -> new FulfilCommitment(id, day.plusDays(300), "Strategy adopted by decree"));
            } else {
                PledgeId id = PledgeId.random();
                steps.add(() -> new PledgeNorm(id, state, INSTRUMENT, norm, day,
                        "We will observe norm " + norm + "."));
                if (random.nextInt(4) == 0) {
                    steps.add(() -> new WithdrawPledge(id, state, day.plusDays(500)));
                }
            }
            return new Story(steps);
        }
    }

    private static final class Story {
        final List<Supplier<Object>> steps;
        int next;

        Story(List<Supplier<Object>> steps) {
            this.steps = steps;
        }
    }
}
