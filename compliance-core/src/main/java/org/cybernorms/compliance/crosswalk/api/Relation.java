package org.cybernorms.compliance.crosswalk.api;

/**
 * How a source norm relates to a target norm, after NIST's OLIR relationship types. Only {@link #EQUIVALENT} carries
 * a state's record from one instrument to the other: a narrower, broader or merely related source says something
 * about the target, but not the same thing, so what a state did under it cannot be scored as done under the target.
 */
public enum Relation {
    /** The two say the same. */
    EQUIVALENT,
    /** The source is narrower than the target: it covers part of it. */
    NARROWER,
    /** The source is broader than the target: the target covers part of it. */
    BROADER,
    /** They overlap or touch, without one containing the other. */
    RELATED
}
