package org.cybernorms.compliance.runtime.rebuild;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.cybernorms.compliance.projection.DatabaseKind;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads Axon's JPA event table ({@code domain_event_entry}) in pages of stored events (without their metadata), in order of global index, with
 * plain JDBC: keyset paging on the primary key, so each page costs the same however far into the log it is, and
 * nothing is held beyond one page (the same on H2 and PostgreSQL, without server-side cursors).
 */
final class StoredEventPages {

    /**
     * The metadata column is not read: no read model is built from metadata ({@code BulkProjection} is handed the
     * payload, identifier, time and position only), and reading it cost a tenth of the read. Events read here carry
     * empty metadata.
     */
    private static final byte[] NO_METADATA = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final JdbcTemplate jdbc;
    private final int pageSize;
    private final String select;

    StoredEventPages(JdbcTemplate jdbc, int pageSize) {
        this.jdbc = jdbc;
        this.pageSize = pageSize;
        // On H2 the payload column is a BLOB (Axon's entity declares it @Lob): read as such, every row of a page is
        // copied into a new temporary LOB of the session, which H2 keeps for its LOB_TIMEOUT (five minutes by default)
        // and then has to remove; at 10^6 events that held some 450,000 LOBs on the heap during a rebuild. Cast to
        // VARBINARY, the bytes come straight back (docs/benchmarks.md, "Replay: why the bulk rebuild exists").
        // PostgreSQL's bytea is bytes.
        String payload = new DatabaseKind(jdbc).postgres() ? "payload" : "cast(payload as varbinary)";
        this.select = "select global_index, event_identifier, aggregate_identifier, sequence_number, type, "
                + "time_stamp, payload_type, payload_revision, " + payload + " from domain_event_entry "
                + "where global_index > ? order by global_index fetch first " + pageSize + " rows only";
    }

    /** The highest global index in the table, or empty when it holds no event. */
    OptionalLong head() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return head == null ? OptionalLong.empty() : OptionalLong.of(head);
    }

    /**
     * The stored events with a global index above {@code after} and at most {@code upTo}: one page of them.
     *
     * <p>The query has no upper bound; rows beyond {@code upTo} (only ever at the end of the last page) are skipped
     * here. With both bounds in the query, PostgreSQL on a table it had not analysed yet (right after a restore or a
     * load) estimated a few hundred rows in the range and planned a bitmap scan of the whole rest of the log and a
     * sort for every page, so that each page cost more the earlier it was: 80 s instead of a few for 1,000,000
     * events. With the lower bound alone it walks the primary key, as the raw read does.
     */
    List<TrackedEventData<byte[]>> page(long after, long upTo) {
        List<TrackedEventData<byte[]>> page = new ArrayList<>(pageSize);
        jdbc.query(select, rs -> {
            if (rs.getLong(1) > upTo) {
                return;
            }
            page.add(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(rs.getLong(1)),
                    new StoredEvent(rs.getString(5), rs.getString(3), rs.getLong(4), rs.getString(2),
                            StoredEvent.instantOrFail(rs.getString(6)), rs.getString(7), rs.getString(8),
                            rs.getBytes(9), NO_METADATA)));
        }, after);
        return page;
    }

    int pageSize() {
        return pageSize;
    }
}
