package org.cybernorms.compliance.assistance;

import org.cybernorms.compliance.assistance.api.OrganisationId;
import org.cybernorms.compliance.assistance.api.Party;
import org.cybernorms.compliance.shared.FactRules;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Answers whether a party may take part in assistance. A state is known if its code is assigned (which
 * {@link org.cybernorms.compliance.shared.StateCode} already ensures); an organisation is known from the date of its
 * registration, which is a fact of its own. Aggregates receive it as an injected resource of their command handlers.
 */
public interface PartyDirectory {

    /** The date from which the organisation is a known party, or empty if it was never registered. */
    Optional<LocalDate> registeredOn(OrganisationId organisation);

    /**
     * Adds a problem on {@code field} to {@code rules} unless {@code party} is known on {@code on}: a state always
     * is; an organisation must have been registered, on or before {@code on}.
     */
    default FactRules requireKnown(FactRules rules, String field, Party party, LocalDate on, String dateField) {
        if (!(party instanceof Party.Organisation organisation)) {
            return rules;
        }
        Optional<LocalDate> registered = registeredOn(organisation.id());
        if (registered.isEmpty()) {
            return rules.reject(field, "'" + party + "' is not a registered organisation; register it first "
                    + "(POST /api/assistance/organisations)");
        }
        if (on != null && on.isBefore(registered.get())) {
            return rules.reject(field, "'" + party + "' was registered on " + registered.get() + ", after "
                    + dateField + " (" + on + ")");
        }
        return rules;
    }
}
