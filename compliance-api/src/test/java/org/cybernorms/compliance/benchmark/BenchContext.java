package org.cybernorms.compliance.benchmark;

import org.springframework.context.ApplicationContext;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a scenario runs against: the running application (its Spring context, base URL and tokens), the store and the
 * size of the generated log it holds, the log's summary, settings from system properties, and where to write.
 * A scenario that does not need the application gets a context where {@link #application()} is null.
 */
public final class BenchContext {

    private final BenchApplication application;
    private final long size;
    private final LogSummary log;
    private final Path resultsDir;
    private final Consumer<String> out;
    private final HttpClient http;
    private final java.util.function.BiConsumer<String, String> attachments;

    BenchContext(BenchApplication application, long size, LogSummary log, Path resultsDir, Consumer<String> out,
                 java.util.function.BiConsumer<String, String> attachments) {
        this.attachments = attachments;
        this.application = application;
        this.size = size;
        this.log = log;
        this.resultsDir = resultsDir;
        this.out = out;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The running application; null for a scenario that does not need one. */
    public BenchApplication application() {
        return application;
    }

    /** The application's Spring context: its beans (the event store, the processors, the data source...). */
    public ApplicationContext spring() {
        return requireApplication().context();
    }

    /** {@code http://127.0.0.1:<port>} of the running application. */
    public String baseUrl() {
        return requireApplication().baseUrl();
    }

    public BenchApplication.Tokens tokens() {
        return requireApplication().tokens();
    }

    /** h2 or postgres; null without an application. */
    public BenchApplication.Store store() {
        return application == null ? null : application.store();
    }

    /** How many generated events the store holds (besides the seeded instrument); 0 without an application. */
    public long size() {
        return size;
    }

    /** What the generated log holds (null without an application). */
    public LogSummary log() {
        return log;
    }

    /** A shared HTTP/1.1 client for loopback requests. */
    public HttpClient http() {
        return http;
    }

    /** Where result files go ({@code compliance-api/target/benchmarks}). */
    public Path resultsDir() {
        return resultsDir;
    }

    /** Prints a line of progress (prefixed with the store and size). */
    public void log(String line) {
        out.accept(line);
    }

    /** Adds a block of text (such as JMH's own report) to the results file, under this title. */
    public void attach(String title, String text) {
        attachments.accept(title, text);
    }

    /**
     * Starts another application on the same kind of store, empty but for the seeded instrument, with these
     * properties (such as Axon's defaults, to compare with); the caller closes it.
     */
    public BenchApplication startAnother(Map<String, String> properties) {
        return BenchApplication.start(requireApplication().store(), BenchApplication.Tokens.random(), properties);
    }

    /** A system property {@code bench.<name>}, or the default. */
    public static String setting(String name, String fallback) {
        String value = System.getProperty("bench." + name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    public static long setting(String name, long fallback) {
        return Long.parseLong(setting(name, Long.toString(fallback)).replace("_", ""));
    }

    /** A duration such as {@code 500ms}, {@code 30s}, {@code 60m}, {@code 2h} or ISO-8601 ({@code PT30S}). */
    public static Duration setting(String name, Duration fallback) {
        String value = setting(name, (String) null);
        if (value == null) {
            return fallback;
        }
        String text = value.toLowerCase(java.util.Locale.ROOT);
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        return Duration.parse(text.startsWith("p") ? text : "PT" + text);
    }

    private BenchApplication requireApplication() {
        if (application == null) {
            throw new IllegalStateException("this scenario runs without an application (needsApplication() is false)");
        }
        return application;
    }
}
