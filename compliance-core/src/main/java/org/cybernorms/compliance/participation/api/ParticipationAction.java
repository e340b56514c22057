package org.cybernorms.compliance.participation.api;

/** What a state did with respect to an instrument. */
public enum ParticipationAction {
    SIGNED, RATIFIED, ACCEDED, WITHDREW
}
