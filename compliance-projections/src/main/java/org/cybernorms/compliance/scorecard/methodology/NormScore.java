package org.cybernorms.compliance.scorecard.methodology;

import org.cybernorms.compliance.shared.NormCode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One norm's line on a scorecard.
 *
 * @param title       the norm's title as at T: the latest revision on or before T, else the title it was added with
 * @param score       0.0 to 100.0, one decimal, rounded half-up; {@code null} when {@link NormStatus#RESERVED}
 * @param pledged     whether the state held a pledge on the norm at T (shown even where it did not affect the score)
 * @param basis       the facts the score rests on, by recorded time then event id
 */
public record NormScore(NormCode norm, String title, NormStatus status, BigDecimal score, boolean pledged,
                        CommitmentCounts commitments, ViolationCounts violations, List<FactRef> basis) {

    public NormScore {
        Objects.requireNonNull(norm, "norm");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(commitments, "commitments");
        Objects.requireNonNull(violations, "violations");
        basis = List.copyOf(basis);
    }
}
