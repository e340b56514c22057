package org.cybernorms.compliance.instrument.api;

import org.axonframework.serialization.Revision;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;

import java.time.LocalDate;

/**
 * Events of an instrument's life. These are schema: a published event is never changed in place; a change gets a
 * new revision and an upcaster. The date field of each event is its valid time; the event's timestamp is the time
 * it was recorded.
 */
public sealed interface InstrumentEvents {

    InstrumentId instrumentId();

    @Revision("1")
    record InstrumentCreated(InstrumentId instrumentId, String title, LocalDate adoptedOn) implements InstrumentEvents {
    }

    @Revision("1")
    record NormAdded(InstrumentId instrumentId, NormCode norm, String title, String summary, LocalDate effectiveOn)
            implements InstrumentEvents {
    }

    @Revision("1")
    record NormRevised(InstrumentId instrumentId, NormCode norm, String title, String summary, LocalDate revisedOn)
            implements InstrumentEvents {
    }

    @Revision("1")
    record NormRetired(InstrumentId instrumentId, NormCode norm, LocalDate retiredOn) implements InstrumentEvents {
    }

    /**
     * The instrument is a treaty, with these final clauses. Recorded right after {@link InstrumentCreated}; an
     * instrument without it is political, which is what every instrument created before treaties existed is.
     */
    @Revision("1")
    record TreatyTermsAdopted(InstrumentId instrumentId, int consentsRequired, int daysAfterThreshold,
                              int daysAfterLaterConsent, int denunciationTakesEffectAfterDays,
                              boolean admitsOrganisations, boolean organisationsCount) implements InstrumentEvents {

        public TreatyTermsAdopted(InstrumentId instrumentId, TreatyTerms terms) {
            this(instrumentId, terms.consentsRequired(), terms.daysAfterThreshold(), terms.daysAfterLaterConsent(),
                    terms.denunciationTakesEffectAfterDays(), terms.admitsOrganisations(), terms.organisationsCount());
        }

        public TreatyTerms terms() {
            return new TreatyTerms(consentsRequired, daysAfterThreshold, daysAfterLaterConsent,
                    denunciationTakesEffectAfterDays, admitsOrganisations, organisationsCount);
        }
    }
}
