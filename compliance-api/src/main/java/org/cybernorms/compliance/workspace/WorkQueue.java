package org.cybernorms.compliance.workspace;

import org.cybernorms.compliance.assistance.api.RequestStatus;
import org.cybernorms.compliance.assistance.view.AssistanceQueries;
import org.cybernorms.compliance.assistance.view.AssistanceRequestView;
import org.cybernorms.compliance.assistance.view.RequestListing;
import org.cybernorms.compliance.instrument.view.InstrumentListing;
import org.cybernorms.compliance.instrument.view.InstrumentListingRepository;
import org.cybernorms.compliance.runtime.EventStreams;
import org.cybernorms.compliance.scorecard.methodology.Fact;
import org.cybernorms.compliance.scorecard.view.FactRow;
import org.cybernorms.compliance.scorecard.view.FactRows;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a monitoring body has to do, read from the scorecard facts of every instrument (each fact names its state,
 * record and dates) and the assistance read model: reports awaiting review, reviews open for more than
 * {@value #LONG_REVIEW_DAYS} days, commitments due within {@value #DUE_SOON_DAYS} days or overdue, and requests for
 * assistance that no one has offered to meet.
 */
@Component
class WorkQueue {

    static final int LONG_REVIEW_DAYS = 30;
    static final int DUE_SOON_DAYS = 30;

    private final FactRows facts;
    private final InstrumentListingRepository instruments;
    private final AssistanceQueries assistance;
    private final EventStreams streams;
    private final java.time.Clock clock;

    WorkQueue(FactRows facts, InstrumentListingRepository instruments, AssistanceQueries assistance,
              EventStreams streams, java.time.Clock clock) {
        this.clock = clock;
        this.facts = facts;
        this.instruments = instruments;
        this.assistance = assistance;
        this.streams = streams;
    }

    /** A violation report in the queue: since when it waits ({@code since}) is the date the list is sorted on. */
    public record ReportItem(String violationId, String state, String instrument, String norm, LocalDate occurredOn,
                             LocalDate since) {
    }

    public record CommitmentItem(String commitmentId, String state, String instrument, String norm, LocalDate dueOn) {
    }

    public record RequestItem(String requestId, String requester, String norm, String area, LocalDate requestedOn) {
    }

    /** Every list at once, as of {@code today}. */
    record Lists(List<ReportItem> awaitingReview, List<ReportItem> longReviews, List<CommitmentItem> dueSoon,
                 List<CommitmentItem> overdue, List<RequestItem> unanswered) {
    }

    private static final class Report {
        ReportItem reported;
        LocalDate reviewStartedOn;
        boolean closed;
    }

    private static final class Commitment {
        CommitmentItem made;
        boolean closed;
    }

    @Transactional(readOnly = true)
    Lists as(LocalDate today) {
        Map<String, Report> reports = new LinkedHashMap<>();
        Map<String, Commitment> commitments = new LinkedHashMap<>();
        Instant now = clock.instant();
        for (InstrumentListing instrument : instruments.findAll()) {
            for (FactRow row : facts.allStateFacts(instrument.instrumentId(), now)) {
                row.toFact().ifPresent(fact -> fold(fact, row, instrument.instrumentId(), reports, commitments));
            }
        }
        List<ReportItem> awaiting = new ArrayList<>();
        List<ReportItem> longReviews = new ArrayList<>();
        for (Report report : reports.values()) {
            if (report.closed || report.reported == null) {
                continue;
            }
            if (report.reviewStartedOn == null) {
                awaiting.add(report.reported);
            } else if (report.reviewStartedOn.isBefore(today.minusDays(LONG_REVIEW_DAYS))) {
                ReportItem r = report.reported;
                longReviews.add(new ReportItem(r.violationId(), r.state(), r.instrument(), r.norm(), r.occurredOn(),
                        report.reviewStartedOn));
            }
        }
        List<CommitmentItem> dueSoon = new ArrayList<>();
        List<CommitmentItem> overdue = new ArrayList<>();
        for (Commitment commitment : commitments.values()) {
            if (commitment.closed || commitment.made == null) {
                continue;
            }
            LocalDate due = commitment.made.dueOn();
            if (due.isBefore(today)) {
                overdue.add(commitment.made);
            } else if (!due.isAfter(today.plusDays(DUE_SOON_DAYS))) {
                dueSoon.add(commitment.made);
            }
        }
        Comparator<ReportItem> bySince = Comparator.comparing(ReportItem::since).thenComparing(ReportItem::violationId);
        Comparator<CommitmentItem> byDue = Comparator.comparing(CommitmentItem::dueOn)
                .thenComparing(CommitmentItem::commitmentId);
        awaiting.sort(bySince);
        longReviews.sort(bySince);
        dueSoon.sort(byDue);
        overdue.sort(byDue);
        return new Lists(awaiting, longReviews, dueSoon, overdue, unanswered());
    }

    /** Open requests for assistance that have no offer yet, oldest first. */
    private List<RequestItem> unanswered() {
        List<RequestItem> items = new ArrayList<>();
        for (RequestListing listing : assistance.requests(null, RequestStatus.OPEN, null)) {
            AssistanceRequestView view = AssistanceRequestView.of(streams.of(listing.requestId().value()));
            if (view != null && view.offers.isEmpty()) {
                items.add(new RequestItem(listing.requestId().value(), listing.requester().value(),
                        listing.norm().value(), listing.area().name(), listing.requestedOn()));
            }
        }
        return items;
    }

    private static void fold(Fact fact, FactRow row, String instrument, Map<String, Report> reports,
                             Map<String, Commitment> commitments) {
        String state = row.stateCode();
        if (fact instanceof Fact.ViolationReported v) {
            report(reports, v.violationId()).reported = new ReportItem(v.violationId(), state, instrument,
                    v.norm().value(), v.occurredOn(), v.occurredOn());
        } else if (fact instanceof Fact.ViolationReviewStarted v) {
            report(reports, v.violationId()).reviewStartedOn = v.startedOn();
        } else if (fact instanceof Fact.ViolationConfirmed v) {
            report(reports, v.violationId()).closed = true;
        } else if (fact instanceof Fact.ViolationDismissed v) {
            report(reports, v.violationId()).closed = true;
        } else if (fact instanceof Fact.CommitmentMade c) {
            commitment(commitments, c.commitmentId()).made = new CommitmentItem(c.commitmentId(), state, instrument,
                    c.norm().value(), c.dueOn());
        } else if (fact instanceof Fact.CommitmentFulfilled c) {
            commitment(commitments, c.commitmentId()).closed = true;
        } else if (fact instanceof Fact.CommitmentWithdrawn c) {
            commitment(commitments, c.commitmentId()).closed = true;
        }
    }

    private static Report report(Map<String, Report> reports, String id) {
        return reports.computeIfAbsent(id, k -> new Report());
    }

    private static Commitment commitment(Map<String, Commitment> commitments, String id) {
        return commitments.computeIfAbsent(id, k -> new Commitment());
    }
}
