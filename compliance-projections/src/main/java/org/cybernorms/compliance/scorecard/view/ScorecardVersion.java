package org.cybernorms.compliance.scorecard.view;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.FractionalSeconds;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * How far the facts of one state (or of the instrument itself) under one instrument have got: how many fact rows
 * there are, the highest log position and the latest recorded instant among them, and a generation drawn at random
 * whenever the row is created (so a reset or a bulk rebuild, which recreate the rows, never repeat an earlier
 * version). Kept by {@link ScorecardVersions} in the same transaction as the fact rows; read with plain JDBC. This
 * class exists so that Hibernate creates the table on the embedded store and validates it on PostgreSQL (migration
 * V3).
 */
@Entity
@Table(name = "rm_scorecard_version")
@IdClass(ScorecardVersion.Key.class)
public class ScorecardVersion {

    /** The {@code state_code} of the row that counts the instrument's own facts. */
    public static final String INSTRUMENT = "";

    @Id
    @Column(name = "instrument_id", nullable = false, length = 63)
    private String instrumentId;
    /** ISO 3166-1 alpha-3, or {@link #INSTRUMENT} for the instrument's own facts. */
    @Id
    @Column(name = "state_code", nullable = false, length = 3)
    private String stateCode;
    @Column(name = "fact_count", nullable = false)
    private long factCount;
    @Column(name = "last_position", nullable = false)
    private long lastPosition;
    @FractionalSeconds(9)
    @Column(name = "last_recorded_at", nullable = false)
    private Instant lastRecordedAt;
    @Column(name = "generation", nullable = false)
    private long generation;

    protected ScorecardVersion() {
    }

    /** The primary key: instrument and state. */
    public static class Key implements Serializable {
        private String instrumentId;
        private String stateCode;

        protected Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(instrumentId, k.instrumentId)
                    && Objects.equals(stateCode, k.stateCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(instrumentId, stateCode);
        }
    }
}
