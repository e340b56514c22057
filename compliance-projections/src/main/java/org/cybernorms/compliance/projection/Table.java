package org.cybernorms.compliance.projection;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** A read-model table as the bulk rebuild writes it: its name and the columns of each inserted row, in order. */
public record Table(String name, List<Column> columns) {

    public Table {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs columns");
        }
    }

    public static Table of(String name, Column... columns) {
        return new Table(name, List.of(columns));
    }

    /** {@code insert into <name> (<columns>) values (?, ..., ?)}. */
    public String insertSql() {
        return "insert into " + name + " ("
                + columns.stream().map(Column::name).collect(Collectors.joining(", "))
                + ") values (" + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }
}
