package org.cybernorms.compliance.eventlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.cybernorms.compliance.http.ProblemException;
import org.cybernorms.compliance.instrument.EventStoreNormCatalog;
import org.cybernorms.compliance.instrument.UnGge2015;
import org.cybernorms.compliance.runtime.DomainConfiguration;
import org.cybernorms.compliance.runtime.ProjectionReplay;
import org.cybernorms.compliance.security.ActorMetadata;
import org.cybernorms.compliance.shared.TransitionForbiddenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Restores an export into an empty store. The body is first copied to a file in the data directory and read twice:
 * once to verify the hash chain and the envelope of every event, and only if all of it holds, once to write every
 * event in one transaction, each with its identifier, position, aggregate, payload (at the revision it was exported
 * in), metadata and recorded time. A refusal changes nothing.
 *
 * <p>"Empty" admits the seed: a store whose only events are those the tracker itself recorded for
 * {@code un-gge-2015} at its first start (every one by the actor {@code system}) counts as empty, and those events
 * are replaced by the export's. Any other event makes the store not empty, and the import is refused.
 *
 * <p>After the import every read model is rebuilt from the restored log (a replay is started).
 */
@Component
public class EventLogImport {

    private static final Logger logger = LoggerFactory.getLogger(EventLogImport.class);

    public static final URI INVALID_EXPORT = URI.create("/problems/invalid-export");
    public static final URI STORE_NOT_EMPTY = URI.create("/problems/store-not-empty");

    private static final Pattern SEQUENCE = Pattern.compile("[0-9]{1,19}");
    private static final String INSERT = "insert into domain_event_entry (global_index, event_identifier, "
            + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, "
            + "meta_data) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int BATCH = 200;

    /** What an import did. */
    public record Result(long events, String lastSequence, String lastHash, long replacedSeedEvents,
                         ProjectionReplay.Status replay) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EventStore eventStore;
    private final EventStoreNormCatalog catalog;
    private final DomainConfiguration.AggregateCaches aggregateCaches;
    private final ProjectionReplay replay;
    private final Path dataDir;
    private final ObjectMapper json = new ObjectMapper();

