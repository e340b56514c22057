package org.cybernorms.compliance.importing.eurepoc;

import org.cybernorms.compliance.security.ActorMetadata;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.cybernorms.compliance.importing.CountryNames;
import org.cybernorms.compliance.importing.ImportReport;
import org.cybernorms.compliance.importing.Provenance;
import org.cybernorms.compliance.importing.RowOutcome;
import org.cybernorms.compliance.importing.eurepoc.EurepocPlanner.PlannedViolation;
import org.cybernorms.compliance.instrument.NormCatalog;
import org.cybernorms.compliance.runtime.ReadYourWrites;
import org.cybernorms.compliance.shared.FactRejectedException;
import org.cybernorms.compliance.shared.TransitionForbiddenException;
import org.cybernorms.compliance.violation.api.Severity;
import org.cybernorms.compliance.violation.api.ViolationCommands.ConfirmViolation;
import org.cybernorms.compliance.violation.api.ViolationCommands.StartReview;
import org.cybernorms.compliance.violation.api.ViolationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.io.Reader;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Imports a file of the EuRepoC Global Database 1.1: reads it whole, decides each row with {@link EurepocPlanner},
 * and records the violations through the command gateway from a small pool of workers (bounded concurrency, and
 * a bounded queue so that a large file is never all in flight), then waits for the read models once at the end.
 * A row's problems never stop the other rows. Idempotent: a violation whose id exists is counted as already
 * imported and not sent again.
 */
@Service
public class EurepocImporter {

    private static final Logger log = LoggerFactory.getLogger(EurepocImporter.class);

    private final CommandGateway commandGateway;
    private final EventStore eventStore;
    private final NormCatalog catalog;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;
    private final int concurrency;

    public EurepocImporter(CommandGateway commandGateway, EventStore eventStore, NormCatalog catalog,
                           ReadYourWrites readYourWrites, Clock clock,
                           @Value("${compliance.import.concurrency:4}") int concurrency) {
        this.commandGateway = commandGateway;
        this.eventStore = eventStore;
        this.catalog = catalog;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
        this.concurrency = Math.max(1, concurrency);
    }

