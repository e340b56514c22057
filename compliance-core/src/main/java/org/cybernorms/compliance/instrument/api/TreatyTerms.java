package org.cybernorms.compliance.instrument.api;

/**
 * A treaty's final clauses, as far as the tracker needs them.
 *
 * <p>Entry into force: on the {@code daysAfterThreshold}-th day after the deposit of the {@code consentsRequired}-th
 * instrument of consent (ratification, acceptance, approval or accession); for a participant that consents after
 * that deposit, on the {@code daysAfterLaterConsent}-th day after its own deposit, or on the treaty's entry into
 * force if that is later. A denunciation takes effect {@code denunciationTakesEffectAfterDays} days after it is
 * notified. {@code admitsOrganisations}: whether a registered organisation (such as {@code org:eu}) may sign and
 * consent; {@code organisationsCount}: whether its consent counts towards {@code consentsRequired}.
 */
public record TreatyTerms(int consentsRequired, int daysAfterThreshold, int daysAfterLaterConsent,
                          int denunciationTakesEffectAfterDays, boolean admitsOrganisations,
                          boolean organisationsCount) {
}
