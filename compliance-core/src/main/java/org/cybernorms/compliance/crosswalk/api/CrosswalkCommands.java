package org.cybernorms.compliance.crosswalk.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;

import java.time.LocalDate;

/** Commands that create a crosswalk and add and retire its mappings. */
public sealed interface CrosswalkCommands {

    /**
     * The aggregate identifier of a crosswalk: its id behind a prefix, so that a crosswalk can never share an event
     * stream with an instrument or another aggregate whose id happens to be spelt the same.
     */
    static String aggregateId(CrosswalkId crosswalkId) {
        return "crosswalk:" + crosswalkId.value();
    }


    record CreateCrosswalk(CrosswalkId crosswalkId, InstrumentId from, InstrumentId to,
                           String title) implements CrosswalkCommands {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return CrosswalkCommands.aggregateId(crosswalkId);
        }
    }

    /** Maps {@code sourceNorm} of the crosswalk's {@code from} onto {@code targetNorm} of its {@code to}. */
    record AddMapping(CrosswalkId crosswalkId, NormCode sourceNorm, NormCode targetNorm,
                      Relation relation, String rationale, LocalDate effectiveOn) implements CrosswalkCommands {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return CrosswalkCommands.aggregateId(crosswalkId);
        }
    }

    record RetireMapping(CrosswalkId crosswalkId, NormCode sourceNorm, NormCode targetNorm,
                         LocalDate retiredOn) implements CrosswalkCommands {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return CrosswalkCommands.aggregateId(crosswalkId);
        }
    }
}
