package org.cybernorms.compliance.instrument;

/** Whether a norm is in force on a date, and if not, why not. */
public enum NormStanding {
    IN_FORCE(null),
    UNKNOWN_INSTRUMENT("the instrument is not known"),
    UNKNOWN_NORM("the norm is not part of the instrument"),
    NOT_YET_IN_FORCE("the norm was not yet in force on that date"),
    RETIRED("the norm had been retired by that date");

    private final String reason;

    NormStanding(String reason) {
        this.reason = reason;
    }

    public boolean inForce() {
        return this == IN_FORCE;
    }

    public String reason() {
        return reason;
    }
}
