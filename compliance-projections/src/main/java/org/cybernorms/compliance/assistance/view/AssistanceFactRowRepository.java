package org.cybernorms.compliance.assistance.view;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The assistance facts. Reads go through an index (requester, offeror, request, offer or event type, each with the
 * log position), so a state's ledger costs what that state's own facts cost.
 */
public interface AssistanceFactRowRepository extends JpaRepository<AssistanceFactRow, String> {

    /** Every fact of the requests {@code state} made, recorded by {@code knownAt}, in recorded order. */
    @Query("""
            select f from AssistanceFactRow f
            where f.requester = :state and f.recordedAt <= :knownAt
            order by f.position""")
    List<AssistanceFactRow> requesterFacts(@Param("state") String state, @Param("knownAt") Instant knownAt);

    /** Every fact of the offers {@code party} made, recorded by {@code knownAt}, in recorded order. */
    @Query("""
            select f from AssistanceFactRow f
            where f.offeror = :party and f.recordedAt <= :knownAt
            order by f.position""")
    List<AssistanceFactRow> offerorFacts(@Param("party") String party, @Param("knownAt") Instant knownAt);

    /** The request an offer was made against. */
    @Query("""
            select f.requestId from AssistanceFactRow f
            where f.offerId = :offer and f.type = 'AssistanceOffered'""")
    List<String> requestOfOffer(@Param("offer") String offer);

    /** Every request, optionally only those of one state or under one norm, by date then id. */
    @Query("""
            select f from AssistanceFactRow f
            where f.type = 'AssistanceRequested'
              and (:state is null or f.requester = :state)
              and (:norm is null or f.norm = :norm)
            order by f.validOn, f.requestId""")
    List<AssistanceFactRow> requests(@Param("state") String state, @Param("norm") String norm);

    /** The closures of the given requests. */
    @Query("""
            select f from AssistanceFactRow f
            where f.type = 'AssistanceRequestClosed' and f.requestId in :requests""")
    List<AssistanceFactRow> closures(@Param("requests") List<String> requests);

    /** Every delivery part dated by {@code asOf} and recorded by {@code knownAt}, in recorded order. */
    @Query("""
            select f from AssistanceFactRow f
            where f.type = 'AssistanceDelivered' and f.validOn <= :asOf and f.recordedAt <= :knownAt
            order by f.position""")
    List<AssistanceFactRow> deliveries(@Param("asOf") LocalDate asOf, @Param("knownAt") Instant knownAt);
}
