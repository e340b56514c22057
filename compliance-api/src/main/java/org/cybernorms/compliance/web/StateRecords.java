package org.cybernorms.compliance.web;

import org.cybernorms.compliance.commitment.view.CommitmentView;
import org.cybernorms.compliance.history.RecordedEvent;
import org.cybernorms.compliance.participation.api.ParticipationEvents;
import org.cybernorms.compliance.runtime.EventStreams;
import org.cybernorms.compliance.scorecard.methodology.Fact;
import org.cybernorms.compliance.scorecard.view.FactRow;
import org.cybernorms.compliance.scorecard.view.FactRows;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.StateCode;
import org.cybernorms.compliance.violation.view.ViolationView;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The records of one state under one instrument, for its page: pledges, commitments and violation reports, each
 * read from its own events. Which records exist comes from the scorecard facts, so the cost is the state's own.
 */
@Component
class StateRecords {

    private final FactRows facts;
    private final EventStreams streams;

    StateRecords(FactRows facts, EventStreams streams) {
        this.facts = facts;
        this.streams = streams;
    }

    /** A pledge as it stood on the page's date. */
    record PledgeItem(String pledgeId, String norm, LocalDate pledgedOn, String statement, LocalDate withdrawnOn) {
    }

    /** A commitment with its status as of the page's date: OPEN, OVERDUE, FULFILLED, LATE or WITHDRAWN. */
    record CommitmentItem(CommitmentView view, String statusOnDate) {
    }

    record Records(List<PledgeItem> pledges, List<CommitmentItem> commitments, List<ViolationView> violations) {
    }

    @Transactional(readOnly = true)
    public Records of(StateCode state, InstrumentId instrument, LocalDate asOf) {
        Set<String> pledgeIds = new LinkedHashSet<>();
        Set<String> commitmentIds = new LinkedHashSet<>();
        Set<String> violationIds = new LinkedHashSet<>();
        for (FactRow row : facts.stateFacts(instrument.value(), state.value(), Instant.now())) {
            row.toFact().ifPresent(fact -> {
                if (fact instanceof Fact.Pledged p && !p.pledgedOn().isAfter(asOf)) {
                    pledgeIds.add(p.pledgeId());
                } else if (fact instanceof Fact.CommitmentMade c && !c.madeOn().isAfter(asOf)) {
                    commitmentIds.add(c.commitmentId());
                } else if (fact instanceof Fact.ViolationReported v && !v.occurredOn().isAfter(asOf)) {
                    violationIds.add(v.violationId());
                }
            });
        }
        List<PledgeItem> pledges = new ArrayList<>();
        for (String id : pledgeIds) {
            pledge(id, asOf).ifPresent(pledges::add);
        }
        List<CommitmentItem> commitments = new ArrayList<>();
        for (String id : commitmentIds) {
            CommitmentView view = CommitmentView.of(streams.of(id));
            if (view != null) {
                commitments.add(new CommitmentItem(view, statusOn(view, asOf)));
            }
        }
        List<ViolationView> violations = new ArrayList<>();
        for (String id : violationIds) {
            ViolationView view = ViolationView.of(streams.of(id));
            if (view != null) {
                violations.add(view);
            }
        }
        return new Records(pledges, commitments, violations);
    }

    private java.util.Optional<PledgeItem> pledge(String pledgeId, LocalDate asOf) {
        PledgeItem item = null;
        for (RecordedEvent event : streams.of(pledgeId)) {
            if (event.payload() instanceof ParticipationEvents.NormPledged p) {
                item = new PledgeItem(pledgeId, p.norm().value(), p.pledgedOn(), p.statement(), null);
            } else if (event.payload() instanceof ParticipationEvents.PledgeWithdrawn w && item != null
                    && !w.withdrawnOn().isAfter(asOf)) {
                item = new PledgeItem(pledgeId, item.norm(), item.pledgedOn(), item.statement(), w.withdrawnOn());
            }
        }
        return java.util.Optional.ofNullable(item);
    }

    static String statusOn(CommitmentView view, LocalDate asOf) {
        if (view.fulfilledOn() != null && !view.fulfilledOn().isAfter(asOf)) {
            return view.fulfilledOn().isAfter(view.dueOn()) ? "LATE" : "FULFILLED";
        }
        if (view.withdrawnOn() != null && !view.withdrawnOn().isAfter(asOf)) {
            return "WITHDRAWN";
        }
        return view.dueOn().isAfter(asOf) ? "OPEN" : "OVERDUE";
    }
}
