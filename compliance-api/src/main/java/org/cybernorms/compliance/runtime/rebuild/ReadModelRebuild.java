package org.cybernorms.compliance.runtime.rebuild;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.cybernorms.compliance.projection.BulkProjection;
import org.cybernorms.compliance.projection.RowBatch;
import org.cybernorms.compliance.projection.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Rebuilds read models from the event log in bulk, near the speed at which the log can be read: the stored events are
 * read in pages with plain JDBC, passed through the same upcaster chain and serializer as the live processors use
 * ({@link UpcastingPayloads}: an event no upcaster touches is read straight from its bytes), turned into rows by each
 * group's {@link BulkProjection} (the same mapping the live handlers save), and written on a second thread while the
 * next pages are read, on one connection (JDBC batches of prepared inserts; on PostgreSQL {@link PostgresCopy COPY}),
 * committed every {@code compliance.rebuild.batch-rows} rows (20,000) or {@code compliance.rebuild.batch-bytes} (4 MB,
 * counted by {@link RowBatch#bytes}; a row of scorecard facts is a block of kilobytes, and H2 holds what a transaction
 * has not committed in memory: at 10^6 events, 20,000 such rows filled the heap), whichever comes first: on H2 every
 * commit writes each B-tree page the transaction touched, which with keys on random values made large transactions
 * much cheaper (with the keys in the log's order, commits of 5,000 and of 20,000 rows measured the same:
 * docs/benchmarks.md, "Tried and measured worse"). From a log
 * of {@code compliance.rebuild.defer-keys-from} events (50,000) on, the tables' primary keys and indexes are dropped
 * while the rows are inserted and built again after ({@link DeferredKeys}); they are built again also when the
 * rebuild fails. At the end each processor's tokens are set to the head of the log that was read, so that the live
 * processors go on from there.
 *
 * <p>The boundary loses nothing. The processors are shut down before the rebuild and their tokens stay claimed by this
 * node until it ends (the claims are extended as it goes), so no other node processes meanwhile. The rebuild reads up
 * to the head it saw at the start; events recorded after that are left to the live processors. A position at or below
 * that head that was not there when it was read (a transaction that had taken its global index but not yet committed)
 * is put in the token as a gap, as Axon's own tokens do, within the same window Axon keeps gaps in
 * ({@value #GAP_WINDOW} positions): the live processor handles such an event when it commits.
 *
 * <p>Only on the JPA/JDBC event stores (H2, PostgreSQL), where the event table is in this process's database; under
 * Axon Server {@link #available()} is false and the processors replay instead.
 */
@Component
public class ReadModelRebuild implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    /** Axon's default maxGapOffset: gaps further behind the head than this are not tracked. */
    static final int GAP_WINDOW = 10_000;

    /**
     * What a rebuild did.
     *
     * @param readDirectly events whose payload was read straight from the stored bytes (no upcaster applied to them);
     *                     the others went through the upcasters and the serializer ({@link UpcastingPayloads})
     */
    public record Report(long events, Long head, long rows, Duration duration, List<String> processingGroups,
                         long readDirectly) {

        /** Events read per second. */
        public double eventsPerSecond() {
            double seconds = duration.toNanos() / 1e9;
            return seconds <= 0 ? events : events / seconds;
        }
    }

    /** Where a running rebuild stands: events read so far, of the events up to {@code head}. */
    public record Progress(long events, Long head) {
    }

    private static final RowBatch END = new RowBatch();

    private final JpaEventStorageEngine engine;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TransactionManager axonTransactions;
    private final TokenStore tokenStore;
    private final org.axonframework.config.Configuration axon;
    private final Map<String, BulkProjection> projections;
    private final int pageSize;
    private final int batchRows;
    private final long batchBytes;
    private final long deferKeysFrom;
    private final DeferredKeys keys;
    private final AtomicReference<Progress> progress = new AtomicReference<>();

    public ReadModelRebuild(ObjectProvider<EventStorageEngine> engine, JdbcTemplate jdbc,
                            TransactionTemplate transactions, TransactionManager axonTransactions,
                            TokenStore tokenStore, org.axonframework.config.Configuration axon,
                            List<BulkProjection> projections,
                            @Value("${compliance.rebuild.page-size:5000}") int pageSize,
                            @Value("${compliance.rebuild.batch-rows:20000}") int batchRows,
                            @Value("${compliance.rebuild.batch-bytes:4MB}") DataSize batchBytes,
                            @Value("${compliance.rebuild.defer-keys-from:50000}") long deferKeysFrom) {
        EventStorageEngine storage = engine.getIfAvailable();
        this.engine = storage instanceof JpaEventStorageEngine jpa ? jpa : null;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.axonTransactions = axonTransactions;
        this.tokenStore = tokenStore;
        this.axon = axon;
        this.projections = projections.stream()
                .collect(Collectors.toMap(BulkProjection::processingGroup, Function.identity()));
        if (pageSize < 1) {
            throw new IllegalArgumentException("compliance.rebuild.page-size must be at least 1");
        }
        this.pageSize = pageSize;
        if (batchRows < 1) {
            throw new IllegalArgumentException("compliance.rebuild.batch-rows must be at least 1");
        }
        this.batchRows = batchRows;
        if (batchBytes.toBytes() < 1) {
            throw new IllegalArgumentException("compliance.rebuild.batch-bytes must be at least 1 byte");
        }
        this.batchBytes = batchBytes.toBytes();
        this.deferKeysFrom = deferKeysFrom;
        this.keys = new DeferredKeys(jdbc);
    }

    /**
     * Before the processors start: drops each table in which an earlier version kept a read model
     * ({@link BulkProjection#retiredTables()}) if it holds nothing (a new store whose migrations made it, or a store
     * that never kept anything in it; one that holds rows is dropped once the replay that
     * {@link org.cybernorms.compliance.runtime.ProjectionReplay} starts when the application is ready has completed).
     */
    @Override
    public void afterSingletonsInstantiated() {
        for (BulkProjection projection : projections.values()) {
            for (String retired : projection.retiredTables()) {
                if (keys.exists(retired) && Boolean.FALSE.equals(jdbc.queryForObject(
                        "select count(*) > 0 from (select 1 from " + retired + " fetch first 1 rows only) r",
                        Boolean.class))) {
                    jdbc.execute("drop table " + retired);
                    log.info("Dropped {}, empty, in which an earlier version kept {}", retired,
                            projection.processingGroup());
                }
            }
        }
    }

    /**
     * The tables in which an earlier version kept a read model that is now kept in another form
     * ({@link BulkProjection#retiredTables()}) and that are still there: the read model has not been rebuilt since.
     */
    public List<String> retiredTablesPresent() {
        return projections.values().stream().flatMap(projection -> projection.retiredTables().stream())
                .filter(keys::exists).toList();
    }

    /** Drops every table {@link #retiredTablesPresent()} names: to be called once the read models are rebuilt. */
    public void dropRetiredTables() {
        for (String retired : retiredTablesPresent()) {
            jdbc.execute("drop table " + retired);
            log.info("Dropped {}, in which an earlier version kept a read model now rebuilt in its present form",
                    retired);
        }
    }

    /** Whether the event table can be read here (the JPA stores), so that a bulk rebuild is possible at all. */
    public boolean available() {
        return engine != null;
    }

    /** Whether this processor's read model has a bulk form. */
    public boolean covers(StreamingEventProcessor processor) {
        return projections.containsKey(processor.getName());
    }

    /** The running rebuild's progress, if one runs. */
    public Optional<Progress> progress() {
        return Optional.ofNullable(progress.get());
    }

    /**
     * Rebuilds the read models of {@code processors}, which must be shut down and reset already (their reset handlers
     * have cleared their tables, and their tokens are claimed by this node), each one {@link #covers covered}. Leaves
     * their tokens at the head of the log it read; starting them is the caller's.
     */
    public Report rebuild(List<StreamingEventProcessor> processors) throws InterruptedException {
        if (!available()) {
            throw new IllegalStateException("No event table in this process's database: replay the processors");
        }
        List<BulkProjection> bulk = new ArrayList<>();
        for (StreamingEventProcessor processor : processors) {
            BulkProjection projection = projections.get(processor.getName());
            if (projection == null) {
                throw new IllegalArgumentException(processor.getName() + " has no bulk projection");
            }
            bulk.add(projection);
        }
        List<String> names = processors.stream().map(StreamingEventProcessor::getName).toList();
        long started = System.nanoTime();
        StoredEventPages pages = new StoredEventPages(jdbc, pageSize);
        OptionalLong head = pages.head();
        progress.set(new Progress(0, head.isPresent() ? head.getAsLong() : null));
        try {
            log.info("Rebuilding {} in bulk up to position {}", names, head.isPresent() ? head.getAsLong() : "-");
            List<DeferredKeys.Dropped> dropped = new ArrayList<>();
            Pass pass;
            long passStarted = started;
            long passEnded;
            try {
                if (head.isPresent() && head.getAsLong() >= deferKeysFrom) {
                    for (BulkProjection projection : bulk) {
                        for (Table table : projection.tables()) {
                            dropped.add(keys.drop(table));
                        }
                    }
                }
                passStarted = System.nanoTime();
                bulk.forEach(BulkProjection::started);
                pass = head.isPresent() ? read(pages, head.getAsLong(), bulk, names) : Pass.EMPTY;
            } finally {
                passEnded = System.nanoTime();
                for (DeferredKeys.Dropped table : dropped) {
                    keys.restore(table);
                }
            }
            long keysBuilt = System.nanoTime();
            transactions.executeWithoutResult(status -> bulk.forEach(BulkProjection::completed));
            long completed = System.nanoTime();
            TrackingToken token = head.isPresent()
                    ? GapAwareTrackingToken.newInstance(head.getAsLong(), pass.gaps()) : null;
            axonTransactions.executeInTransaction(() -> {
                for (String name : names) {
                    for (int segment : tokenStore.fetchSegments(name)) {
                        tokenStore.fetchToken(name, segment);
                        tokenStore.storeToken(token, name, segment);
                    }
                }
            });
            Report report = new Report(pass.events(), head.isPresent() ? head.getAsLong() : null, pass.rows(),
                    Duration.ofNanos(System.nanoTime() - started), names, pass.readDirectly());
            log.info("Rebuilt {} from {} events ({} rows) in {} ms: {} events/s (keys dropped {} ms, pass {} ms, keys "
                            + "built {} ms, completed {} ms, tokens {} ms)", names, report.events(), report.rows(),
                    report.duration().toMillis(), Math.round(report.eventsPerSecond()),
                    (passStarted - started) / 1_000_000, (passEnded - passStarted) / 1_000_000,
                    (keysBuilt - passEnded) / 1_000_000, (completed - keysBuilt) / 1_000_000,
                    (System.nanoTime() - completed) / 1_000_000);
            return report;
        } finally {
            progress.set(null);
        }
    }

    private record Pass(long events, long rows, Set<Long> gaps, long readDirectly) {
        static final Pass EMPTY = new Pass(0, 0, Set.of(), 0);
    }

    /**
     * Reads pages on one thread ({@link PagesAhead}, at most two pages ahead), turns them into payloads on that one or
     * this one (whichever is free), maps the payloads to rows on this one and writes the rows on a third, at most two
     * pages behind.
     */
    private Pass read(StoredEventPages pages, long head, List<BulkProjection> bulk, List<String> names)
            throws InterruptedException {
        UpcastingPayloads payloads = new UpcastingPayloads(axon.eventSerializer(), axon.upcasterChain());
        BlockingQueue<RowBatch> queue = new ArrayBlockingQueue<>(2);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong written = new AtomicLong();
        AtomicLong readerWaited = new AtomicLong();
        AtomicLong writerWaited = new AtomicLong();
        Thread writer = new Thread(() -> write(queue, failure, written, writerWaited), "read-model-rebuild-writer");
        writer.setDaemon(true);
        writer.start();
        long windowStart = Math.max(0, head - GAP_WINDOW + 1);
        BitSet seen = new BitSet();
        long events = 0;
        long first = -1;
        long after = -1;
        long lastClaimExtension = System.nanoTime();
        long mapperWaited = 0;
        RowBatch rows = new RowBatch();
        try (PagesAhead ahead = new PagesAhead(pages, head, 2, payloads)) {
            while (after < head) {
                long asked = System.nanoTime();
                PagesAhead.Page read = ahead.next();
                mapperWaited += System.nanoTime() - asked;
                if (read.isEmpty()) {
                    break;
                }
                for (PagesAhead.Event event : read.events()) {
                    for (BulkProjection projection : bulk) {
                        projection.project(event.payload(), event.eventId(), event.recordedAt(), event.position(),
                                rows);
                    }
                }
                List<TrackedEventData<byte[]>> page = read.stored();
                for (TrackedEventData<byte[]> stored : page) {
                    long position = stored.trackingToken().position().orElseThrow();
                    if (position >= windowStart) {
                        seen.set((int) (position - windowStart));
                    }
                }
                if (first < 0) {
                    first = page.get(0).trackingToken().position().orElseThrow();
                }
                after = page.get(page.size() - 1).trackingToken().position().orElseThrow();
                events += page.size();
                if (!rows.isEmpty()) {
                    hand(queue, rows, failure, readerWaited);
                    rows = new RowBatch();
                }
                progress.set(new Progress(events, head));
                if (System.nanoTime() - lastClaimExtension > TimeUnit.SECONDS.toNanos(2)) {
                    extendClaims(names);
                    lastClaimExtension = System.nanoTime();
                }
            }
            for (BulkProjection projection : bulk) {
                projection.flush(rows);
            }
            hand(queue, rows, failure, readerWaited);
        } finally {
            if (failure.get() == null) {
                queue.put(END);
            } else {
                queue.clear();
                queue.offer(END);
            }
            writer.join();
        }
        throwIfFailed(failure);
        Set<Long> gaps = new TreeSet<>();
        // below the first stored event nothing is missing: the log starts there
        for (long position = Math.max(windowStart, first); first >= 0 && position <= head; position++) {
            if (!seen.get((int) (position - windowStart))) {
                gaps.add(position);
            }
        }
        log.info("Bulk pass: {} payloads read directly, {} through the serializer (upcast or not readable directly); "
                        + "the mapping thread waited {} ms for pages, {} ms for the writer; the writer {} ms for rows",
                payloads.direct(), payloads.throughSerializer(), mapperWaited / 1_000_000,
                readerWaited.get() / 1_000_000, writerWaited.get() / 1_000_000);
        return new Pass(events, written.get(), gaps, payloads.direct());
    }

    private static void hand(BlockingQueue<RowBatch> queue, RowBatch rows, AtomicReference<Throwable> failure,
                             AtomicLong waited) throws InterruptedException {
        long started = System.nanoTime();
        while (!queue.offer(rows, 1, TimeUnit.SECONDS)) {
            throwIfFailed(failure);
        }
        waited.addAndGet(System.nanoTime() - started);
        throwIfFailed(failure);
    }

    /**
     * Takes the batches the reader hands over and inserts them on one connection of its own, with one prepared
     * statement per table for the whole pass, committing every {@code batchRows} rows (and at the end).
     */
    private void write(BlockingQueue<RowBatch> queue, AtomicReference<Throwable> failure, AtomicLong written,
                       AtomicLong waited) {
        try {
            Connection connection = DataSourceUtils.getConnection(jdbc.getDataSource());
            boolean autoCommit = connection.getAutoCommit();
            Map<Table, PreparedStatement> statements = new HashMap<>();
            try {
                PostgresCopy copy = PostgresCopy.of(connection);
                connection.setAutoCommit(false);
                long uncommitted = 0;
                long uncommittedBytes = 0;
                for (RowBatch next = take(queue, waited); next != END; next = take(queue, waited)) {
                    if (failure.get() != null || next.isEmpty()) {
                        continue;
                    }
                    insert(connection, copy, statements, next);
                    uncommitted += next.size();
                    uncommittedBytes += next.bytes();
                    if (uncommitted >= batchRows || uncommittedBytes >= batchBytes) {
                        connection.commit();
                        written.addAndGet(uncommitted);
                        uncommitted = 0;
                        uncommittedBytes = 0;
                    }
                }
                if (failure.get() == null) {
                    connection.commit();
                    written.addAndGet(uncommitted);
                } else {
                    connection.rollback();
                }
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailed) {
                    e.addSuppressed(rollbackFailed);
                }
                throw e;
            } finally {
                for (PreparedStatement statement : statements.values()) {
                    statement.close();
                }
                connection.setAutoCommit(autoCommit);
                DataSourceUtils.releaseConnection(connection, jdbc.getDataSource());
            }
        } catch (InterruptedException e) {
            failure.compareAndSet(null, e);
            Thread.currentThread().interrupt();
        } catch (SQLException | RuntimeException | Error e) {
            failure.compareAndSet(null, e);
            // keep taking, so that the reader is never blocked on a full queue
            try {
                for (RowBatch batch = queue.take(); batch != END; batch = queue.take()) {
                    // drop
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static RowBatch take(BlockingQueue<RowBatch> queue, AtomicLong waited) throws InterruptedException {
        long started = System.nanoTime();
        RowBatch next = queue.take();
        waited.addAndGet(System.nanoTime() - started);
        return next;
    }

    /** Inserts the batch: with COPY on PostgreSQL, with JDBC batches elsewhere. */
    private static void insert(Connection connection, PostgresCopy copy, Map<Table, PreparedStatement> statements,
                               RowBatch batch) throws SQLException {
        for (Map.Entry<Table, List<Object[]>> entry : batch.byTable().entrySet()) {
            Table table = entry.getKey();
            if (copy != null) {
                copy.copy(table, entry.getValue());
                continue;
            }
            PreparedStatement statement = statements.get(table);
            if (statement == null) {
                statement = connection.prepareStatement(table.insertSql());
                statements.put(table, statement);
            }
            for (Object[] row : entry.getValue()) {
                table.bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private void extendClaims(Collection<String> names) {
        axonTransactions.executeInTransaction(() -> {
            for (String name : names) {
                for (int segment : tokenStore.fetchSegments(name)) {
                    tokenStore.extendClaim(name, segment);
                }
            }
        });
    }

    private static void throwIfFailed(AtomicReference<Throwable> failure) {
        Throwable cause = failure.get();
        if (cause != null) {
            throw new IllegalStateException("Writing the rebuilt read models failed: " + cause.getMessage(), cause);
        }
    }
}
