package org.cybernorms.compliance.projection;

import java.sql.Types;
import java.util.Objects;

/**
 * One column of a read-model table, with the JDBC type its values are bound as ({@link java.sql.Types}).
 *
 * @param sqlType a {@link java.sql.Types} constant; {@code null} values are bound with it too
 */
public record Column(String name, int sqlType) {

    public Column {
        Objects.requireNonNull(name, "name");
    }

    public static Column text(String name) {
        return new Column(name, Types.VARCHAR);
    }

    public static Column bigint(String name) {
        return new Column(name, Types.BIGINT);
    }

    public static Column integer(String name) {
        return new Column(name, Types.INTEGER);
    }

    public static Column date(String name) {
        return new Column(name, Types.DATE);
    }

    /** Bytes: {@code varbinary} on H2, {@code bytea} on PostgreSQL. */
    public static Column bytes(String name) {
        return new Column(name, Types.VARBINARY);
    }

    /** An instant, bound as a timestamp with time zone (UTC). */
    public static Column instant(String name) {
        return new Column(name, Types.TIMESTAMP_WITH_TIMEZONE);
    }
}
