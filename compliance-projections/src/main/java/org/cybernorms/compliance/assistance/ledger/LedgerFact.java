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

/**
 * One recorded assistance fact, in the shape the {@link AssistanceLedger} reads: what it is about and its two times.
 * Every fact names the request and the requesting state; facts about an offer also name the offer and its offeror.
 */
public sealed interface LedgerFact {

    FactTimes times();

    AssistanceRequestId requestId();

    StateCode requester();

    /** A fact about one offer. */
    sealed interface AboutOffer extends LedgerFact {

        OfferId offerId();

        Party offeror();
    }

    /** {@code addressee} is {@code null} for a request open to all. */
    record Requested(FactTimes times, AssistanceRequestId requestId, StateCode requester, Party addressee,
                     InstrumentId instrument, NormCode norm, AssistanceArea area) implements LedgerFact {
    }

    record Offered(FactTimes times, AssistanceRequestId requestId, StateCode requester, OfferId offerId,
                   Party offeror, OfferTerms terms) implements AboutOffer {
    }

    /** The offer was accepted, declined, completed or withdrawn: {@code status} is what it became. */
    record OfferStep(FactTimes times, AssistanceRequestId requestId, StateCode requester, OfferId offerId,
                     Party offeror, OfferStatus status) implements AboutOffer {
    }

    /** One part of a delivery. */
    record Delivered(FactTimes times, AssistanceRequestId requestId, StateCode requester, OfferId offerId,
                     Party offeror, int part) implements AboutOffer {
    }

    record Closed(FactTimes times, AssistanceRequestId requestId, StateCode requester, ClosureOutcome outcome)
            implements LedgerFact {
    }
}
