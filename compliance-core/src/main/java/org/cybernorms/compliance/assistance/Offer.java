package org.cybernorms.compliance.assistance;

import org.cybernorms.compliance.assistance.api.OfferId;
import org.cybernorms.compliance.assistance.api.OfferStatus;
import org.cybernorms.compliance.assistance.api.Party;
import org.cybernorms.compliance.shared.TransitionForbiddenException;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One offer inside an {@link AssistanceRequest}: an entity of that aggregate, changed only by its event sourcing
 * handlers. Pending until accepted or declined; an accepted offer is delivered in parts, then completed; a pending
 * or accepted offer may be withdrawn.
 */
final class Offer {

    private final OfferId offerId;
    private final Party offeror;
    private final LocalDate offeredOn;
    private OfferStatus status = OfferStatus.PENDING;
    private LocalDate acceptedOn;
    private LocalDate settledOn;
    private int parts;
    private LocalDate lastDeliveredOn;

    Offer(OfferId offerId, Party offeror, LocalDate offeredOn) {
        this.offerId = offerId;
        this.offeror = offeror;
        this.offeredOn = offeredOn;
    }

    /** Refuses {@code action} with a 409 unless the offer's status is one of {@code allowed}. */
    void require(String action, OfferStatus... allowed) {
        if (Arrays.asList(allowed).contains(status)) {
            return;
        }
        String since = switch (status) {
            case PENDING -> "it is still pending: it was neither accepted nor declined";
            case ACCEPTED -> "it was accepted on " + acceptedOn;
            default -> "it was " + status.name().toLowerCase() + " on " + settledOn;
        };
        throw new TransitionForbiddenException("cannot " + action + " offer " + offerId + ": " + since,
                status.name());
    }

    /** The latest date of the offer's steps, which every later step must not precede. */
    LocalDate latestDate() {
        return Stream.of(offeredOn, acceptedOn, lastDeliveredOn, settledOn)
                .filter(d -> d != null).max(LocalDate::compareTo).orElseThrow();
    }

    OfferId offerId() {
        return offerId;
    }

    Party offeror() {
        return offeror;
    }

    LocalDate offeredOn() {
        return offeredOn;
    }

    OfferStatus status() {
        return status;
    }

    LocalDate acceptedOn() {
        return acceptedOn;
    }

    int parts() {
        return parts;
    }

    LocalDate lastDeliveredOn() {
        return lastDeliveredOn;
    }

    void accepted(LocalDate on) {
        status = OfferStatus.ACCEPTED;
        acceptedOn = on;
    }

    void delivered(LocalDate on) {
        parts++;
        if (lastDeliveredOn == null || on.isAfter(lastDeliveredOn)) {
            lastDeliveredOn = on;
        }
    }

    void settled(OfferStatus outcome, LocalDate on) {
        status = outcome;
        settledOn = on;
    }

    /** Offers are equal when every field is: the aggregate test fixture compares state rebuilt from events this way. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Offer o && offerId.equals(o.offerId) && Objects.equals(offeror, o.offeror)
                && Objects.equals(offeredOn, o.offeredOn) && status == o.status
                && Objects.equals(acceptedOn, o.acceptedOn) && Objects.equals(settledOn, o.settledOn)
                && parts == o.parts && Objects.equals(lastDeliveredOn, o.lastDeliveredOn);
    }

    @Override
    public int hashCode() {
        return offerId.hashCode();
    }
}
