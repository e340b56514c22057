package org.cybernorms.compliance.participation.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.cybernorms.compliance.assistance.api.OrganisationId;
import org.cybernorms.compliance.shared.InstrumentId;

import java.time.LocalDate;

/** Commands about a registered organisation's participation in a treaty that admits organisations. */
public sealed interface OrganisationParticipationCommands {

    /** The aggregate identifier of one organisation's participation in one instrument. */
    static String participationId(InstrumentId instrument, OrganisationId organisation) {
        return instrument.value() + ":org:" + organisation.value();
    }

    /** A participation step of the organisation, effective on {@code date}. */
    record RecordOrganisationParticipation(OrganisationId organisation, InstrumentId instrument,
                                           ParticipationAction action, LocalDate date)
            implements OrganisationParticipationCommands {
        @TargetAggregateIdentifier
        public String participationId() {
            return OrganisationParticipationCommands.participationId(instrument, organisation);
        }
    }
}
