package org.cybernorms.compliance.assistance.view;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.FractionalSeconds;

import java.time.Instant;

/**
 * How far the assistance facts have got: how many fact rows there are, the highest log position and the latest
 * recorded instant among them, and a generation drawn at random whenever the row is created (so a reset or a bulk
 * rebuild, which create it again, never repeat an earlier version). One row, {@link #ALL}, for every assistance fact:
 * a fact concerns two parties (the requester and the offeror), so rows per party, updated by the processor's two
 * segments in their own orders, could deadlock; one row cannot. Kept by {@link AssistanceVersions} in the same
 * transaction as the fact rows; read with plain JDBC. This class exists so that Hibernate creates the table on the
 * embedded store and validates it on PostgreSQL (migration V4).
 */
@Entity
@Table(name = "rm_assistance_version")
public class AssistanceVersion {

    /** The {@code scope} of the one row: every assistance fact. */
    public static final String ALL = "all";

    @Id
    @Column(name = "scope", nullable = false, length = 16)
    private String scope;
    @Column(name = "fact_count", nullable = false)
    private long factCount;
    @Column(name = "last_position", nullable = false)
    private long lastPosition;
    @FractionalSeconds(9)
    @Column(name = "last_recorded_at", nullable = false)
    private Instant lastRecordedAt;
    @Column(name = "generation", nullable = false)
    private long generation;

    protected AssistanceVersion() {
    }
}
