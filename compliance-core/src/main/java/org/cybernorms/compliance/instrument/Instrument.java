package org.cybernorms.compliance.instrument;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.cybernorms.compliance.instrument.api.InstrumentCommands.AddNorm;
import org.cybernorms.compliance.instrument.api.InstrumentCommands.CreateInstrument;
import org.cybernorms.compliance.instrument.api.InstrumentCommands.NormText;
import org.cybernorms.compliance.instrument.api.InstrumentCommands.RetireNorm;
import org.cybernorms.compliance.instrument.api.InstrumentCommands.ReviseNorm;
import org.cybernorms.compliance.instrument.api.InstrumentEvents;
import org.cybernorms.compliance.instrument.api.InstrumentKind;
import org.cybernorms.compliance.instrument.api.TreatyTerms;
import org.cybernorms.compliance.shared.FactRejectedException;
import org.cybernorms.compliance.shared.FactRules;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.TransitionForbiddenException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An instrument and its norms: created once, then amended by adding, revising and retiring norms. */
public class Instrument {

    @AggregateIdentifier
    private InstrumentId instrumentId;
    private InstrumentNorms norms;

    protected Instrument() {
    }

    @CommandHandler
    public Instrument(CreateInstrument command, Clock clock) {
        FactRules rules = FactRules.asOf(LocalDate.now(clock))
                .present("title", command.title())
                .present("adoptedOn", command.adoptedOn())
                .notInFuture("adoptedOn", command.adoptedOn());
        Set<Object> seen = new HashSet<>();
        if (command.norms() != null) {
            for (int i = 0; i < command.norms().size(); i++) {
                NormText norm = command.norms().get(i);
                rules.present("norms[" + i + "].norm", norm.norm())
                        .present("norms[" + i + "].title", norm.title())
                        .require(seen.add(norm.norm()), "norms[" + i + "].norm", "'" + norm.norm() + "' appears twice");
            }
        }
        TreatyTerms treaty = checkedTerms(rules, command.kind(), command.treaty());
        rules.orThrow();
        apply(new InstrumentEvents.InstrumentCreated(command.instrumentId(), command.title().strip(),
                command.adoptedOn()));
        if (treaty != null) {
            apply(new InstrumentEvents.TreatyTermsAdopted(command.instrumentId(), treaty));
        }
        if (command.norms() != null) {
            for (NormText norm : command.norms()) {
                apply(new InstrumentEvents.NormAdded(command.instrumentId(), norm.norm(), norm.title().strip(),
                        norm.summary(), command.adoptedOn()));
            }
        }
    }

    /** The terms of a treaty, checked into {@code rules}; null for a political instrument (which has none). */
    private static TreatyTerms checkedTerms(FactRules rules, InstrumentKind kind, TreatyTerms terms) {
        if (kind != InstrumentKind.TREATY) {
            rules.require(terms == null, "kind", "only a TREATY has entry-into-force and denunciation terms");
            return null;
        }
        if (terms == null) {
            rules.reject("consentsRequired", "is required for a TREATY");
            return null;
        }
        rules.require(terms.consentsRequired() >= 1, "consentsRequired", "must be at least 1")
                .require(terms.daysAfterThreshold() >= 0, "daysAfterThreshold", "must not be negative")
                .require(terms.daysAfterLaterConsent() >= 0, "daysAfterLaterConsent", "must not be negative")
                .require(terms.denunciationTakesEffectAfterDays() >= 0, "denunciationTakesEffectAfterDays",
                        "must not be negative")
                .require(terms.admitsOrganisations() || !terms.organisationsCount(), "organisationsCount",
                        "organisations can count only where the treaty admits them (admitsOrganisations)");
        return terms;
    }

    @CommandHandler
    public void handle(AddNorm command, Clock clock) {
        FactRules.asOf(LocalDate.now(clock))
                .present("norm", command.norm())
                .present("title", command.title())
                .present("effectiveOn", command.effectiveOn())
                .notInFuture("effectiveOn", command.effectiveOn())
                .notBefore("effectiveOn", command.effectiveOn(), "the instrument's adoption", norms.adoptedOn())
                .orThrow();
        if (norms.norm(command.norm()).isPresent()) {
            throw new TransitionForbiddenException(
                    "norm '" + command.norm() + "' already exists in '" + instrumentId + "'; revise it instead",
                    "EXISTS");
        }
        apply(new InstrumentEvents.NormAdded(instrumentId, command.norm(), command.title().strip(), command.summary(),
                command.effectiveOn()));
    }

    @CommandHandler
    public void handle(ReviseNorm command, Clock clock) {
        InstrumentNorms.Norm norm = existingNorm(command.norm());
        FactRules.asOf(LocalDate.now(clock))
                .present("title", command.title())
                .present("revisedOn", command.revisedOn())
                .notInFuture("revisedOn", command.revisedOn())
                .notBefore("revisedOn", command.revisedOn(), "the norm's last wording", norm.lastWordedOn())
                .orThrow();
        if (norm.isRetired()) {
            throw new TransitionForbiddenException("norm '" + command.norm() + "' is retired", "RETIRED");
        }
        apply(new InstrumentEvents.NormRevised(instrumentId, command.norm(), command.title().strip(),
                command.summary(), command.revisedOn()));
    }

    @CommandHandler
    public void handle(RetireNorm command, Clock clock) {
        InstrumentNorms.Norm norm = existingNorm(command.norm());
        FactRules.asOf(LocalDate.now(clock))
                .present("retiredOn", command.retiredOn())
                .notInFuture("retiredOn", command.retiredOn())
                .notBefore("retiredOn", command.retiredOn(), "the norm's last wording", norm.lastWordedOn())
                .orThrow();
        if (norm.isRetired()) {
            throw new TransitionForbiddenException(
                    "norm '" + command.norm() + "' was already retired on " + norm.retiredOn(), "RETIRED");
        }
        apply(new InstrumentEvents.NormRetired(instrumentId, command.norm(), command.retiredOn()));
    }

    private InstrumentNorms.Norm existingNorm(NormCode code) {
        if (code == null) {
            throw new FactRejectedException("norm", "is required");
        }
        return norms.norm(code).orElseThrow(() -> new FactRejectedException("norm",
                "'" + code + "': " + NormStanding.UNKNOWN_NORM.reason() + " '" + instrumentId + "'"));
    }

    @EventSourcingHandler
    void on(InstrumentEvents.InstrumentCreated event) {
        instrumentId = event.instrumentId();
        norms = new InstrumentNorms(event.instrumentId()).apply(event);
    }

    @EventSourcingHandler
    void on(InstrumentEvents.TreatyTermsAdopted event) {
        norms.apply(event);
    }

    @EventSourcingHandler
    void on(InstrumentEvents.NormAdded event) {
        norms.apply(event);
    }

    @EventSourcingHandler
    void on(InstrumentEvents.NormRevised event) {
        norms.apply(event);
    }

    @EventSourcingHandler
    void on(InstrumentEvents.NormRetired event) {
        norms.apply(event);
    }
}
