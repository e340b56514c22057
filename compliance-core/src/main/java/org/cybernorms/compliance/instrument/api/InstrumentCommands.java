package org.cybernorms.compliance.instrument.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;

import java.time.LocalDate;
import java.util.List;

/** Commands that create and amend instruments. */
public sealed interface InstrumentCommands {

    /** The wording of a norm at creation. */
    record NormText(NormCode norm, String title, String summary) {
    }

    /**
     * Creates an instrument; its initial norms are in force from {@code adoptedOn}. {@code kind} null means
     * {@link InstrumentKind#POLITICAL}; a {@link InstrumentKind#TREATY} needs its {@code treaty} terms.
     */
    record CreateInstrument(@TargetAggregateIdentifier InstrumentId instrumentId, String title, LocalDate adoptedOn,
                            List<NormText> norms, InstrumentKind kind, TreatyTerms treaty)
            implements InstrumentCommands {

        /** A political instrument. */
        public CreateInstrument(InstrumentId instrumentId, String title, LocalDate adoptedOn, List<NormText> norms) {
            this(instrumentId, title, adoptedOn, norms, InstrumentKind.POLITICAL, null);
        }
    }

    record AddNorm(@TargetAggregateIdentifier InstrumentId instrumentId, NormCode norm, String title, String summary,
                   LocalDate effectiveOn) implements InstrumentCommands {
    }

    record ReviseNorm(@TargetAggregateIdentifier InstrumentId instrumentId, NormCode norm, String title,
                      String summary, LocalDate revisedOn) implements InstrumentCommands {
    }

    record RetireNorm(@TargetAggregateIdentifier InstrumentId instrumentId, NormCode norm, LocalDate retiredOn)
            implements InstrumentCommands {
    }
}
