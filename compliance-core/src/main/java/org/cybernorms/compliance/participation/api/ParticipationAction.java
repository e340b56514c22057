package org.cybernorms.compliance.participation.api;

/**
 * What a state did with respect to an instrument. {@link #RATIFIED}, {@link #ACCEPTED}, {@link #APPROVED} and
 * {@link #ACCEDED} are the four ways to consent to be bound by a treaty; the first three follow a signature,
 * accession needs none. A party leaves a treaty by {@link #DENOUNCED}; {@link #WITHDREW} is how a state leaves a
 * political instrument.
 */
public enum ParticipationAction {
    SIGNED, RATIFIED, ACCEPTED, APPROVED, ACCEDED, DENOUNCED, WITHDREW;

    /** Whether this action is a consent to be bound. */
    public boolean isConsent() {
        return this == RATIFIED || this == ACCEPTED || this == APPROVED || this == ACCEDED;
    }
}
