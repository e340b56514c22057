package org.cybernorms.compliance.benchmark;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.cybernorms.compliance.projection.DatabaseKind;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The baseline of the replay target: the rate at which the stored log can be read with plain JDBC and its payloads
 * parsed with plain Jackson into their event classes, with nothing else done. It reads exactly as the bulk rebuild
 * reads (keyset pages of the same columns), so that the ratio between the two is the cost of everything the rebuild
 * adds: upcasting, Axon's message wrapping, the projections' mapping and writing the rows.
 */
public final class RawLogRead {

    /** How many events were read and parsed, and how long it took. */
    public record Result(long events, Duration duration) {
        public double eventsPerSecond() {
            return events / (duration.toNanos() / 1e9);
        }
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final int pageSize;

    public RawLogRead(JdbcTemplate jdbc, int pageSize) {
        this.jdbc = jdbc;
        this.pageSize = pageSize;
    }

    public Result readAll() {
        // On H2 the payload and metadata are BLOBs, read cast to VARBINARY as the rebuild reads them: read as BLOBs, H2
        // copies each into a temporary LOB of the session (docs/benchmarks.md, "Replay: why the bulk rebuild exists"),
        // which would make this baseline slower than a plain JDBC read needs to be.
        boolean postgres = new DatabaseKind(jdbc).postgres();
        String select = "select global_index, event_identifier, aggregate_identifier, sequence_number, type, "
                + "time_stamp, payload_type, payload_revision, "
                + (postgres ? "payload, meta_data" : "cast(payload as varbinary), cast(meta_data as varbinary)")
                + " from domain_event_entry "
                + "where global_index > ? order by global_index fetch first " + pageSize + " rows only";
        Map<String, ObjectReader> readers = new HashMap<>();
        long started = System.nanoTime();
        long events = 0;
        long[] after = {-1};
        while (true) {
            long[] read = {0};
            jdbc.query(select, rs -> {
                after[0] = rs.getLong(1);
                rs.getString(2);
                rs.getString(3);
                rs.getLong(4);
                rs.getString(5);
                rs.getString(6);
                String type = rs.getString(7);
                rs.getString(8);
                byte[] payload = rs.getBytes(9);
                rs.getBytes(10);
                try {
                    Object event = readers.computeIfAbsent(type, this::reader).readValue(payload);
                    if (event == null) {
                        throw new IllegalStateException("no payload at " + after[0]);
                    }
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("payload at " + after[0] + " does not parse", e);
                }
                read[0]++;
            }, after[0]);
            if (read[0] == 0) {
                break;
            }
            events += read[0];
        }
        return new Result(events, Duration.ofNanos(System.nanoTime() - started));
    }

    private ObjectReader reader(String type) {
        try {
            return json.readerFor(Class.forName(type));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("unknown payload type " + type, e);
        }
    }
}
