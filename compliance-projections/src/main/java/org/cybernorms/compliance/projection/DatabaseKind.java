package org.cybernorms.compliance.projection;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Locale;

/** Which database a read model's {@link JdbcTemplate} talks to, asked once (statements differ where SQL does). */
public final class DatabaseKind {

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    public DatabaseKind(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True on PostgreSQL; false on the embedded H2 store. */
    public boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = jdbc.execute((ConnectionCallback<Boolean>) connection ->
                    connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres"));
            postgres = known;
        }
        return known;
    }
}
