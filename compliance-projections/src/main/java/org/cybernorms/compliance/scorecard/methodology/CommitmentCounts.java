package org.cybernorms.compliance.scorecard.methodology;

/**
 * A state's commitments under one norm as at the scorecard's date T, among commitments made on or before T.
 *
 * @param evaluable       commitments that were scored: {@code fulfilledOnTime + fulfilledLate + withdrawn + overdue}
 * @param fulfilledOnTime fulfilled on or before T, on or before the due date
 * @param fulfilledLate   fulfilled on or before T, after the due date
 * @param overdue         due on or before T and neither fulfilled nor withdrawn by T
 * @param withdrawn       withdrawn on or before T and not fulfilled by T
 * @param open            not fulfilled or withdrawn by T and due after T (not scored)
 */
public record CommitmentCounts(int evaluable, int fulfilledOnTime, int fulfilledLate, int overdue, int withdrawn,
                               int open) {

    public static final CommitmentCounts NONE = new CommitmentCounts(0, 0, 0, 0, 0, 0);
}
