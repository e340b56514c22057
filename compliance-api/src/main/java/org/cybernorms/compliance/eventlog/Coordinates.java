package org.cybernorms.compliance.eventlog;

import org.cybernorms.compliance.commitment.api.CommitmentEvents;
import org.cybernorms.compliance.crosswalk.api.CrosswalkEvents;
import org.cybernorms.compliance.instrument.api.InstrumentEvents;
import org.cybernorms.compliance.participation.api.OrganisationParticipationEvents;
import org.cybernorms.compliance.participation.api.ParticipationEvents;
import org.cybernorms.compliance.violation.api.ViolationEvents;

import java.time.LocalDate;

/**
 * Where an event sits in the world: the instrument it is about, the state and norm where it has them, and its valid
 * time (the date it took effect). An instrument's own events have no state; creating an instrument or a treaty
 * step (signature, ratification, accession, withdrawal) has no norm.
 */
public record Coordinates(String instrument, String state, String norm, LocalDate validOn) {

    public static Coordinates of(Object payload) {
        if (payload instanceof InstrumentEvents event) {
            String instrument = event.instrumentId().value();
            if (event instanceof InstrumentEvents.InstrumentCreated e) {
                return new Coordinates(instrument, null, null, e.adoptedOn());
            }
            if (event instanceof InstrumentEvents.NormAdded e) {
                return new Coordinates(instrument, null, e.norm().value(), e.effectiveOn());
            }
            if (event instanceof InstrumentEvents.NormRevised e) {
                return new Coordinates(instrument, null, e.norm().value(), e.revisedOn());
            }
            if (event instanceof InstrumentEvents.NormRetired e) {
                return new Coordinates(instrument, null, e.norm().value(), e.retiredOn());
            }
            // a treaty's terms (TreatyTermsAdopted) carry no date of their own: they are part of its creation
            return new Coordinates(instrument, null, null, null);
        }
        if (payload instanceof ParticipationEvents event) {
            String norm = null;
            if (event instanceof ParticipationEvents.NormPledged e) {
                norm = e.norm().value();
            } else if (event instanceof ParticipationEvents.PledgeWithdrawn e) {
                norm = e.norm().value();
            } else if (event instanceof ParticipationEvents.ReservationEntered e) {
                norm = e.norm().value();
            } else if (event instanceof ParticipationEvents.ReservationWithdrawn e) {
                norm = e.norm().value();
            } else if (event instanceof ParticipationEvents.ObjectionEntered e) {
                norm = e.norm().value();
            }
            return new Coordinates(event.instrument().value(), event.state().value(), norm, event.validOn());
        }
        if (payload instanceof OrganisationParticipationEvents.OrganisationParticipationRecorded e) {
            return new Coordinates(e.instrument().value(), null, null, e.date());
        }
        if (payload instanceof CrosswalkEvents event) {
            // filed under the instrument mapped onto (a treaty), as the scorecard facts file them
            if (event instanceof CrosswalkEvents.MappingAdded e) {
                return new Coordinates(e.to().value(), null, e.targetNorm().value(), e.effectiveOn());
            }
            if (event instanceof CrosswalkEvents.MappingRetired e) {
                return new Coordinates(e.to().value(), null, e.targetNorm().value(), e.retiredOn());
            }
            return new Coordinates(event.to().value(), null, null, null);
        }
        if (payload instanceof CommitmentEvents event) {
            return new Coordinates(event.instrument().value(), event.state().value(), event.norm().value(),
                    event.validOn());
        }
        if (payload instanceof ViolationEvents event) {
            return new Coordinates(event.instrument().value(), event.state().value(), event.norm().value(),
                    event.validOn());
        }
        return new Coordinates(null, null, null, null);
    }
}
