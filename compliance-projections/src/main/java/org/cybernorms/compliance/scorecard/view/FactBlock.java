package org.cybernorms.compliance.scorecard.view;

import jakarta.persistence.Column;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.FractionalSeconds;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The table of the scorecard facts, as JPA declares it (the schema on H2 comes from the entities; on PostgreSQL from
 * the Flyway migrations, which this must match): one row per state (or instrument, state {@code ''}) and block of
 * {@value FactBlocks#POSITIONS_PER_BLOCK} log positions, its facts in one binary value ({@link FactBlocks}), with how
 * many there are, the highest position and the latest recorded instant among them (what a version row counts). Read
 * and written with plain JDBC ({@link ScorecardFactWriter}, {@link ScorecardFactReader}, {@link ScorecardFactsBulk}).
 *
 * <p>One row per block instead of one per fact: a rebuild writes some twenty times fewer rows, which on H2 cost more to
 * write than the log costs to read (docs/benchmarks.md, "Scorecard facts in blocks"), and a state's facts are read from
 * a few rows that lie together.
 */
@Entity
@Table(name = "rm_scorecard_fact_block")
@IdClass(FactBlock.Key.class)
public class FactBlock {

    /** The primary key: instrument, state ({@code ''} for the instrument's own facts), block number. */
    public static class Key implements Serializable {
        private String instrumentId;
        private String stateCode;
        private long blockNo;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(instrumentId, key.instrumentId)
                    && Objects.equals(stateCode, key.stateCode) && blockNo == key.blockNo;
        }

        @Override
        public int hashCode() {
            return Objects.hash(instrumentId, stateCode, blockNo);
        }
    }

    @Id
    @Column(name = "instrument_id", length = 63)
    private String instrumentId;
    @Id
    @Column(name = "state_code", length = 3)
    private String stateCode;
    @Id
    @Column(name = "block_no")
    private long blockNo;
    @Column(name = "fact_count", nullable = false)
    private int factCount;
    @Column(name = "last_position", nullable = false)
    private long lastPosition;
    @FractionalSeconds(9)
    @Column(name = "last_recorded_at", nullable = false)
    private Instant lastRecordedAt;
    // VARBINARY of H2's largest size, not a LOB: H2 keeps a LOB of more than 256 bytes apart from its row, and every
    // rewrite of a block made a new LOB and left the old one to H2's LOB cleaner (docs/benchmarks.md, "Replay: why the
    // bulk rebuild exists"). Hibernate would make any byte[] longer than 1 MiB a LOB on H2, hence the definition, which
    // only H2's schema (ddl-auto) uses; on PostgreSQL the column is bytea (Flyway V6), which validates as the same JDBC
    // type.
    @JdbcTypeCode(SqlTypes.VARBINARY)
    @Column(name = "facts", nullable = false, columnDefinition = "varbinary")
    private byte[] facts;

    protected FactBlock() {
    }
}
