package org.cybernorms.compliance.runtime.persistence;

import jakarta.persistence.TypedQuery;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.cybernorms.compliance.projection.LogPositions;

import java.util.ArrayList;
import java.util.List;

/**
 * Axon's JPA event storage engine, with the tracking query split in two so that both parts use the primary key.
 *
 * <p>When a tracking token has gaps (which concurrent writers leave all the time: a global index is handed out before
 * its transaction commits), Axon reads the next batch with {@code WHERE globalIndex > :token OR globalIndex IN :gaps
 * ORDER BY globalIndex}. H2 cannot use an index for that disjunction and scans the whole event table on every fetch
 * of every tracking processor, so the cost of keeping the read models current grew with the size of the log (it was
 * the event store's producer thread's whole time under load). This engine asks for the gaps
 * ({@code globalIndex IN :gaps}, all below the token's index) and then for what follows the token
 * ({@code globalIndex > :token}), each an index lookup, and returns them in the same order and up to the same batch
 * size as the single query: gaps first, since every gap is below the token's index. An event committed between the
 * two reads into a gap stays a gap of the resulting token and is read by the next fetch, as with the single query.
 * With {@code compliance.event-store.indexed-gap-query=false} (the profile {@code axon-defaults}) Axon's own query is
 * used.
 *
 * <p>Either way, an event read into a gap (at a position below the token's: it committed after a later one had been
 * read) is recorded in {@link LogPositions} with its own position, since the token that comes with it keeps the
 * highest position read so far; the live projections store the event's own position, as the bulk rebuild does.
 */
public class IndexedGapsJpaEventStorageEngine extends JpaEventStorageEngine {

    private static final String SELECT = "SELECT e.globalIndex, e.type, e.aggregateIdentifier, e.sequenceNumber, "
            + "e.eventIdentifier, e.timeStamp, e.payloadType, e.payloadRevision, e.payload, e.metaData FROM ";

    private final boolean indexedGapQuery;
    private final LogPositions positions;

    public IndexedGapsJpaEventStorageEngine(JpaEventStorageEngine.Builder builder, boolean indexedGapQuery,
                                            LogPositions positions) {
        super(builder);
        this.indexedGapQuery = indexedGapQuery;
        this.positions = positions;
    }

    @Override
    protected List<Object[]> fetchEvents(GapAwareTrackingToken token) {
        List<Object[]> rows = indexedGapQuery ? fetchIndexed(token) : super.fetchEvents(token);
        if (token != null && !token.getGaps().isEmpty()) {
            for (Object[] row : rows) {
                long position = ((Number) row[0]).longValue();
                if (position < token.getIndex()) {
                    positions.late((String) row[4], position);
                }
            }
        }
        return rows;
    }

    private List<Object[]> fetchIndexed(GapAwareTrackingToken token) {
        if (token == null || token.getGaps().isEmpty()) {
            return super.fetchEvents(token);
        }
        int batchSize = batchSize();
        List<Object[]> result = new ArrayList<>(query("e.globalIndex IN :gaps")
                .setParameter("gaps", token.getGaps())
                .setMaxResults(batchSize)
                .getResultList());
        if (result.size() < batchSize) {
            result.addAll(query("e.globalIndex > :token")
                    .setParameter("token", token.getIndex())
                    .setMaxResults(batchSize - result.size())
                    .getResultList());
        }
        return result;
    }

    private TypedQuery<Object[]> query(String condition) {
        return entityManager().createQuery(SELECT + domainEventEntryEntityName() + " e WHERE " + condition
                + " ORDER BY e.globalIndex ASC", Object[].class);
    }
}
