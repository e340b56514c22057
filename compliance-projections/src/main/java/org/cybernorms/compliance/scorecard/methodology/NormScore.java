package org.cybernorms.compliance.scorecard.methodology;

import org.cybernorms.compliance.shared.NormCode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One norm's line on a scorecard.
 *
 * @param title      the norm's title as at T: the latest revision on or before T, else the title it was added with
 * @param score      0.0 to 100.0, one decimal, rounded half-up; {@code null} when {@link NormStatus#RESERVED}
 * @param pledged    whether the state held a pledge on the norm at T (shown even where it did not affect the score)
 * @param basis      the facts the score rests on, by recorded time then event id: all of them as the methodology
 *                   gives the line, or only the latest of them on a line cut by {@link #withLatestBasis}
 * @param basisTotal how many facts the score rests on, whether or not {@code basis} lists them all
 */
public record NormScore(NormCode norm, String title, NormStatus status, BigDecimal score, boolean pledged,
                        CommitmentCounts commitments, ViolationCounts violations, List<FactRef> basis,
                        int basisTotal) {

    public NormScore {
        Objects.requireNonNull(norm, "norm");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(commitments, "commitments");
        Objects.requireNonNull(violations, "violations");
        basis = List.copyOf(basis);
        if (basisTotal < basis.size()) {
            throw new IllegalArgumentException("basisTotal " + basisTotal + " is less than the " + basis.size()
                    + " facts listed");
        }
    }

    /** A line that lists every fact its score rests on. */
    public NormScore(NormCode norm, String title, NormStatus status, BigDecimal score, boolean pledged,
                     CommitmentCounts commitments, ViolationCounts violations, List<FactRef> basis) {
        this(norm, title, status, score, pledged, commitments, violations, basis, basis.size());
    }

    /**
     * This line listing only the latest {@code limit} facts of its basis (the last of its order), with the same
     * {@link #basisTotal}; this line itself if it lists no more than that.
     */
    public NormScore withLatestBasis(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        if (basis.size() <= limit) {
            return this;
        }
        return new NormScore(norm, title, status, score, pledged, commitments, violations,
                basis.subList(basis.size() - limit, basis.size()), basisTotal);
    }
}
