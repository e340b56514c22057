package org.cybernorms.compliance.scorecard.methodology;

/** Whether a norm was scored, or left out because the state holds a reservation on it. */
public enum NormStatus {
    SCORED, RESERVED
}
