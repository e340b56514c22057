package org.cybernorms.compliance.assistance.ledger;

import org.cybernorms.compliance.assistance.api.AssistanceArea;
import org.cybernorms.compliance.assistance.api.AssistanceRequestId;
import org.cybernorms.compliance.assistance.api.ClosureOutcome;
import org.cybernorms.compliance.assistance.api.OfferId;
import org.cybernorms.compliance.assistance.api.OfferStatus;
import org.cybernorms.compliance.assistance.api.OfferTerms;
import org.cybernorms.compliance.assistance.api.Party;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds ledger facts in recorded order for the tests: each fact is recorded one minute after the one before, from
 * 2024-01-01T00:00:00Z, unless recorded explicitly at another instant.
 */
final class LedgerFacts {

    static final Instant FIRST_RECORDED = Instant.parse("2024-01-01T00:00:00Z");
    static final Instant LONG_AFTER = Instant.parse("2030-01-01T00:00:00Z");

    private final List<LedgerFact> facts = new ArrayList<>();
    private Instant next = FIRST_RECORDED;

    static AssistanceRequestId requestId(int n) {
        return AssistanceRequestId.of(new UUID(0xA5, n).toString());
    }

    static OfferId offerId(int n) {
        return OfferId.of(new UUID(0x0F, n).toString());
    }

    List<LedgerFact> all() {
        return List.copyOf(facts);
    }

    List<LedgerFact.Delivered> deliveries() {
        return facts.stream().filter(LedgerFact.Delivered.class::isInstance).map(LedgerFact.Delivered.class::cast)
                .toList();
    }

    private FactTimes times(String validOn, Instant recordedAt) {
        return new FactTimes("event-" + facts.size(), LocalDate.parse(validOn), recordedAt);
    }

    private FactTimes times(String validOn) {
        FactTimes times = times(validOn, next);
        next = next.plusSeconds(60);
        return times;
    }

    LedgerFacts requested(int request, String requester, String addressee, String on) {
        facts.add(new LedgerFact.Requested(times(on), requestId(request), StateCode.of(requester),
                addressee == null ? null : Party.of(addressee), InstrumentId.UN_GGE_2015, NormCode.of("13h"),
                AssistanceArea.INCIDENT_RESPONSE_TEAMS));
        return this;
    }

    LedgerFacts offered(int request, String requester, int offer, String offeror, String on) {
        return offered(request, requester, offer, offeror, on, null);
    }

    /** An offer recorded at {@code recordedAt} ({@code null}: in turn). */
    LedgerFacts offered(int request, String requester, int offer, String offeror, String on, Instant recordedAt) {
        FactTimes times = recordedAt == null ? times(on) : times(on, recordedAt);
        facts.add(new LedgerFact.Offered(times, requestId(request), StateCode.of(requester), offerId(offer),
                Party.of(offeror), OfferTerms.UNCONDITIONAL));
        return this;
    }

    LedgerFacts step(int request, String requester, int offer, String offeror, OfferStatus status, String on) {
        facts.add(new LedgerFact.OfferStep(times(on), requestId(request), StateCode.of(requester), offerId(offer),
                Party.of(offeror), status));
        return this;
    }

    LedgerFacts delivered(int request, String requester, int offer, String offeror, int part, String on) {
        facts.add(new LedgerFact.Delivered(times(on), requestId(request), StateCode.of(requester), offerId(offer),
                Party.of(offeror), part));
        return this;
    }

    LedgerFacts closed(int request, String requester, ClosureOutcome outcome, String on) {
        facts.add(new LedgerFact.Closed(times(on), requestId(request), StateCode.of(requester), outcome));
        return this;
    }
}
