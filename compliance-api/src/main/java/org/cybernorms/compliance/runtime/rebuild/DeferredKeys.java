package org.cybernorms.compliance.runtime.rebuild;

import org.cybernorms.compliance.projection.Table;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Drops a read-model table's primary key and secondary indexes before a large bulk insert and builds them again after
 * it. Inserting a million rows into a table with its keys updates each B-tree once per row (on H2, with random event
 * ids as the primary key, each commit rewrote most of its pages); building a key over the loaded table sorts once.
 * The same SQL serves H2 and PostgreSQL; the primary key keeps the name it had (read from the JDBC metadata).
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
        if (primaryKey != null) {
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

    /** The name of the table's primary key constraint in the current schema, or null if it has none. */
    String primaryKeyName(String table) {
        return jdbc.execute((ConnectionCallback<String>) connection -> {
            DatabaseMetaData metadata = connection.getMetaData();
            for (String candidate : List.of(table, table.toUpperCase(Locale.ROOT))) {
                try (ResultSet keys = metadata.getPrimaryKeys(connection.getCatalog(), connection.getSchema(),
                        candidate)) {
                    if (keys.next()) {
                        return keys.getString("PK_NAME");
                    }
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
