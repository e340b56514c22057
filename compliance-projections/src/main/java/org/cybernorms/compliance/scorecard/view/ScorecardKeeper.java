package org.cybernorms.compliance.scorecard.view;

import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.StateCode;
import org.cybernorms.compliance.scorecard.view.ScorecardVersions.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps every state's current answers ready on this node, so that the first read of a state after a rebuild, a
 * restart, new facts or midnight finds them instead of computing them from every one of its facts (which grow with
 * the log): the scorecard as the API shows it (with the state's score for the ranking) and the monthly series of its
 * scores up to today, which answers every monthly history that ends on a month's end or today
 * ({@link ScorecardQueries#keep}).
 *
 * <p>One background thread looks at the versions of the scorecard facts every {@code interval}
 * ({@code compliance.scorecards.keep.interval}, 1 s; one query), and computes the answers of each state whose facts
 * changed, or whose answers were kept for an earlier day, once its facts have not changed for {@code settle}
 * ({@code compliance.scorecards.keep.settle}, 2 s): while facts keep coming for a state, its reads compute their
 * answers as they always did, and the thread does not compete with the writes. It spends at most {@code share}
 * ({@code compliance.scorecards.keep.share}, 0.25) of its time computing: after each state it pauses in proportion.
 * Answers go into this node's {@link ScorecardCache} under the versions they were computed from, exactly as a read
 * would cache them, so a kept answer is never stale: a new fact changes the version, and the answer kept for the old
 * one is no longer found. {@code compliance.scorecards.keep.enabled=false} turns the thread off. {@link #pending()}
 * says how many states wait for their answers.
 */
@Component
public class ScorecardKeeper implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ScorecardKeeper.class);

    /** What was kept for one state: the versions and the day. */
    private record Kept(ScorecardCache.Stamp stamp, LocalDate day) {
    }

    /** One state's versions as last seen, and since when they have not changed. */
    private record Seen(ScorecardCache.Stamp stamp, long sinceNanos) {
    }

    private record Key(String instrument, String state) {
    }

    private final ScorecardVersions versions;
    private final ScorecardQueries queries;
    private final ScorecardCache cache;
    private final Clock clock;
    private final boolean enabled;
    private final Duration interval;
    private final Duration settle;
    private final double share;

    private final Map<Key, Kept> kept = new HashMap<>();
    private final Map<Key, Seen> seen = new HashMap<>();
    private volatile int pending = -1;
    /** When the last pass that finished had begun ({@link System#nanoTime()}), and what it left pending. */
    private volatile long lastPassBegan = System.nanoTime();
    private volatile int lastPassLeft = -1;
    private final Object passes = new Object();
    private volatile Thread thread;
    private volatile boolean running;
    private String lastFailure;

    public ScorecardKeeper(ScorecardVersions versions, ScorecardQueries queries, ScorecardCache cache,
                           ObjectProvider<Clock> clock,
                           @Value("${compliance.scorecards.keep.enabled:true}") boolean enabled,
                           @Value("${compliance.scorecards.keep.interval:1s}") Duration interval,
                           @Value("${compliance.scorecards.keep.settle:2s}") Duration settle,
                           @Value("${compliance.scorecards.keep.share:0.25}") double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("compliance.scorecards.keep.share must be above 0 and at most 1");
        }
        this.versions = versions;
        this.queries = queries;
        this.cache = cache;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.enabled = enabled;
        this.interval = Objects.requireNonNull(interval, "interval");
        this.settle = Objects.requireNonNull(settle, "settle");
        this.share = share;
    }

    /**
     * How many states wait for their answers to be kept, as of the last look at the versions (those whose facts are
     * still changing included); -1 before the first look, or when the keeper is off.
     */
    public int pending() {
        return pending;
    }

    /**
     * Waits until a look at the versions that began after this call has kept every state's answers (nothing left
     * pending), so that facts committed before the call are covered; {@code false} if that has not happened within
     * {@code timeout} (or the keeper is off).
     */
    public boolean awaitKept(Duration timeout) throws InterruptedException {
        long asked = System.nanoTime();
        long deadline = asked + timeout.toNanos();
        synchronized (passes) {
            while (!(lastPassBegan - asked > 0 && lastPassLeft == 0)) {
                long left = deadline - System.nanoTime();
                if (!running || left <= 0) {
                    return false;
                }
                passes.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** Whether the keeper runs ({@code compliance.scorecards.keep.enabled} and the cache both on). */
    public boolean enabled() {
        return enabled && cache.enabled();
    }

    @Override
    public void start() {
        if (!enabled() || running) {
            return;
        }
        running = true;
        Thread worker = new Thread(this::run, "scorecard-keeper");
        worker.setDaemon(true);
        worker.setPriority(Thread.MIN_PRIORITY);
        thread = worker;
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread worker = thread;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
        pending = -1;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                pass();
                lastFailure = null;
            } catch (RuntimeException e) {
                // The database may be going away (shutdown) or be rebuilt under us: try again at the next look.
                String failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (!failure.equals(lastFailure)) {
                    LOG.warn("Keeping scorecards failed; trying again in {}: {}", interval, failure);
                }
                lastFailure = failure;
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One look at the versions, and the answers of every state that is due (paced). */
    void pass() {
        long began = System.nanoTime();
        keepDue();
        synchronized (passes) {
            lastPassBegan = began;
            lastPassLeft = pending;
            passes.notifyAll();
        }
    }

    private void keepDue() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        long nanos = System.nanoTime();
        Map<String, Map<String, Version>> all = versions.all();
        Map<Key, Kept> due = new HashMap<>();
        int waiting = 0;
        for (Map.Entry<String, Map<String, Version>> instrument : all.entrySet()) {
            Version own = instrument.getValue().get(ScorecardVersion.INSTRUMENT);
            for (Map.Entry<String, Version> state : instrument.getValue().entrySet()) {
                if (ScorecardVersion.INSTRUMENT.equals(state.getKey())) {
                    continue;
                }
                Key key = new Key(instrument.getKey(), state.getKey());
                Kept wanted = new Kept(ScorecardCache.Stamp.of(own, state.getValue()), today);
                if (wanted.equals(kept.get(key))) {
                    continue;
                }
                waiting++;
                Seen last = seen.get(key);
                if (last == null || !last.stamp().equals(wanted.stamp())) {
                    // First seen (a rebuild or a restart: due now), or changed since the last look (wait to settle).
                    seen.put(key, new Seen(wanted.stamp(), last == null ? nanos - settle.toNanos() : nanos));
                    last = seen.get(key);
                }
                if (nanos - last.sinceNanos() >= settle.toNanos()) {
                    due.put(key, wanted);
                }
            }
        }
        pending = waiting;
        for (Map.Entry<Key, Kept> state : due.entrySet()) {
            if (Thread.currentThread().isInterrupted()) {
                return; // stopped
            }
            long started = System.nanoTime();
            Key key = state.getKey();
            if (queries.keep(StateCode.of(key.state()), InstrumentId.of(key.instrument()), today, now)) {
                kept.put(key, state.getValue());
                pending = Math.max(0, pending - 1);
            }
            pace(System.nanoTime() - started);
        }
    }

    /** Pauses so that computing takes at most {@code share} of the thread's time. */
    private void pace(long spentNanos) {
        long pause = (long) (spentNanos * (1 - share) / share);
        if (pause <= 0) {
            return;
        }
        try {
            Thread.sleep(pause / 1_000_000, (int) (pause % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
