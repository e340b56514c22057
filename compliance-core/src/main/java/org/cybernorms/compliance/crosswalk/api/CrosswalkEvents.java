package org.cybernorms.compliance.crosswalk.api;

import org.axonframework.serialization.Revision;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;

import java.time.LocalDate;

/**
 * Events of a crosswalk. Schema: never changed in place. Each mapping event names both instruments, so that a read
 * model can file it under either without looking up the crosswalk. The date field is the valid time; the event's
 * timestamp is when it was recorded.
 */
public sealed interface CrosswalkEvents {

    CrosswalkId crosswalkId();

    InstrumentId from();

    InstrumentId to();

    @Revision("1")
    record CrosswalkCreated(CrosswalkId crosswalkId, InstrumentId from, InstrumentId to, String title)
            implements CrosswalkEvents {
    }

    @Revision("1")
    record MappingAdded(CrosswalkId crosswalkId, InstrumentId from, InstrumentId to, NormCode sourceNorm,
                        NormCode targetNorm, Relation relation, String rationale, LocalDate effectiveOn)
            implements CrosswalkEvents {
    }

    @Revision("1")
    record MappingRetired(CrosswalkId crosswalkId, InstrumentId from, InstrumentId to, NormCode sourceNorm,
                          NormCode targetNorm, LocalDate retiredOn) implements CrosswalkEvents {
    }
}
