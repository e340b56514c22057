package org.cybernorms.compliance.benchmark;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Writes over HTTP as a monitoring body's scripts send them: {@code clients} threads, each over one kept-alive
 * HTTP/1.1 connection to loopback, each sending its next request once the answer to the last one has arrived (a
 * closed loop, as {@code wrk} runs). What each client sends comes from its own {@link Mix}, which sees every answer
 * (to follow a created record with the next step of its story).
 *
 * <p>Each client speaks HTTP/1.1 over a plain socket: the JDK's {@code HttpURLConnection} keeps at most five idle
 * connections per host ({@code http.maxConnections}), so sixteen clients would reconnect on most requests. Latencies
 * (request written to answer read) go into an HdrHistogram {@link Recorder}; every {@code interval} the load hands
 * the interval's figures to a listener, which may take its time (the clients keep sending meanwhile).
 */
public final class HttpWriteLoad {

    /** One request: {@code POST path} with a JSON body. */
    public record Request(String path, String json) {
    }

    /** What one client sends. Called from that client's thread only. */
    public interface Mix {
        Request next();

        /** The answer to the last request: its status and body ({@code status} 0 after an I/O error). */
        void answered(Request request, int status, String body);
    }

    /** One interval of the load: requests answered 2xx, errors, and their latencies in microseconds. */
    public record Interval(int index, long writes, long errors, Duration elapsed, Histogram micros,
                           String firstError) {

        public double perSecond() {
            return writes / (elapsed.toNanos() / 1e9);
        }

        public double millis(double percentile) {
            return micros.getTotalCount() == 0 ? 0 : micros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private final int port;
    private final String bearerToken;
    private final int clients;
    private final Duration readTimeout;

    public HttpWriteLoad(int port, String bearerToken, int clients, Duration readTimeout) {
        if (clients < 1) {
            throw new IllegalArgumentException("clients must be positive");
        }
        this.port = port;
        this.bearerToken = bearerToken;
        this.clients = clients;
        this.readTimeout = readTimeout;
    }

    /**
     * Runs the load for {@code duration}, handing every {@code interval} (and the last, shorter one) to
     * {@code listener}; returns the whole run as one interval.
     */
    public Interval run(IntFunction<Mix> mixes, Duration duration, Duration interval, Consumer<Interval> listener)
            throws InterruptedException {
        Recorder recorder = new Recorder(3_600_000_000L, 3);
        LongAdder writes = new LongAdder();
        LongAdder errors = new LongAdder();
        AtomicReference<String> firstError = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Mix mix = mixes.apply(c);
            Thread thread = new Thread(() -> {
                try {
                    drive(mix, deadline, recorder, writes, errors, firstError);
                } finally {
                    done.countDown();
                }
            }, "http-write-load-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        Histogram all = new Histogram(3_600_000_000L, 3);
        long allWrites = 0;
        long allErrors = 0;
        long intervalStart = start;
        int index = 0;
        Histogram recycled = null;
        try {
            while (true) {
                long next = Math.min(deadline, intervalStart + interval.toNanos());
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    done.await(wait, java.util.concurrent.TimeUnit.NANOSECONDS);
                }
                boolean last = System.nanoTime() >= deadline || done.getCount() == 0;
                if (last) {
                    done.await(readTimeout.toMillis() * 2, java.util.concurrent.TimeUnit.MILLISECONDS);
                }
                long now = System.nanoTime();
                Histogram micros = recorder.getIntervalHistogram(recycled);
                long w = writes.sumThenReset();
                long e = errors.sumThenReset();
                all.add(micros);
                allWrites += w;
                allErrors += e;
                listener.accept(new Interval(++index, w, e, Duration.ofNanos(now - intervalStart), micros.copy(),
                        firstError.get()));
                recycled = micros;
                intervalStart = now;
                if (last) {
                    break;
                }
            }
        } finally {
            threads.forEach(Thread::interrupt);
        }
        return new Interval(0, allWrites, allErrors, Duration.ofNanos(System.nanoTime() - start), all,
                firstError.get());
    }

    private void drive(Mix mix, long deadline, Recorder recorder, LongAdder writes, LongAdder errors,
                       AtomicReference<String> firstError) {
        Connection connection = null;
        try {
            while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
                Request request = mix.next();
                long sent = System.nanoTime();
                int status;
                String body;
                try {
                    if (connection == null) {
                        connection = new Connection(port, readTimeout);
                    }
                    Connection.Answer answer = connection.post(request, bearerToken);
                    status = answer.status();
                    body = answer.body();
                    if (answer.close()) {
                        connection.close();
                        connection = null;
                    }
                } catch (IOException e) {
                    status = 0;
                    body = e.toString();
                    if (connection != null) {
                        connection.close();
                    }
                    connection = null;
                }
                recorder.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                if (status >= 200 && status < 300) {
                    writes.increment();
                } else {
                    errors.increment();
                    firstError.compareAndSet(null, status + " from " + request.path() + ": "
                            + body.substring(0, Math.min(200, body.length())));
                }
                mix.answered(request, status, body);
            }
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
    }

    /** One kept-alive HTTP/1.1 connection to loopback. */
    static final class Connection implements AutoCloseable {

        record Answer(int status, String body, boolean close) {
        }

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final String host;

        Connection(int port, Duration readTimeout) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis()));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
            host = "127.0.0.1:" + port;
        }

        Answer post(Request request, String bearerToken) throws IOException {
            byte[] body = request.json().getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(256)
                    .append("POST ").append(request.path()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(host).append("\r\n")
                    .append("Content-Type: application/json\r\nAccept: application/json\r\n");
            if (bearerToken != null) {
                head.append("Authorization: Bearer ").append(bearerToken).append("\r\n");
            }
            head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
            byte[] message = new byte[headBytes.length + body.length];
            System.arraycopy(headBytes, 0, message, 0, headBytes.length);
            System.arraycopy(body, 0, message, headBytes.length, body.length);
            out.write(message);
            out.flush();
            return read();
        }

        private Answer read() throws IOException {
            String statusLine = line();
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP answer: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> {
                    }
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream(1024);
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    copy(size, body);
                    line(); // the CRLF after the chunk
                }
                for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                    // trailers are ignored
                }
            } else if (length >= 0) {
                copy(length, body);
            } else if (status != 204 && status != 304) {
                in.transferTo(body); // no length: the body ends with the connection
                close = true;
            }
            return new Answer(status, body.toString(StandardCharsets.UTF_8), close);
        }

        private void copy(long count, ByteArrayOutputStream to) throws IOException {
            byte[] buffer = new byte[(int) Math.min(8192, Math.max(1, count))];
            long left = count;
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    throw new IOException("the connection closed within a body");
                }
                to.write(buffer, 0, read);
                left -= read;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) c);
            }
            throw new IOException("the connection closed");
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
