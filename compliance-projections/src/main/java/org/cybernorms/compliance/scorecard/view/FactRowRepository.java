package org.cybernorms.compliance.scorecard.view;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;

/**
 * The facts behind scorecards. Every read is by instrument and state (an index covers instrument, state and log
 * position), so a scorecard costs what that state's own facts cost, never a read of the whole log.
 */
public interface FactRowRepository extends JpaRepository<FactRow, String> {

    /** The instrument's own facts recorded by {@code knownAt}, in recorded order. */
    @Query("""
            select f from FactRow f
            where f.instrumentId = :instrument and f.stateCode is null and f.recordedAt <= :knownAt
            order by f.position""")
    List<FactRow> instrumentFacts(@Param("instrument") String instrument, @Param("knownAt") Instant knownAt);

    /** One state's facts under the instrument recorded by {@code knownAt}, in recorded order. */
    @Query("""
            select f from FactRow f
            where f.instrumentId = :instrument and f.stateCode = :state and f.recordedAt <= :knownAt
            order by f.position""")
    List<FactRow> stateFacts(@Param("instrument") String instrument, @Param("state") String state,
                             @Param("knownAt") Instant knownAt);

    /** Every state's facts under the instrument recorded by {@code knownAt}, by state, then in recorded order. */
    @Query("""
            select f from FactRow f
            where f.instrumentId = :instrument and f.stateCode is not null and f.recordedAt <= :knownAt
            order by f.stateCode, f.position""")
    List<FactRow> allStateFacts(@Param("instrument") String instrument, @Param("knownAt") Instant knownAt);

    /** Whether the instrument was ever created, whatever the time asked about. */
    boolean existsByInstrumentIdAndType(String instrumentId, String type);
}
