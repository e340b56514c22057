package org.cybernorms.compliance.runtime.rebuild;

import org.cybernorms.compliance.projection.Table;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Drops a read-model table's primary key and secondary indexes before a large bulk insert and builds them again after
 * it. Inserting a million rows into a table with its keys updates each B-tree once per row (on H2, with random event
 * ids as the primary key, each commit rewrote most of its pages); building a key over the loaded table sorts once.
 * The same SQL serves H2 and PostgreSQL; the primary key keeps the name it had (read from the JDBC metadata). A
 * primary key in the log's order ({@link Table#keyInLogOrder()}) stays: the rows arrive in its order, so each insert
 * appends to its last page. (Measured at 10^6 on H2, three rounds each: keeping it, the pass took 19 to 26 s and the
 * other keys 5 s; dropping it and building it again from the ordered rows, the pass took 18 to 20 s and the keys
 * 10 s. A key on the random event ids, before, took 9 to 13 s to build.)
 */
final class DeferredKeys {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** What was dropped from one table, to be built again. */
    record Dropped(Table table, String primaryKeyName) {
    }

    private final JdbcTemplate jdbc;

    DeferredKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Dropped drop(Table table) {
        String primaryKey = primaryKeyName(table.name());
        for (String index : table.indexes().keySet()) {
            jdbc.execute("drop index if exists " + name(index));
        }
        if (primaryKey != null && !table.keyInLogOrder()) {
            jdbc.execute("alter table " + name(table.name()) + " drop constraint " + name(primaryKey));
        }
        return new Dropped(table, primaryKey == null ? table.name() + "_pkey" : primaryKey);
    }

    /** Builds again whatever of the table's keys is missing. */
    void restore(Dropped dropped) {
        Table table = dropped.table();
        if (primaryKeyName(table.name()) == null) {
            jdbc.execute("alter table " + name(table.name()) + " add constraint " + name(dropped.primaryKeyName())
                    + " primary key (" + columns(table.primaryKey()) + ")");
        }
        for (Map.Entry<String, String> index : table.indexes().entrySet()) {
            jdbc.execute("create index if not exists " + name(index.getKey()) + " on " + name(table.name()) + " ("
                    + columns(index.getValue()) + ")");
        }
    }

    /** Whether the table is there, in the current schema. */
    boolean exists(String table) {
        return Boolean.TRUE.equals(metadata(table, (metadata, candidate, connection) -> {
            try (ResultSet tables = metadata.getTables(connection.getCatalog(), connection.getSchema(), candidate,
                    null)) {
                return tables.next() ? true : null;
            }
        }));
    }

    /** The columns of the table's primary key, in key order and lower case; empty if it has none. */
    List<String> primaryKeyColumns(String table) {
        List<String> columns = metadata(table, (metadata, candidate, connection) -> {
            Map<Short, String> inOrder = new TreeMap<>();
            try (ResultSet keys = metadata.getPrimaryKeys(connection.getCatalog(), connection.getSchema(),
                    candidate)) {
                while (keys.next()) {
                    inOrder.put(keys.getShort("KEY_SEQ"), keys.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            return inOrder.isEmpty() ? null : List.copyOf(inOrder.values());
        });
        return columns == null ? List.of() : columns;
    }

    /** The name of the table's primary key constraint in the current schema, or null if it has none. */
    String primaryKeyName(String table) {
        return metadata(table, (metadata, candidate, connection) -> {
            try (ResultSet keys = metadata.getPrimaryKeys(connection.getCatalog(), connection.getSchema(),
                    candidate)) {
                return keys.next() ? keys.getString("PK_NAME") : null;
            }
        });
    }

    /** One question to the JDBC metadata about a table. */
    @FunctionalInterface
    private interface MetadataQuestion<T> {
        /** The answer for the table under this spelling of its name, or null if the metadata has none. */
        T ask(DatabaseMetaData metadata, String candidate, Connection connection) throws SQLException;
    }

    /**
     * The first answer for the table's name as written, then in upper case (H2 keeps unquoted names in upper case,
     * PostgreSQL in lower case), or null.
     */
    private <T> T metadata(String table, MetadataQuestion<T> question) {
        return jdbc.execute((ConnectionCallback<T>) connection -> {
            DatabaseMetaData metadata = connection.getMetaData();
            for (String candidate : List.of(table, table.toUpperCase(Locale.ROOT))) {
                T answer = question.ask(metadata, candidate, connection);
                if (answer != null) {
                    return answer;
                }
            }
            return null;
        });
    }

    private static String name(String identifier) {
        if (!NAME.matcher(identifier).matches()) {
            throw new IllegalArgumentException("not an identifier: " + identifier);
        }
        return identifier;
    }

    private static String columns(String list) {
        StringBuilder columns = new StringBuilder();
        for (String column : list.split(",")) {
            if (!columns.isEmpty()) {
                columns.append(", ");
            }
            columns.append(name(column.trim()));
        }
        return columns.toString();
    }
}
