package org.cybernorms.compliance.projection;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.regex.Pattern;

/** Operations on a read model's tables as wholes. */
public final class ReadModelTables {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private ReadModelTables() {
    }

    /**
     * Empties a read-model table for a reset, with {@code truncate}: a delete of every row costs as much as writing
     * them did (on H2, deleting a million fact rows took longer than rebuilding them). On PostgreSQL truncate is
     * transactional; on H2 it commits the transaction it runs in, which is harmless in a reset: the reset's other
     * steps (the tokens) are written in a transaction of their own after it, and the replay that follows refills the
     * table.
     */
    public static void truncate(JdbcTemplate jdbc, String table) {
        if (!NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        jdbc.execute("truncate table " + table);
    }
}
