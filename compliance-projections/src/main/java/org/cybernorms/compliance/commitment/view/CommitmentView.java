package org.cybernorms.compliance.commitment.view;

import org.cybernorms.compliance.commitment.api.CommitmentEvents;
import org.cybernorms.compliance.commitment.api.CommitmentId;
import org.cybernorms.compliance.commitment.api.CommitmentStatus;
import org.cybernorms.compliance.history.HistoryEntry;
import org.cybernorms.compliance.history.RecordedEvent;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A commitment as it stands, with the dated history of every event behind it. */
public record CommitmentView(CommitmentId commitmentId, StateCode state, InstrumentId instrument, NormCode norm,
                             String description, LocalDate madeOn, LocalDate dueOn, CommitmentStatus status,
                             LocalDate fulfilledOn, String evidence, LocalDate withdrawnOn, String withdrawalReason,
                             List<Progress> progress, List<HistoryEntry> history) {

    /** One progress report. */
    public record Progress(LocalDate reportedOn, String note) {
    }

    /** Folds a commitment's events, oldest first; empty input gives {@code null}. */
    public static CommitmentView of(List<RecordedEvent> events) {
        CommitmentView view = null;
        List<Progress> progress = new ArrayList<>();
        List<HistoryEntry> history = new ArrayList<>();
        for (RecordedEvent recorded : events) {
            Object payload = recorded.payload();
            if (!(payload instanceof CommitmentEvents event)) {
                continue;
            }
            history.add(new HistoryEntry(recorded.eventId(), payload.getClass().getSimpleName(), event.validOn(),
                    recorded.recordedAt(), event));
            if (payload instanceof CommitmentEvents.CommitmentMade e) {
                view = new CommitmentView(e.commitmentId(), e.state(), e.instrument(), e.norm(), e.description(),
                        e.madeOn(), e.dueOn(), CommitmentStatus.OPEN, null, null, null, null, progress, history);
            } else if (view == null) {
                continue;
            } else if (payload instanceof CommitmentEvents.CommitmentProgressReported e) {
                progress.add(new Progress(e.reportedOn(), e.note()));
            } else if (payload instanceof CommitmentEvents.CommitmentFulfilled e) {
                view = new CommitmentView(view.commitmentId, view.state, view.instrument, view.norm, view.description,
                        view.madeOn, view.dueOn, CommitmentStatus.FULFILLED, e.fulfilledOn(), e.evidence(), null, null,
                        progress, history);
            } else if (payload instanceof CommitmentEvents.CommitmentWithdrawn e) {
                view = new CommitmentView(view.commitmentId, view.state, view.instrument, view.norm, view.description,
                        view.madeOn, view.dueOn, CommitmentStatus.WITHDRAWN, null, null, e.withdrawnOn(), e.reason(),
                        progress, history);
            }
        }
        return view == null ? null : view.frozen();
    }

    private CommitmentView frozen() {
        return new CommitmentView(commitmentId, state, instrument, norm, description, madeOn, dueOn, status,
                fulfilledOn, evidence, withdrawnOn, withdrawalReason, List.copyOf(progress), List.copyOf(history));
    }
}
