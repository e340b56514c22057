package org.cybernorms.compliance.assistance.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Events of an organisation that takes part in assistance. Schema: never changed in place. */
public sealed interface OrganisationEvents {

    OrganisationId organisationId();

    LocalDate validOn();

    @Revision("1")
    record OrganisationRegistered(OrganisationId organisationId, String name, LocalDate registeredOn)
            implements OrganisationEvents {
        public LocalDate validOn() {
            return registeredOn;
        }
    }
}
