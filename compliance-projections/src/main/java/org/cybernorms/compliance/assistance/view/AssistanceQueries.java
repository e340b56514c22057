package org.cybernorms.compliance.assistance.view;

import org.cybernorms.compliance.assistance.api.AssistanceRequestId;
import org.cybernorms.compliance.assistance.api.OfferId;
import org.cybernorms.compliance.assistance.api.Party;
import org.cybernorms.compliance.assistance.api.RequestStatus;
import org.cybernorms.compliance.assistance.ledger.AssistanceLedger;
import org.cybernorms.compliance.assistance.ledger.AssistanceRankings;
import org.cybernorms.compliance.assistance.ledger.LedgerFact;
import org.cybernorms.compliance.assistance.ledger.StateAssistance;
import org.cybernorms.compliance.scorecard.view.ScorecardQueries;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Ledgers, rankings and lists of assistance, read from the assistance facts (never from the event log). A party's
 * ledger reads the facts of the requests it made and of the offers it made, through their indexes; ledgers are
 * cached under the version of the facts.
 */
@Component
@Transactional(readOnly = true)
public class AssistanceQueries {

    private final AssistanceFactRowRepository rows;
    private final AssistanceVersions versions;
    private final AssistanceCache cache;

    public AssistanceQueries(AssistanceFactRowRepository rows, AssistanceVersions versions, AssistanceCache cache) {
        this.rows = rows;
        this.versions = versions;
        this.cache = cache;
    }

    /**
     * What {@code party} asked for, offered, received and delivered at {@code asOf}, as recorded by {@code knownAt}.
     *
     * <p>Cached ({@link AssistanceCache}) under the version of the assistance facts ({@link AssistanceVersions}),
     * read from the database on every request, so that a new fact, one committed late, a reset and a bulk rebuild
     * each lead to a fresh computation, on every node. A cached ledger is the ledger for "everything recorded": it is
     * used only when {@code knownAt} is at or after the latest recorded instant of the facts, and given back with
     * the request's knownAt. A ledger is cached only when the version read after its facts is the version read
     * before them (nothing was committed in between). No transaction of its own (see {@link ScorecardQueries}): a
     * cached ledger costs one read of the version; the facts of a ledger not cached are read each in a read-only
     * transaction of the repository.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public StateAssistance ledger(Party party, LocalDate asOf, Instant knownAt) {
        AssistanceVersions.Version before = cache.enabled() ? versions.current() : null;
        if (!cache.enabled() || (before != null && knownAt.isBefore(before.lastRecordedAt()))) {
            return computeLedger(party, asOf, knownAt);
        }
        AssistanceCache.Key key = new AssistanceCache.Key(party.value(), asOf, AssistanceCache.Stamp.of(before));
        StateAssistance cached = cache.get(key);
        if (cached != null) {
            return cached.knownAt().equals(knownAt) ? cached : new StateAssistance(cached.party(), cached.asOf(),
                    knownAt, cached.totals(), cached.asked(), cached.offered(), cached.received(),
                    cached.delivered());
        }
        StateAssistance ledger = computeLedger(party, asOf, knownAt);
        if (Objects.equals(before, versions.current())) {
            cache.put(key, ledger);
        }
        return ledger;
    }

    private StateAssistance computeLedger(Party party, LocalDate asOf, Instant knownAt) {
        Map<String, AssistanceFactRow> facts = new LinkedHashMap<>();
        if (party instanceof Party.State state) {
            rows.requesterFacts(state.code().value(), knownAt).forEach(row -> facts.put(row.eventId(), row));
        }
        rows.offerorFacts(party.value(), knownAt).forEach(row -> facts.putIfAbsent(row.eventId(), row));
        List<LedgerFact> ordered = facts.values().stream()
                .sorted(Comparator.comparingLong(AssistanceFactRow::position))
                .map(AssistanceFactRow::toFact).toList();
        return AssistanceLedger.of(party, ordered, asOf, knownAt);
    }

    /** Donors by delivery parts made, recipients by delivery parts received, at {@code asOf}. */
    public AssistanceRankings.Rankings rankings(LocalDate asOf, Instant knownAt) {
        List<LedgerFact.Delivered> deliveries = rows.deliveries(asOf, knownAt).stream()
                .map(row -> (LedgerFact.Delivered) row.toFact()).toList();
        return AssistanceRankings.rank(deliveries, asOf, knownAt);
    }

    /** The request an offer was made against, if the offer is known. */
    public Optional<AssistanceRequestId> requestOfOffer(OfferId offer) {
        return rows.requestOfOffer(offer.value()).stream().findFirst().map(AssistanceRequestId::of);
    }

    /**
     * The requests recorded so far, by requestedOn then id; each filter is optional: the requesting state, the
     * request's status now, and the norm (code, whatever the instrument).
     */
    public List<RequestListing> requests(StateCode state, RequestStatus status, NormCode norm) {
        List<AssistanceFactRow> requested = rows.requests(state == null ? null : state.value(),
                norm == null ? null : norm.value());
        Map<String, LedgerFact.Closed> closures = new HashMap<>();
        if (!requested.isEmpty()) {
            List<String> ids = requested.stream().map(AssistanceFactRow::requestId).toList();
            for (int from = 0; from < ids.size(); from += 500) {
                rows.closures(ids.subList(from, Math.min(ids.size(), from + 500))).forEach(row ->
                        closures.put(row.requestId(), (LedgerFact.Closed) row.toFact()));
            }
        }
        List<RequestListing> listings = new ArrayList<>();
        for (AssistanceFactRow row : requested) {
            LedgerFact.Requested request = (LedgerFact.Requested) row.toFact();
            LedgerFact.Closed closed = closures.get(row.requestId());
            RequestStatus current = closed == null ? RequestStatus.OPEN : RequestStatus.closedAs(closed.outcome());
            if (status != null && status != current) {
                continue;
            }
            listings.add(new RequestListing(request.requestId(), request.requester(), request.addressee(),
                    request.instrument(), request.norm(), request.area(), request.times().validOn(), current,
                    closed == null ? null : closed.times().validOn()));
        }
        return listings;
    }
}
