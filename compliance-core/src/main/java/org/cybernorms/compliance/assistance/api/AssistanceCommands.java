package org.cybernorms.compliance.assistance.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;

import java.time.LocalDate;

/**
 * Commands on a request for assistance and the offers made against it. A request and its offers are one record:
 * every command names the request, and the commands on an offer name the offer too.
 */
public sealed interface AssistanceCommands {

    AssistanceRequestId requestId();

    /** A state asks for assistance; {@code addressee} is the one party asked, or {@code null} for a request open to all. */
    record RequestAssistance(@TargetAggregateIdentifier AssistanceRequestId requestId, StateCode requester,
                             Party addressee, InstrumentId instrument, NormCode norm, AssistanceArea area,
                             String description, LocalDate requestedOn) implements AssistanceCommands {
    }

    /** {@code conditions} are required for CONDITIONAL terms and must be empty for UNCONDITIONAL ones. */
    record OfferAssistance(@TargetAggregateIdentifier AssistanceRequestId requestId, OfferId offerId, Party offeror,
                           OfferTerms terms, String conditions, LocalDate offeredOn) implements AssistanceCommands {
    }

    record AcceptOffer(@TargetAggregateIdentifier AssistanceRequestId requestId, OfferId offerId,
                       LocalDate acceptedOn) implements AssistanceCommands {
    }

    /** {@code reason} is optional. */
    record DeclineOffer(@TargetAggregateIdentifier AssistanceRequestId requestId, OfferId offerId,
                        LocalDate declinedOn, String reason) implements AssistanceCommands {
    }

    /** One part of the delivery of an accepted offer. */
    record ReportDelivery(@TargetAggregateIdentifier AssistanceRequestId requestId, OfferId offerId,
                          LocalDate deliveredOn, String description, String evidence) implements AssistanceCommands {
    }

    record CompleteOffer(@TargetAggregateIdentifier AssistanceRequestId requestId, OfferId offerId,
                         LocalDate completedOn) implements AssistanceCommands {
    }

    record WithdrawOffer(@TargetAggregateIdentifier AssistanceRequestId requestId, OfferId offerId,
                         LocalDate withdrawnOn, String reason) implements AssistanceCommands {
    }

    /** {@code note} is optional. */
    record CloseRequest(@TargetAggregateIdentifier AssistanceRequestId requestId, ClosureOutcome outcome,
                        LocalDate closedOn, String note) implements AssistanceCommands {
    }
}
