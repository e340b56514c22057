package org.cybernorms.compliance.scorecard.methodology;

/**
 * Whether a norm was scored, or left out: because the state holds a reservation on it, or (a treaty's provision)
 * because the treaty does not bind the state on the date.
 */
public enum NormStatus {
    SCORED, RESERVED, NOT_BINDING
}
