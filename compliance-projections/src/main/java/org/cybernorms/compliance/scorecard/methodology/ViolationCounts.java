package org.cybernorms.compliance.scorecard.methodology;

/**
 * Violation reports against a state under one norm as at the scorecard's date T, among reports known by T (reported
 * on or before T, about an act that occurred on or before T). A report can be in several counts: a confirmed report
 * that was later remedied counts as confirmed and as remedied.
 *
 * @param reported    every such report
 * @param underReview review started by T, and neither confirmed nor dismissed by T
 * @param confirmed   confirmed on or before T
 * @param dismissed   dismissed on or before T
 * @param remedied    remedied on or before T
 */
public record ViolationCounts(int reported, int underReview, int confirmed, int dismissed, int remedied) {

    public static final ViolationCounts NONE = new ViolationCounts(0, 0, 0, 0, 0);
}
