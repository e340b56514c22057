package org.cybernorms.compliance.idempotency;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;

/** The remembered requests. */
public interface IdempotencyRecords extends JpaRepository<IdempotencyRecord, String> {

    @Modifying
    @Transactional
    @Query("delete from IdempotencyRecord r where r.createdAt < :cutoff")
    int deleteOlderThan(Instant cutoff);
}
