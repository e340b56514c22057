package org.cybernorms.compliance.crosswalk;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.cybernorms.compliance.crosswalk.api.CrosswalkCommands;
import org.cybernorms.compliance.crosswalk.api.CrosswalkCommands.AddMapping;
import org.cybernorms.compliance.crosswalk.api.CrosswalkCommands.CreateCrosswalk;
import org.cybernorms.compliance.crosswalk.api.CrosswalkCommands.RetireMapping;
import org.cybernorms.compliance.crosswalk.api.CrosswalkEvents;
import org.cybernorms.compliance.crosswalk.api.CrosswalkId;
import org.cybernorms.compliance.instrument.NormCatalog;
import org.cybernorms.compliance.instrument.NormStanding;
import org.cybernorms.compliance.shared.FactRules;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.TransitionForbiddenException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A crosswalk from one instrument onto another: a set of mappings of a source norm onto a target norm. Each pair of
 * norms has at most one mapping in effect; a retired mapping may be added again later (with another relation, for
 * instance). Both norms must exist in their instruments; they need not be in force on the mapping's date (a norm that
 * takes effect later can be mapped ahead of time). A mapping takes effect on its {@code effectiveOn}.
 */
public class Crosswalk {

    @AggregateIdentifier
    private String aggregateId;
    private CrosswalkId crosswalkId;
    private InstrumentId from;
    private InstrumentId to;
    /** The date each pair's mapping in effect took effect, by {@code source>target}. */
    private final Map<String, LocalDate> active = new HashMap<>();
    /** The date each pair's last mapping was retired. */
    private final Map<String, LocalDate> retired = new HashMap<>();

    protected Crosswalk() {
    }

    @CommandHandler
    public Crosswalk(CreateCrosswalk command, NormCatalog catalog) {
        FactRules rules = FactRules.asOf(LocalDate.MAX)
                .present("from", command.from())
                .present("to", command.to())
                .present("title", command.title());
        if (command.from() != null && catalog.adoptedOn(command.from()).isEmpty()) {
            rules.reject("from", "'" + command.from() + "': " + NormStanding.UNKNOWN_INSTRUMENT.reason());
        }
        if (command.to() != null && catalog.adoptedOn(command.to()).isEmpty()) {
            rules.reject("to", "'" + command.to() + "': " + NormStanding.UNKNOWN_INSTRUMENT.reason());
        }
        if (command.from() != null && command.from().equals(command.to())) {
            rules.reject("to", "a crosswalk maps one instrument onto another, not onto itself");
        }
        rules.orThrow();
        apply(new CrosswalkEvents.CrosswalkCreated(command.crosswalkId(), command.from(), command.to(),
                command.title().strip()));
    }

    @CommandHandler
    public void handle(AddMapping command, Clock clock, NormCatalog catalog) {
        FactRules rules = FactRules.asOf(LocalDate.now(clock))
                .present("sourceNorm", command.sourceNorm())
                .present("targetNorm", command.targetNorm())
                .present("relation", command.relation())
                .present("effectiveOn", command.effectiveOn())
                .notInFuture("effectiveOn", command.effectiveOn());
        existing(catalog, rules, "sourceNorm", from, command.sourceNorm());
        existing(catalog, rules, "targetNorm", to, command.targetNorm());
        String pair = pair(command.sourceNorm(), command.targetNorm());
        rules.notBefore("effectiveOn", command.effectiveOn(), "the retirement of the pair's last mapping",
                retired.get(pair)).orThrow();
        if (active.containsKey(pair)) {
            throw new TransitionForbiddenException(command.sourceNorm() + " is already mapped onto "
                    + command.targetNorm() + " in '" + crosswalkId + "' (since " + active.get(pair)
                    + "); retire that mapping first", "MAPPED");
        }
        apply(new CrosswalkEvents.MappingAdded(crosswalkId, from, to, command.sourceNorm(), command.targetNorm(),
                command.relation(), command.rationale() == null ? null : command.rationale().strip(),
                command.effectiveOn()));
    }

    @CommandHandler
    public void handle(RetireMapping command, Clock clock) {
        String pair = pair(command.sourceNorm(), command.targetNorm());
        FactRules.asOf(LocalDate.now(clock))
                .present("retiredOn", command.retiredOn())
                .notInFuture("retiredOn", command.retiredOn())
                .notBefore("retiredOn", command.retiredOn(), "the mapping's effectiveOn", active.get(pair))
                .orThrow();
        if (!active.containsKey(pair)) {
            throw new TransitionForbiddenException("'" + crosswalkId + "' has no mapping of " + command.sourceNorm()
                    + " onto " + command.targetNorm() + " in effect", "NOT_MAPPED");
        }
        apply(new CrosswalkEvents.MappingRetired(crosswalkId, from, to, command.sourceNorm(), command.targetNorm(),
                command.retiredOn()));
    }

    /** A norm that the instrument has (at any date): a mapping onto a norm that does not exist is refused. */
    private static void existing(NormCatalog catalog, FactRules rules, String field, InstrumentId instrument,
                                 NormCode norm) {
        // the standing on the farthest date tells "unknown norm" apart from "not yet in force" and "retired"
        if (norm != null) {
            NormStanding standing = catalog.standing(instrument, norm, LocalDate.of(9999, 12, 31));
            if (standing == NormStanding.UNKNOWN_NORM || standing == NormStanding.UNKNOWN_INSTRUMENT) {
                rules.reject(field, "'" + norm + "': " + standing.reason() + " '" + instrument + "'");
            }
        }
    }

    private static String pair(NormCode source, NormCode target) {
        return source + ">" + target;
    }

    @EventSourcingHandler
    void on(CrosswalkEvents.CrosswalkCreated event) {
        aggregateId = CrosswalkCommands.aggregateId(event.crosswalkId());
        crosswalkId = event.crosswalkId();
        from = event.from();
        to = event.to();
    }

    @EventSourcingHandler
    void on(CrosswalkEvents.MappingAdded event) {
        active.put(pair(event.sourceNorm(), event.targetNorm()), event.effectiveOn());
    }

    @EventSourcingHandler
    void on(CrosswalkEvents.MappingRetired event) {
        String pair = pair(event.sourceNorm(), event.targetNorm());
        active.remove(pair);
        retired.put(pair, event.retiredOn());
    }
}
