package org.cybernorms.compliance.assistance.api;

import java.time.LocalDate;

/** Commands about the organisations that take part in assistance. */
public sealed interface OrganisationCommands {

    /**
     * Registers an organisation, making it a known party from {@code registeredOn}: it may be addressed, and offer
     * and deliver assistance, in facts dated on or after that day.
     */
    record RegisterOrganisation(OrganisationId organisationId, String name, LocalDate registeredOn)
            implements OrganisationCommands {
    }
}
