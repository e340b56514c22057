package org.cybernorms.compliance.instrument.api;

/**
 * What an instrument is in law. A {@link #POLITICAL} instrument (the default; {@code un-gge-2015} is one) binds no
 * one: participation in it is recorded and nothing follows from it. A {@link #TREATY} binds each state that has
 * consented to it from the date it enters into force for that state, by the rule in its {@link TreatyTerms}.
 */
public enum InstrumentKind {
    POLITICAL, TREATY
}
