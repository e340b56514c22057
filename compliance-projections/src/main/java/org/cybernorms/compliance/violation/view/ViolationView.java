package org.cybernorms.compliance.violation.view;

import org.cybernorms.compliance.history.HistoryEntry;
import org.cybernorms.compliance.history.RecordedEvent;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.cybernorms.compliance.violation.api.EvidenceLink;
import org.cybernorms.compliance.violation.api.Severity;
import org.cybernorms.compliance.violation.api.ViolationEvents;
import org.cybernorms.compliance.violation.api.ViolationId;
import org.cybernorms.compliance.violation.api.ViolationStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A violation report as it stands, with the state's responses and the dated history of every event behind it. */
public final class ViolationView {

    public ViolationId violationId;
    public StateCode state;
    public InstrumentId instrument;
    public NormCode norm;
    public LocalDate occurredOn;
    public LocalDate reportedOn;
    public Severity severity;
    public String summary;
    /** The evidence addresses, in order (the kind of each link is in the report's event, in the history). */
    public List<String> evidence;
    public String reportingBody;
    public ViolationStatus status;
    public LocalDate reviewStartedOn;
    public LocalDate confirmedOn;
    public String finding;
    public LocalDate dismissedOn;
    public String dismissalReason;
    public LocalDate remediedOn;
    public String remedyNote;
    public final List<Response> responses = new ArrayList<>();
    public final List<HistoryEntry> history = new ArrayList<>();

    /** One answer of the state (its right of reply). */
    public record Response(LocalDate respondedOn, String text) {
    }

    /** Folds a report's events, oldest first; empty input gives {@code null}. */
    public static ViolationView of(List<RecordedEvent> events) {
        ViolationView view = null;
        for (RecordedEvent recorded : events) {
            if (!(recorded.payload() instanceof ViolationEvents event)) {
                continue;
            }
            if (event instanceof ViolationEvents.ViolationReported e) {
                view = new ViolationView();
                view.violationId = e.violationId();
                view.state = e.state();
                view.instrument = e.instrument();
                view.norm = e.norm();
                view.occurredOn = e.occurredOn();
                view.reportedOn = e.reportedOn();
                view.severity = e.severity();
                view.summary = e.summary();
                view.evidence = e.evidence().stream().map(EvidenceLink::url).toList();
                view.reportingBody = e.reportingBody();
                view.status = ViolationStatus.REPORTED;
            }
            if (view == null) {
                continue;
            }
            view.history.add(new HistoryEntry(recorded.eventId(), event.getClass().getSimpleName(), event.validOn(),
                    recorded.recordedAt(), event));
            if (event instanceof ViolationEvents.ViolationReviewStarted e) {
                view.status = ViolationStatus.UNDER_REVIEW;
                view.reviewStartedOn = e.startedOn();
            } else if (event instanceof ViolationEvents.ViolationConfirmed e) {
                view.status = ViolationStatus.CONFIRMED;
                view.confirmedOn = e.confirmedOn();
                view.finding = e.finding();
            } else if (event instanceof ViolationEvents.ViolationDismissed e) {
                view.status = ViolationStatus.DISMISSED;
                view.dismissedOn = e.dismissedOn();
                view.dismissalReason = e.reason();
            } else if (event instanceof ViolationEvents.StateResponded e) {
                view.responses.add(new Response(e.respondedOn(), e.text()));
            } else if (event instanceof ViolationEvents.ViolationRemedied e) {
                view.remediedOn = e.remediedOn();
                view.remedyNote = e.note();
            }
        }
        return view;
    }
}
