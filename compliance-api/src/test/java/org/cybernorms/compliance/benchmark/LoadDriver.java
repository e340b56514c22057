package org.cybernorms.compliance.benchmark;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * A closed-loop HTTP load driver for loopback reads: a few threads send requests one after another, each thread
 * waiting for its answer, until {@code requests} were sent or {@code duration} has passed, whichever comes first.
 * Latencies (request sent to body read) go into an HdrHistogram, in microseconds.
 *
 * <p>Each thread sends its requests itself, with blocking I/O. The JDK's {@code HttpClient.sendAsync} completes every
 * answer through {@code CompletableFuture}'s default executor, which on a machine of two cores (a common pool of
 * parallelism 1) starts a new thread per task: it would create a thread for every request, in the JVM that also runs
 * the application, and measure its cost as part of every request.
 */
public final class LoadDriver {

    /** The outcome of one run. */
    public record Result(Histogram micros, long requests, long errors, Duration elapsed, String firstError,
                         List<Request> slowest) {

        /** A percentile in milliseconds. */
        public double millis(double percentile) {
            return micros.getValueAtPercentile(percentile) / 1000.0;
        }

        public double perSecond() {
            return requests / Math.max(1e-9, elapsed.toNanos() / 1e9);
        }

        public String describe() {
            return String.format((errors == 0 ? "" : "ERRORS: ") + "%,d requests in %.1f s (%,.0f/s), p50 %.2f ms, p99 %.2f ms, max %.2f ms%s",
                    requests, elapsed.toNanos() / 1e9, perSecond(), millis(50), millis(99),
                    micros.getMaxValue() / 1000.0, errors == 0 ? "" : ", " + errors + " errors (" + firstError + ")");
        }
    }

    /**
     * One request: its index (the argument its URL was made from), when it was sent (milliseconds after the run
     * started) and its latency.
     */
    public record Request(int index, long sentMillis, long micros) {
    }

    /** How many of the slowest requests a result names ({@link Result#slowest()}, slowest first). */
    static final int SLOWEST = 5;

    private final int threads;
    private final Duration requestTimeout;

    public LoadDriver(int threads, Duration requestTimeout) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive");
        }
        this.threads = threads;
        this.requestTimeout = requestTimeout;
    }

    /** One answer: its status and body (the body only of an answer other than 200). */
    private record Answer(int status, byte[] body) {
    }

    private static final byte[] EMPTY = new byte[0];
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[64 * 1024]);

    /**
     * One GET on this thread, over a kept-alive connection (the JDK's HttpURLConnection: plain blocking sockets,
     * bounded by socket timeouts, so no other thread has to be alive for an answer to arrive or a timeout to fire).
     * The body is read to its end, which hands the connection back for the next request.
     */
    private Answer call(URI uri, String bearerToken) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout((int) Math.min(Integer.MAX_VALUE, requestTimeout.toMillis()));
        connection.setRequestProperty("Accept", "application/json");
        if (bearerToken != null) {
            connection.setRequestProperty("Authorization", "Bearer " + bearerToken);
        }
        int status = connection.getResponseCode();
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        if (in == null) {
            return new Answer(status, new byte[0]);
        }
        try (in) {
            if (status != 200) {
                return new Answer(status, in.readAllBytes());
            }
            // A good answer is read to its end into this thread's scratch buffer and let go: the driver runs in the
            // application's JVM, and reading every answer into new arrays (readAllBytes: about three times the
            // body, some 100 KB for a scorecard) was garbage the application's collector paid for, in its pauses.
            byte[] scratch = SCRATCH.get();
            while (in.read(scratch) >= 0) {
                // discarded
            }
            return new Answer(status, EMPTY);
        }
    }

    /**
     * Sends GET requests to the URLs {@code url} gives for 0, 1, 2... (only to 127.0.0.1 or localhost), at most
     * {@code requests} of them and for at most {@code duration}.
     */
    public Result get(IntFunction<String> url, String bearerToken, int requests, Duration duration)
            throws InterruptedException {
        AtomicLong issued = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "bench-load");
            thread.setDaemon(true);
            return thread;
        });
        List<Future<Histogram>> workers = new ArrayList<>();
        PriorityQueue<Request> slowest = new PriorityQueue<>(Comparator.comparingLong(Request::micros));
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                Histogram histogram = new Histogram(3_600_000_000L, 3);
                while (System.nanoTime() < deadline) {
                    long index = issued.getAndIncrement();
                    if (index >= requests) {
                        break;
                    }
                    URI uri = URI.create(url.apply((int) index));
                    if (!"127.0.0.1".equals(uri.getHost()) && !"localhost".equals(uri.getHost())) {
                        throw new IllegalArgumentException("the load driver only calls loopback: " + uri);
                    }
                    long sent = System.nanoTime();
                    try {
                        Answer answer = call(uri, bearerToken);
                        if (answer.status() != 200) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, answer.status() + " from " + uri.getPath() + ": "
                                    + new String(answer.body(), 0, Math.min(200, answer.body().length),
                                    StandardCharsets.UTF_8));
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e + " from " + uri.getPath());
                    }
                    long micros = Math.max(1, (System.nanoTime() - sent) / 1000);
                    histogram.recordValue(micros);
                    synchronized (slowest) {
                        slowest.add(new Request((int) index, (sent - start) / 1_000_000, micros));
                        if (slowest.size() > SLOWEST) {
                            slowest.poll();
                        }
                    }
                }
                return histogram;
            }));
        }
        Histogram all = new Histogram(3_600_000_000L, 3);
        try {
            for (Future<Histogram> worker : workers) {
                long left = Math.max(0, deadline - System.nanoTime()) + requestTimeout.toNanos() * 2;
                all.add(worker.get(left, TimeUnit.NANOSECONDS));
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the load driver's threads did not finish within their bounds", e);
        } finally {
            pool.shutdownNow();
        }
        List<Request> named;
        synchronized (slowest) {
            named = new ArrayList<>(slowest);
        }
        named.sort(Comparator.comparingLong(Request::micros).reversed());
        return new Result(all, all.getTotalCount(), errors.get(), Duration.ofNanos(System.nanoTime() - start),
                firstError.get(), List.copyOf(named));
    }
}
