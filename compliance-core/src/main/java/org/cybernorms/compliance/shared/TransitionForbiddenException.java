package org.cybernorms.compliance.shared;

/**
 * The fact is well formed, but the current state of the record forbids it: fulfilling a withdrawn commitment,
 * confirming a dismissed report, confirming twice.
 */
public class TransitionForbiddenException extends RuntimeException {

    private final String currentStatus;

    public TransitionForbiddenException(String message, String currentStatus) {
        super(message);
        this.currentStatus = currentStatus;
    }

    public String currentStatus() {
        return currentStatus;
    }
}
