package org.cybernorms.compliance.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Which store the tests run on, and the PostgreSQL schemas they use.
 *
 * <p>The build runs compliance-api's tests twice: on the embedded H2 store, and with {@code compliance.test.store=
 * postgres} and the profile {@code postgres} on the PostgreSQL at {@code COMPLIANCE_DB_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}). Every application context on PostgreSQL gets a schema of its own,
 * named {@code ct_<UTC time>_<random>}: created by Flyway at start, dropped when the context closes, so that runs do
 * not see each other's data and a rerun starts clean. Schemas that a killed run left behind are dropped once they
 * are more than {@value #STALE_HOURS} hours old.
 */
public final class TestStore {

    public static final String SCHEMA_PREFIX = "ct_";
    private static final int STALE_HOURS = 6;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);
    private static final AtomicBoolean SWEPT = new AtomicBoolean();
    private static volatile Boolean reachable;

    private TestStore() {
    }

    /** True when this run is the PostgreSQL run. */
    public static boolean postgres() {
        return "postgres".equalsIgnoreCase(System.getProperty("compliance.test.store", "h2"));
    }

    /** True when a PostgreSQL that is not reachable must fail the run rather than skip it (CI). */
    public static boolean postgresRequired() {
        return Boolean.parseBoolean(System.getProperty("compliance.test.postgres-required",
                env("COMPLIANCE_TEST_POSTGRES_REQUIRED", "false")));
    }

    public static String url() {
        return env("COMPLIANCE_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    public static String user() {
        return env("COMPLIANCE_DB_USER", "postgres");
    }

    private static String password() {
        return env("COMPLIANCE_DB_PASSWORD", "");
    }

    /** Whether PostgreSQL answers at {@link #url()} (asked once per JVM, with a short timeout). */
    public static boolean postgresReachable() {
        if (reachable == null) {
            DriverManager.setLoginTimeout(3);
            try (Connection ignored = connect()) {
                reachable = true;
            } catch (SQLException e) {
                reachable = false;
            }
        }
        return reachable;
    }

    /** A fresh schema name (not yet created: Flyway creates it). */
    public static String freshSchema() {
        sweepStaleSchemas();
        return SCHEMA_PREFIX + LocalDateTime.now(ZoneOffset.UTC).format(STAMP) + "_"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
    }

    public static void dropSchema(String schema) {
        if (!schema.startsWith(SCHEMA_PREFIX) || !schema.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("not a test schema: " + schema);
        }
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            System.err.println("[test-store] could not drop schema " + schema + ": " + e.getMessage());
        }
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), password());
    }

    private static void sweepStaleSchemas() {
        if (!SWEPT.compareAndSet(false, true)) {
            return;
        }
        String limit = LocalDateTime.now(ZoneOffset.UTC).minusHours(STALE_HOURS).format(STAMP);
        List<String> stale = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select nspname from pg_namespace where nspname like 'ct\\_%'")) {
            while (rows.next()) {
                String name = rows.getString(1);
                String[] parts = name.split("_");
                if (parts.length == 3 && parts[1].compareTo(limit) < 0) {
                    stale.add(name);
                }
            }
        } catch (SQLException e) {
            return;
        }
        stale.forEach(TestStore::dropSchema);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
