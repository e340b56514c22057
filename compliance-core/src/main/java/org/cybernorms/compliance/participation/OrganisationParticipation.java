package org.cybernorms.compliance.participation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.cybernorms.compliance.assistance.PartyDirectory;
import org.cybernorms.compliance.assistance.api.Party;
import org.cybernorms.compliance.instrument.NormCatalog;
import org.cybernorms.compliance.instrument.api.TreatyTerms;
import org.cybernorms.compliance.participation.api.OrganisationParticipationCommands;
import org.cybernorms.compliance.participation.api.OrganisationParticipationCommands.RecordOrganisationParticipation;
import org.cybernorms.compliance.participation.api.OrganisationParticipationEvents.OrganisationParticipationRecorded;
import org.cybernorms.compliance.participation.api.ParticipationAction;
import org.cybernorms.compliance.shared.FactRules;
import org.cybernorms.compliance.shared.TransitionForbiddenException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A registered organisation's participation in a treaty that admits organisations ({@link TreatyTerms}): the same
 * steps as a state's under a treaty (sign, then ratify, accept or approve; or accede; denounce after consenting),
 * each once. Whether its consent counts towards entry into force is for the treaty's terms to say, on the read side.
 */
public class OrganisationParticipation {

    @AggregateIdentifier
    private String participationId;
    private Participation.Status status = Participation.Status.NONE;
    private LocalDate statusSince;

    protected OrganisationParticipation() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordOrganisationParticipation command, Clock clock, NormCatalog catalog,
                       PartyDirectory parties) {
        FactRules rules = FactRules.asOf(LocalDate.now(clock))
                .present("action", command.action())
                .present("date", command.date())
                .notInFuture("date", command.date())
                .notBefore("date", command.date(), "the previous participation step", statusSince);
        catalog.requireAdopted(rules, command.instrument(), command.date(), "date");
        Optional<TreatyTerms> terms = catalog.treatyTerms(command.instrument());
        if (catalog.adoptedOn(command.instrument()).isPresent()
                && terms.map(t -> !t.admitsOrganisations()).orElse(true)) {
            rules.reject("instrument", "'" + command.instrument() + "' does not admit organisations as participants");
        }
        if (command.action() == ParticipationAction.WITHDREW) {
            rules.reject("action", "a party leaves a treaty by DENOUNCED");
        }
        parties.requireKnown(rules, "organisation", Party.organisation(command.organisation()), command.date(),
                "date").orThrow();
        boolean allowed = switch (command.action()) {
            case SIGNED, ACCEDED -> status == Participation.Status.NONE;
            case RATIFIED, ACCEPTED, APPROVED -> status == Participation.Status.SIGNED;
            case DENOUNCED -> status == Participation.Status.PARTY;
            case WITHDREW -> false;
        };
        if (!allowed) {
            throw new TransitionForbiddenException("org:" + command.organisation() + " cannot be recorded as "
                    + command.action() + " while its status is " + status, status.name());
        }
        apply(new OrganisationParticipationRecorded(command.organisation(), command.instrument(), command.action(),
                command.date()));
    }

    @EventSourcingHandler
    void on(OrganisationParticipationRecorded event) {
        participationId = OrganisationParticipationCommands.participationId(event.instrument(), event.organisation());
        statusSince = event.date();
        status = switch (event.action()) {
            case SIGNED -> Participation.Status.SIGNED;
            case RATIFIED, ACCEPTED, APPROVED, ACCEDED -> Participation.Status.PARTY;
            case DENOUNCED -> Participation.Status.DENOUNCED;
            case WITHDREW -> Participation.Status.WITHDRAWN;
        };
    }
}
