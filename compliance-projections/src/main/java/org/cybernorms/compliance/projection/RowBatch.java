package org.cybernorms.compliance.projection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows to insert, by table, in the order they were added. Not thread-safe: one batch is filled by one thread. */
public final class RowBatch {

    private final Map<Table, List<Object[]>> rows = new LinkedHashMap<>();
    private int size;
    private long bytes;

    /** Adds one row; {@code values} follow the table's columns. */
    public void add(Table table, Object... values) {
        if (values.length != table.columns().size()) {
            throw new IllegalArgumentException(table.name() + " has " + table.columns().size() + " columns, not "
                    + values.length);
        }
        rows.computeIfAbsent(table, t -> new ArrayList<>()).add(values);
        size++;
        for (Object value : values) {
            bytes += value instanceof byte[] binary ? binary.length
                    : value instanceof String text ? text.length() : 8;
        }
    }

    /**
     * About how many bytes the rows hold: a byte array's length, a text's length, eight for any other value. What a
     * writer commits at once is bounded by it as well as by rows, since one row (a block of facts) can hold kilobytes.
     */
    public long bytes() {
        return bytes;
    }

    public Map<Table, List<Object[]>> byTable() {
        return rows;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }
}
