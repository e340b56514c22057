package org.cybernorms.compliance.scorecard.methodology;

/** The spacing of the points of a score history. */
public enum Step {
    /** Every day from {@code from}. */
    DAY,
    /** Every seventh day from {@code from}. */
    WEEK,
    /** The last day of each month, the last point clamped to {@code to}. */
    MONTH
}
