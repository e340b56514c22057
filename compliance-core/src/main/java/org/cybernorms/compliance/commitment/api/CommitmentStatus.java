package org.cybernorms.compliance.commitment.api;

/** Where a commitment stands in its lifecycle. */
public enum CommitmentStatus {
    OPEN, FULFILLED, WITHDRAWN
}
