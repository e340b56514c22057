package org.cybernorms.compliance.runtime.persistence;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.BinaryJdbcType;

/**
 * PostgreSQL without large objects. Axon's entries (event payload and metadata, snapshots, tokens, sagas, dead
 * letters) are {@code @Lob byte[]}, which Hibernate 6 maps to {@code oid} on PostgreSQL: the bytes then live in
 * {@code pg_largeobject}, outside the row, are not removed with it and need {@code lo_*} calls in a transaction. This
 * dialect maps {@code BLOB} to {@code bytea} (stored in the row, TOASTed when large) and binds it as plain bytes.
 * The Flyway migrations create those columns as {@code bytea}; {@code ddl-auto=validate} checks that they agree.
 */
public class ByteaPostgreSQLDialect extends PostgreSQLDialect {

    @Override
    protected String columnType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.columnType(sqlTypeCode);
    }

    @Override
    protected String castType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.castType(sqlTypeCode);
    }

    @Override
    public void contributeTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
        super.contributeTypes(typeContributions, serviceRegistry);
        typeContributions.getTypeConfiguration().getJdbcTypeRegistry()
                .addDescriptor(SqlTypes.BLOB, BinaryJdbcType.INSTANCE);
    }
}
