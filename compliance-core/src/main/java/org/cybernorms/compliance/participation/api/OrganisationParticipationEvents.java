package org.cybernorms.compliance.participation.api;

import org.axonframework.serialization.Revision;
import org.cybernorms.compliance.assistance.api.OrganisationId;
import org.cybernorms.compliance.shared.InstrumentId;

import java.time.LocalDate;

/**
 * Events of a registered organisation's participation in a treaty (such as the European Union's signature). Schema:
 * never changed in place. Apart from {@link ParticipationEvents}, whose events are a state's.
 */
public sealed interface OrganisationParticipationEvents {

    OrganisationId organisation();

    InstrumentId instrument();

    /** A step ({@link ParticipationAction}, never {@code WITHDREW}) taken on {@code date}. */
    @Revision("1")
    record OrganisationParticipationRecorded(OrganisationId organisation, InstrumentId instrument,
                                             ParticipationAction action, LocalDate date)
            implements OrganisationParticipationEvents {
    }
}
