package org.cybernorms.compliance.assistance;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.cybernorms.compliance.assistance.api.OrganisationCommands.RegisterOrganisation;
import org.cybernorms.compliance.assistance.api.OrganisationEvents.OrganisationRegistered;
import org.cybernorms.compliance.assistance.api.Party;
import org.cybernorms.compliance.shared.FactRules;

import java.time.Clock;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An organisation that takes part in assistance, registered once. Its identifier in the event store is the party as
 * written ({@code org:itu}), so it can never share an id with an instrument or any other record; registering the
 * same organisation again is refused as a record that already exists.
 */
public class RegisteredOrganisation {

    @AggregateIdentifier
    private Party.Organisation organisation;

    protected RegisteredOrganisation() {
    }

    @CommandHandler
    public RegisteredOrganisation(RegisterOrganisation command, Clock clock) {
        FactRules.asOf(LocalDate.now(clock))
                .present("organisationId", command.organisationId())
                .present("name", command.name())
                .present("registeredOn", command.registeredOn())
                .notInFuture("registeredOn", command.registeredOn())
                .orThrow();
        apply(new OrganisationRegistered(command.organisationId(), command.name().strip(), command.registeredOn()));
    }

    @EventSourcingHandler
    void on(OrganisationRegistered event) {
        organisation = Party.organisation(event.organisationId());
    }
}
