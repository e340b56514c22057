package org.cybernorms.compliance.assistance.api;

import org.axonframework.serialization.Revision;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;

import java.time.LocalDate;

/**
 * Events of a request for assistance and of the offers made against it. Every event names the request and the
 * requesting state; every event about an offer also names the offer and who made it, so that read models need no
 * look-ups. Schema: never changed in place. The date field is the valid time.
 */
public sealed interface AssistanceEvents {

    AssistanceRequestId requestId();

    StateCode requester();

    LocalDate validOn();

    /** The events about one offer. */
    sealed interface OfferEvents extends AssistanceEvents {

        OfferId offerId();

        Party offeror();
    }

    /** {@code addressee} is {@code null} for a request open to all. */
    @Revision("1")
    record AssistanceRequested(AssistanceRequestId requestId, StateCode requester, Party addressee,
                               InstrumentId instrument, NormCode norm, AssistanceArea area, String description,
                               LocalDate requestedOn) implements AssistanceEvents {
        public LocalDate validOn() {
            return requestedOn;
        }
    }

    /** {@code conditions} is {@code null} for UNCONDITIONAL terms. */
    @Revision("1")
    record AssistanceOffered(AssistanceRequestId requestId, StateCode requester, OfferId offerId, Party offeror,
                             OfferTerms terms, String conditions, LocalDate offeredOn) implements OfferEvents {
        public LocalDate validOn() {
            return offeredOn;
        }
    }

    @Revision("1")
    record OfferAccepted(AssistanceRequestId requestId, StateCode requester, OfferId offerId, Party offeror,
                         LocalDate acceptedOn) implements OfferEvents {
        public LocalDate validOn() {
            return acceptedOn;
        }
    }

    /** {@code reason} may be {@code null}. */
    @Revision("1")
    record OfferDeclined(AssistanceRequestId requestId, StateCode requester, OfferId offerId, Party offeror,
                         LocalDate declinedOn, String reason) implements OfferEvents {
        public LocalDate validOn() {
            return declinedOn;
        }
    }

    /** One part of a delivery; parts of an offer are numbered 1, 2, … in the order they were recorded. */
    @Revision("1")
    record AssistanceDelivered(AssistanceRequestId requestId, StateCode requester, OfferId offerId, Party offeror,
                               int part, LocalDate deliveredOn, String description, String evidence)
            implements OfferEvents {
        public LocalDate validOn() {
            return deliveredOn;
        }
    }

    @Revision("1")
    record OfferCompleted(AssistanceRequestId requestId, StateCode requester, OfferId offerId, Party offeror,
                          LocalDate completedOn) implements OfferEvents {
        public LocalDate validOn() {
            return completedOn;
        }
    }

    @Revision("1")
    record OfferWithdrawn(AssistanceRequestId requestId, StateCode requester, OfferId offerId, Party offeror,
                          LocalDate withdrawnOn, String reason) implements OfferEvents {
        public LocalDate validOn() {
            return withdrawnOn;
        }
    }

    /** {@code note} may be {@code null}. */
    @Revision("1")
    record AssistanceRequestClosed(AssistanceRequestId requestId, StateCode requester, ClosureOutcome outcome,
                                   LocalDate closedOn, String note) implements AssistanceEvents {
        public LocalDate validOn() {
            return closedOn;
        }
    }
}