    public EventLogImport(JdbcTemplate jdbc, TransactionTemplate transactions, EventStore eventStore,
                          EventStoreNormCatalog catalog, DomainConfiguration.AggregateCaches aggregateCaches,
                          ProjectionReplay replay, @Value("${compliance.data-dir}") String dataDir) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.eventStore = eventStore;
        this.catalog = catalog;
        this.aggregateCaches = aggregateCaches;
        this.replay = replay;
        this.dataDir = Path.of(dataDir);
    }

    public synchronized Result restore(InputStream body) throws IOException {
        if (replay.status().run().state() == ProjectionReplay.State.RUNNING) {
            throw new TransitionForbiddenException("A replay of the read models is running; import once it has "
                    + "completed. Nothing was changed.", ProjectionReplay.State.RUNNING.name());
        }
        Files.createDirectories(dataDir);
        Path spool = Files.createTempFile(dataDir, "import-", ".ndjson");
        try {
            Files.copy(body, spool, StandardCopyOption.REPLACE_EXISTING);
            ExportReader.Verdict verdict;
            Envelopes envelopes = new Envelopes();
            try (InputStream in = Files.newInputStream(spool)) {
                verdict = ExportReader.verify(in, envelopes::check);
            }
            if (!verdict.valid()) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, INVALID_EXPORT, "Invalid export",
                        "The export was not imported: " + verdict.reason() + ". Nothing was changed.")
                        .with("line", verdict.brokenLine());
            }
            if (verdict.events() == 0) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, INVALID_EXPORT, "Invalid export",
                        "The export holds no event. Nothing was changed.");
            }
            List<Long> seed = seedOnlyPositions();
            long seedCount = seed.size();
            long tableMax = seed.stream().mapToLong(Long::longValue).max().orElse(0);
            // Positions below the restart point are never handed out again; DDL, so outside the transaction.
            jdbc.execute("alter sequence domain_event_entry_seq restart with "
                    + (Math.max(tableMax, envelopes.lastPosition) + 1));
            transactions.executeWithoutResult(tx -> {
                Long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
                if (count == null || count != seedCount) {
                    throw notEmpty();
                }
                if (seedCount > 0) {
                    jdbc.update("delete from domain_event_entry where aggregate_identifier = ?",
                            UnGge2015.ID.value());
                }
                write(spool);
            });
            catalog.forget();
            aggregateCaches.forget(); // the seed's instrument, as cached after seeding, was replaced
            logger.info("Imported {} events (last sequence {}), replacing {} seed events", verdict.events(),
                    verdict.lastSequence(), seedCount);
            return new Result(verdict.events(), verdict.lastSequence(), verdict.lastHash(), seedCount,
                    replay.start());
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    /**
     * The positions of the seed if the store holds nothing else (empty if the store is empty); refuses a store that
     * holds any other event.
     */
    private List<Long> seedOnlyPositions() {
        Long others = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier <> ?",
                Long.class, UnGge2015.ID.value());
        if (others == null || others > 0) {
            throw notEmpty();
        }
        DomainEventStream seed = eventStore.readEvents(UnGge2015.ID.value());
        while (seed.hasNext()) {
            DomainEventMessage<?> event = seed.next();
            if (!ActorMetadata.SYSTEM.equals(event.getMetaData().get(ActorMetadata.ACTOR))) {
                throw notEmpty();
            }
        }
        return jdbc.queryForList("select global_index from domain_event_entry", Long.class);
    }

    private static ProblemException notEmpty() {
        return new ProblemException(HttpStatus.CONFLICT, STORE_NOT_EMPTY, "Store not empty",
                "An export is restored only into an empty installation: this one holds recorded events besides "
                        + "the seed of " + UnGge2015.ID + ". Nothing was changed.");
    }

    private void write(Path spool) {
        List<Object[]> batch = new ArrayList<>(BATCH);
        try (BufferedReader reader = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
            String text;
            while ((text = reader.readLine()) != null) {
                batch.add(row((ObjectNode) json.readTree(text)));
                if (batch.size() == BATCH) {
                    jdbc.batchUpdate(INSERT, batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                jdbc.batchUpdate(INSERT, batch);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not read back the verified export", e);
        }
    }

    private Object[] row(ObjectNode line) throws IOException {
        EventTypes.Resolved type = EventTypes.resolve(line.get("type").asText()).orElseThrow();
        JsonNode aggregateType = line.get("aggregatetype");
        return new Object[]{
                Long.parseLong(line.get("sequence").asText()),
                line.get("id").asText(),
                line.get("subject").asText(),
                line.get("aggregatesequence").asLong(),
                aggregateType == null || aggregateType.isNull() ? null : aggregateType.asText(),
                DateTimeUtils.formatInstant(Instant.parse(line.get("time").asText())),
                type.known().type().getName(),
                type.revision(),
                json.writeValueAsBytes(line.get("data")),
                line.get("metadata").asText().getBytes(StandardCharsets.UTF_8)};
    }

    /** The checks of every event's envelope, made before anything is written. */
    private final class Envelopes {
        private final Set<String> ids = new HashSet<>();
        private final Set<String> aggregateSequences = new HashSet<>();
        private long lastPosition = 0;

        void check(long number, ObjectNode line) throws ExportReader.InvalidLine {
            if (!"1.0".equals(text(line, "specversion"))) {
                throw new ExportReader.InvalidLine("is not a CloudEvents 1.0 event (specversion)");
            }
            String id = required(line, "id", 255);
            if (!ids.add(id)) {
                throw new ExportReader.InvalidLine("repeats the event id " + id);
            }
            String type = text(line, "type");
            if (EventTypes.resolve(type).isEmpty()) {
                throw new ExportReader.InvalidLine("has an event type this tracker does not know: " + type);
            }
            String subject = required(line, "subject", 255);
            String sequence = text(line, "sequence");
            if (sequence == null || !SEQUENCE.matcher(sequence).matches()) {
                throw new ExportReader.InvalidLine("has no sequence of 1 to 19 digits");
            }
            long position = Long.parseLong(sequence);
            if (position <= lastPosition) {
                throw new ExportReader.InvalidLine("has sequence " + sequence + ", not above the line before");
            }
            lastPosition = position;
            String time = text(line, "time");
            try {
                Instant.parse(time == null ? "" : time);
            } catch (DateTimeParseException e) {
                throw new ExportReader.InvalidLine("has no recorded time (time) as an ISO-8601 instant");
            }
            JsonNode aggregateSequence = line.get("aggregatesequence");
            if (aggregateSequence == null || !aggregateSequence.canConvertToLong() || aggregateSequence.asLong() < 0
                    || !aggregateSequence.isIntegralNumber()) {
                throw new ExportReader.InvalidLine("has no aggregatesequence (a whole number from 0)");
            }
            if (!aggregateSequences.add(subject + "\u0000" + aggregateSequence.asLong())) {
                throw new ExportReader.InvalidLine("repeats event " + aggregateSequence.asLong() + " of " + subject);
            }
            JsonNode aggregateType = line.get("aggregatetype");
            if (aggregateType != null && !aggregateType.isTextual()) {
                throw new ExportReader.InvalidLine("has an aggregatetype that is not a string");
            }
            if (!(line.get("data") instanceof ObjectNode)) {
                throw new ExportReader.InvalidLine("has no data object");
            }
            String metadata = text(line, "metadata");
            try {
                if (metadata == null || !(json.readTree(metadata) instanceof ObjectNode)) {
                    throw new ExportReader.InvalidLine("has no metadata (a JSON object as a string)");
                }
            } catch (IOException e) {
                throw new ExportReader.InvalidLine("has metadata that is not JSON");
            }
        }

        private String required(ObjectNode line, String name, int maxLength) throws ExportReader.InvalidLine {
            String value = text(line, name);
            if (value == null || value.isEmpty() || value.length() > maxLength) {
                throw new ExportReader.InvalidLine("has no " + name + " (1 to " + maxLength + " characters)");
            }
            return value;
        }

        private static String text(ObjectNode line, String name) {
            JsonNode value = line.get(name);
            return value != null && value.isTextual() ? value.asText() : null;
        }
    }
}
