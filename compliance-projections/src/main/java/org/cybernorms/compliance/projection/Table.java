package org.cybernorms.compliance.projection;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A read-model table as the bulk rebuild writes it: its name, the columns of each inserted row, in order, and the
 * keys it has besides its rows: its primary key and its secondary indexes, which a large rebuild drops while it
 * inserts and builds again once, at the end (one sort instead of a B-tree update per row).
 *
 * <p>A primary key that the log's order fills from its end ({@link #keyedInLogOrder}) stays in place during a
 * rebuild: the rows arrive in the log's order, so each insert appends to the key's last page, which costs less than
 * building the key again from a scan of the table afterwards.
 *
 * @param primaryKey    the primary key's columns, comma-separated
 * @param indexes       secondary indexes: name to comma-separated columns, as the schema (JPA entity and migration)
 *                      has them
 * @param keyInLogOrder whether the primary key grows with the log position, so that a rebuild keeps it
 */
public record Table(String name, List<Column> columns, String primaryKey, Map<String, String> indexes,
                    boolean keyInLogOrder) {

    public Table {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(primaryKey, "primaryKey");
        columns = List.copyOf(columns);
        indexes = Map.copyOf(indexes);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs columns");
        }
    }

    /** A table keyed by its first column, without secondary indexes. */
    public static Table of(String name, Column... columns) {
        return new Table(name, List.of(columns), columns[0].name(), Map.of(), false);
    }

    /** The same table with this primary key. */
    public Table keyedBy(String primaryKeyColumns) {
        return new Table(name, columns, primaryKeyColumns, indexes, false);
    }

    /**
     * The same table with this primary key, whose first column is the event's position in the log: a rebuild, which
     * inserts in the log's order, keeps it in place.
     */
    public Table keyedInLogOrder(String primaryKeyColumns) {
        return new Table(name, columns, primaryKeyColumns, indexes, true);
    }

    /** The same table with one more secondary index. */
    public Table withIndex(String indexName, String indexColumns) {
        Map<String, String> more = new java.util.LinkedHashMap<>(indexes);
        more.put(indexName, indexColumns);
        return new Table(name, columns, primaryKey, more, keyInLogOrder);
    }

    /**
     * Binds one row's values, in column order, as parameters 1 to n: {@code null} with the column's type, an
     * {@link java.time.Instant} as a UTC {@link java.time.OffsetDateTime}.
     */
    public void bind(java.sql.PreparedStatement statement, Object[] row) throws java.sql.SQLException {
        for (int i = 0; i < row.length; i++) {
            Object value = row[i];
            int type = columns.get(i).sqlType();
            if (value == null) {
                statement.setNull(i + 1, type);
            } else if (value instanceof java.time.Instant instant) {
                statement.setObject(i + 1, java.time.OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC), type);
            } else {
                statement.setObject(i + 1, value, type);
            }
        }
    }

    /** {@code insert into <name> (<columns>) values (?, ..., ?)}. */
    public String insertSql() {
        return "insert into " + name + " ("
                + columns.stream().map(Column::name).collect(Collectors.joining(", "))
                + ") values (" + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }
}
