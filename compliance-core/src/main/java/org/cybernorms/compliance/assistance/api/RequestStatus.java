package org.cybernorms.compliance.assistance.api;

/** Where a request for assistance stands: open, or closed with its outcome. */
public enum RequestStatus {
    OPEN, FULFILLED, ABANDONED;

    public static RequestStatus closedAs(ClosureOutcome outcome) {
        return switch (outcome) {
            case FULFILLED -> FULFILLED;
            case ABANDONED -> ABANDONED;
        };
    }

    public boolean isClosed() {
        return this != OPEN;
    }
}