    /**
     * Imports every row of the file; with {@code confirm}, also records review and confirmation of each violation.
     *
     * @throws EurepocFormatException if the file is not of this format; nothing is recorded then
     */
    public ImportReport.View importCsv(Reader csv, boolean confirm) {
        long started = System.nanoTime();
        List<EurepocRow> rows = EurepocCsv.read(csv);
        long read = System.nanoTime();
        String importId = UUID.randomUUID().toString();
        ImportReport report = new ImportReport(EurepocDataset.NAME, EurepocDataset.VERSION, importId, confirm,
                rows.size());
        EurepocPlanner planner = new EurepocPlanner(CountryNames.standard(), catalog, LocalDate.now(clock));

        // The workers send the commands: they carry the caller's identity for the audit trail explicitly, since the
        // security context does not follow them onto other threads.
        Map<String, Object> actor = ActorMetadata.current();
        Set<ViolationId> claimed = new HashSet<>();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency, workerThreads());
        Semaphore queue = new Semaphore(concurrency * 2);
        List<Future<?>> pending = new ArrayList<>();
        try {
            for (EurepocRow row : rows) {
                EurepocPlanner.Plan plan = planner.plan(row);
                if (plan instanceof EurepocPlanner.Skip skip) {
                    report.unresolvedCountries(skip.unresolvedCountries());
                    report.row(row.row(), row.incidentId(), skip.reason(), skip.detail());
                    continue;
                }
                EurepocPlanner.Create planned = (EurepocPlanner.Create) plan;
                report.unresolvedCountries(planned.unresolvedCountries());
                report.evidenceLinksDropped(planned.evidenceLinksDropped());
                // A repeated incident in the same file gives the same ids: it is not sent twice, so that two
                // workers never race to create one record (the loser's rolled-back insert would leave a gap in
                // the event log that read models wait on).
                List<PlannedViolation> fresh = planned.violations().stream().filter(v -> claimed.add(v.violationId()))
                        .toList();
                int repeated = planned.violations().size() - fresh.size();
                EurepocPlanner.Create create = new EurepocPlanner.Create(fresh, planned.unresolvedCountries(),
                        planned.evidenceLinksDropped());
                queue.acquireUninterruptibly();
                pending.add(workers.submit(() -> {
                    try {
                        record(row, create, repeated, confirm, importId, report, actor);
                    } finally {
                        queue.release();
                    }
                }));
            }
            for (Future<?> future : pending) {
                await(future);
            }
        } finally {
            workers.shutdown();
        }
        long recorded = System.nanoTime();
        readYourWrites.awaitReadModels();
        long caughtUp = System.nanoTime();
        ImportReport.View view = report.view(Duration.ofNanos(System.nanoTime() - started));
        log.info("EuRepoC import {}: {} rows read, {} imported, {} skipped; {} violations created, {} already "
                        + "imported, {} rejected, in {} ms (reading {} ms, recording {} ms, read models {} ms)",
                importId, view.rowsRead(), view.rowsImported(), view.rowsSkipped(), view.violationsCreated(),
                view.violationsAlreadyImported(), view.violationsRejected(), view.durationMillis(),
                (read - started) / 1_000_000, (recorded - read) / 1_000_000, (caughtUp - recorded) / 1_000_000);
        return view;
    }

    /** Records the violations of one row, one after another, and gives the row its outcome. */
    private void record(EurepocRow row, EurepocPlanner.Create create, int repeated, boolean confirm,
                        String importId, ImportReport report, Map<String, Object> actor) {
        int created = 0;
        int existing = repeated;
        for (int i = 0; i < repeated; i++) {
            report.violationAlreadyImported();
        }
        List<String> refusals = new ArrayList<>();
        for (PlannedViolation violation : create.violations()) {
            Map<String, Object> provenance = new LinkedHashMap<>(violation.provenance());
            provenance.put(Provenance.IMPORT_ID, importId);
            provenance.putAll(actor);
            String state = violation.state().value();
            try {
                if (eventStore.lastSequenceNumberFor(violation.violationId().value()).isPresent()) {
                    existing++;
                    report.violationAlreadyImported();
                    continue;
                }
                send(violation.report(), provenance);
            } catch (AggregateStreamCreationException e) {
                existing++; // created meanwhile by a duplicate row or a concurrent import
                report.violationAlreadyImported();
                continue;
            } catch (RuntimeException e) {
                String detail = describe(e);
                refusals.add(state + ": " + detail);
                report.violationRejected(row.row(), row.incidentId(), state, detail);
                continue;
            }
            created++;
            boolean confirmed = false;
            if (confirm) {
                try {
                    send(new StartReview(violation.violationId(), violation.decidedOn()), provenance);
                    send(new ConfirmViolation(violation.violationId(), violation.decidedOn(), violation.finding()),
                            provenance);
                    confirmed = true;
                    report.violationConfirmed();
                } catch (RuntimeException e) {
                    report.confirmationRefused(row.row(), row.incidentId(), state, describe(e));
                }
            }
            Severity severity = violation.report().severity();
            report.violationCreated(new ImportReport.Created(row.row(), row.incidentId(),
                    violation.violationId().value(), state, violation.report().norm().value(), severity.name(),
                    confirmed ? "CONFIRMED" : "REPORTED"));
        }
        if (created > 0) {
            report.row(row.row(), row.incidentId(), RowOutcome.IMPORTED, null);
        } else if (existing > 0) {
            report.row(row.row(), row.incidentId(), RowOutcome.ALREADY_IMPORTED, null);
        } else {
            // the refusals are listed per violation already
            report.row(row.row(), row.incidentId(), RowOutcome.REJECTED, String.join("; ", refusals));
        }
    }

    private void send(Object command, Map<String, Object> provenance) {
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(provenance));
    }

    private static String describe(RuntimeException e) {
        Throwable cause = e instanceof CommandExecutionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof FactRejectedException || cause instanceof TransitionForbiddenException) {
            return cause.getMessage();
        }
        log.warn("EuRepoC import: unexpected failure recording a violation", cause);
        return "the tracker failed to record it (" + cause.getClass().getSimpleName() + ")";
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("an import worker failed", e.getCause());
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "eurepoc-import-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
