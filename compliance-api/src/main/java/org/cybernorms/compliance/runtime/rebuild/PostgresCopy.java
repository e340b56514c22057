package org.cybernorms.compliance.runtime.rebuild;

import org.cybernorms.compliance.projection.Column;
import org.cybernorms.compliance.projection.Table;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Rows into a PostgreSQL table with {@code COPY ... FROM STDIN} (the driver's {@link CopyManager}) instead of
 * inserts: one statement for a whole batch, parsed by the server in bulk. In the same transaction as any insert
 * would be; the table stays logged (WAL-written), so a crash loses no more than an insert would.
 *
 * <p>COPY's text format: columns separated by tabs, rows by newlines, {@code \N} for null, backslash, tab, newline
 * and carriage return escaped. Values as PostgreSQL reads them: numbers and ISO dates as they print, instants in
 * ISO-8601 UTC ({@code 2021-03-05T10:00:00.123Z}, read into {@code timestamp with time zone}), bytes in
 * {@code bytea}'s hex form ({@code \\x0a1b}, the backslash escaped).
 */
final class PostgresCopy {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final CopyManager copy;

    private PostgresCopy(CopyManager copy) {
        this.copy = copy;
    }

    /** COPY through this connection, or null if it is not a PostgreSQL connection. */
    static PostgresCopy of(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class)
                ? new PostgresCopy(connection.unwrap(PGConnection.class).getCopyAPI()) : null;
    }

    void copy(Table table, List<Object[]> rows) throws SQLException {
        StringBuilder text = new StringBuilder(rows.size() * 256);
        for (Object[] row : rows) {
            append(text, row);
        }
        try {
            copy.copyIn(sql(table), new StringReader(text.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + table.name() + " failed", e);
        }
    }

    static String sql(Table table) {
        return "copy " + table.name() + " ("
                + table.columns().stream().map(Column::name).collect(Collectors.joining(", ")) + ") from stdin";
    }

    /** One row in COPY's text format, with its newline. */
    static void append(StringBuilder text, Object[] row) {
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            Object value = row[i];
            if (value == null) {
                text.append("\\N");
            } else if (value instanceof byte[] bytes) {
                // bytea in its hex form, its backslash escaped for COPY's text format
                text.append("\\\\x");
                for (byte b : bytes) {
                    text.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
            } else if (value instanceof String string) {
                escape(text, string);
            } else if (value instanceof Long || value instanceof Integer || value instanceof LocalDate
                    || value instanceof Instant) {
                text.append(value);
            } else {
                throw new IllegalArgumentException("no COPY text form for " + value.getClass().getName());
            }
        }
        text.append('\n');
    }

    private static void escape(StringBuilder text, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}
