package org.cybernorms.compliance.instrument;

import org.cybernorms.compliance.instrument.api.TreatyTerms;
import org.cybernorms.compliance.shared.FactRules;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Answers whether a norm of an instrument is in force on a date. Aggregates of other features receive it as an
 * injected resource of their command handlers, because the instrument is a separate aggregate.
 */
public interface NormCatalog {

    NormStanding standing(InstrumentId instrument, NormCode norm, LocalDate on);

    /** The date the instrument was adopted, or empty if no such instrument is known. */
    Optional<LocalDate> adoptedOn(InstrumentId instrument);

    /** A treaty's terms; empty for a political or unknown instrument. */
    default Optional<TreatyTerms> treatyTerms(InstrumentId instrument) {
        return Optional.empty();
    }

    /** Adds a problem to {@code rules} unless the instrument exists and was adopted on or before {@code on}. */
    default FactRules requireAdopted(FactRules rules, InstrumentId instrument, LocalDate on, String dateField) {
        if (instrument == null) {
            return rules;
        }
        Optional<LocalDate> adopted = adoptedOn(instrument);
        if (adopted.isEmpty()) {
            return rules.reject("instrument", "'" + instrument + "': " + NormStanding.UNKNOWN_INSTRUMENT.reason());
        }
        return rules.notBefore(dateField, on, "the instrument's adoption", adopted.get());
    }

    /** Adds a problem on {@code normField} (or {@code instrument}) to {@code rules} unless the norm is in force. */
    default FactRules requireInForce(FactRules rules, InstrumentId instrument, NormCode norm, LocalDate on,
                                     String dateField) {
        if (instrument == null || norm == null || on == null) {
            return rules;
        }
        NormStanding standing = standing(instrument, norm, on);
        return switch (standing) {
            case IN_FORCE -> rules;
            case UNKNOWN_INSTRUMENT -> rules.reject("instrument", "'" + instrument + "': " + standing.reason());
            case UNKNOWN_NORM -> rules.reject("norm", "'" + norm + "': " + standing.reason() + " '" + instrument + "'");
            case NOT_YET_IN_FORCE, RETIRED ->
                    rules.reject("norm", "'" + norm + "': " + standing.reason() + " (" + dateField + " " + on + ")");
        };
    }
}
