package org.cybernorms.compliance.benchmark;

import org.cybernorms.compliance.ComplianceTrackerApplication;
import org.cybernorms.compliance.support.TestStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The real application, started for a benchmark: real HTTP server on a random port, on a fresh store of its own
 * (the embedded H2 store in a temporary data directory, or PostgreSQL in a fresh schema {@code bench_<time>_<random>}).
 * Closing it stops the application and deletes its store (the directory, or the schema).
 */
public final class BenchApplication implements AutoCloseable {

    /** Which event store the application runs on. */
    public enum Store {
        H2, POSTGRES;

        public static Store parse(String name) {
            return switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "h2", "embedded" -> H2;
                case "postgres", "postgresql", "pg" -> POSTGRES;
                default -> throw new IllegalArgumentException("unknown store '" + name + "': use h2 or postgres");
            };
        }

        public String label() {
            return this == H2 ? "h2" : "postgres";
        }
    }

    /** The bearer tokens the application is configured with. */
    public record Tokens(String monitor, String admin, String historian) {
        static Tokens random() {
            return new Tokens("bench-monitor-" + hex(), "bench-admin-" + hex(), "bench-historian-" + hex());
        }

        String configuration() {
            return monitor + "=MONITOR," + admin + "=ADMIN," + historian + "=HISTORIAN";
        }

        private static String hex() {
            return Long.toHexString(ThreadLocalRandom.current().nextLong());
        }
    }

    static final String SCHEMA_PREFIX = "bench_";
    private static final int STALE_HOURS = 12;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);
    private static final AtomicBoolean SWEPT = new AtomicBoolean();

    private final Store store;
    private final Tokens tokens;
    private final Path dataDir;
    private final String schema;
    private final ConfigurableApplicationContext context;
    private final String[] args;

    private BenchApplication(Store store, Tokens tokens, Path dataDir, String schema,
                             ConfigurableApplicationContext context, String[] args) {
        this.args = args;
        this.store = store;
        this.tokens = tokens;
        this.dataDir = dataDir;
        this.schema = schema;
        this.context = context;
    }

    /**
     * Starts the application on a fresh store. {@code properties} are passed as {@code --name=value} arguments after
     * the harness's own (so they win), and after those any of the system property {@code bench.app.args}
     * (space-separated {@code --name=value}).
     */
    public static BenchApplication start(Store store, Tokens tokens, Map<String, String> properties) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("compliance-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String schema = store == Store.POSTGRES ? freshSchema() : null;
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", "0");
        settings.put("compliance.data-dir", dataDir.toString());
        settings.put("compliance.auth.tokens", tokens.configuration());
        settings.put("spring.main.banner-mode", "off");
        settings.put("logging.level.root", "WARN");
        if (schema != null) {
            settings.put("compliance.db.schema", schema);
        }
        settings.putAll(properties);
        List<String> args = new ArrayList<>();
        settings.forEach((name, value) -> args.add("--" + name + "=" + value));
        String extra = System.getProperty("bench.app.args", "").trim();
        if (!extra.isEmpty()) {
            args.addAll(List.of(extra.split("\\s+")));
        }
        String[] arguments = args.toArray(String[]::new);
        try {
            return new BenchApplication(store, tokens, dataDir, schema, run(store, arguments), arguments);
        } catch (RuntimeException e) {
            if (schema != null) {
                dropSchema(schema);
            }
            deleteTree(dataDir);
            throw e;
        }
    }

    private static ConfigurableApplicationContext run(Store store, String[] arguments) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(ComplianceTrackerApplication.class);
        if (store == Store.POSTGRES) {
            builder.profiles("postgres");
        }
        return builder.run(arguments);
    }

    /**
     * Stops this application and starts it again on the same store, with the same settings, as an operator restarts
     * a node: the new application holds nothing in memory from the old one. Use (and close) the returned instance;
     * do not close this one, which would delete the store.
     */
    public BenchApplication restart() {
        context.close();
        return new BenchApplication(store, tokens, dataDir, schema, run(store, args), args);
    }

    public Store store() {
        return store;
    }

    public Tokens tokens() {
        return tokens;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The H2 data directory (also used for scratch files on PostgreSQL). */
    public Path dataDir() {
        return dataDir;
    }

    /** The PostgreSQL schema, or null on H2. */
    public String schema() {
        return schema;
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            if (schema != null) {
                dropSchema(schema);
            }
            deleteTree(dataDir);
        }
    }

    /** A fresh schema name {@code bench_<UTC time>_<random>}; Flyway creates it. Sweeps stale ones first. */
    static String freshSchema() {
        if (SWEPT.compareAndSet(false, true)) {
            sweepStaleSchemas();
        }
        return SCHEMA_PREFIX + LocalDateTime.now(ZoneOffset.UTC).format(STAMP) + "_"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
    }

    static void dropSchema(String schema) {
        if (!schema.startsWith(SCHEMA_PREFIX) || !schema.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("not a benchmark schema: " + schema);
        }
        try (Connection connection = TestStore.connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            System.err.println("[bench] could not drop schema " + schema + ": " + e.getMessage());
        }
    }

    /** Drops the benchmark schemas that a killed run left behind, once they are more than a few hours old. */
    private static void sweepStaleSchemas() {
        String limit = LocalDateTime.now(ZoneOffset.UTC).minusHours(STALE_HOURS).format(STAMP);
        List<String> stale = new ArrayList<>();
        try (Connection connection = TestStore.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select nspname from pg_namespace where nspname like 'bench\\_%'")) {
            while (rows.next()) {
                String[] parts = rows.getString(1).split("_");
                if (parts.length == 3 && parts[1].compareTo(limit) < 0) {
                    stale.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            return;
        }
        stale.forEach(BenchApplication::dropSchema);
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // best effort: a temporary directory
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
