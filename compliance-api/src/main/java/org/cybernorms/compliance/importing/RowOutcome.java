package org.cybernorms.compliance.importing;

/**
 * What became of one row of an imported dataset. Every row read has exactly one outcome, so the counts of the
 * outcomes add up to the rows read. The skip reasons are listed in the order in which they are checked: a row gets
 * the first that applies.
 */
public enum RowOutcome {
    /** At least one violation was created from the row by this import. */
    IMPORTED(false),
    /** Not a row of the format: wrong number of cells, no ID, a list cell that cannot be read. */
    MALFORMED_ROW(true),
    /** No attribution names an initiator (none, "Unknown - not attributed", "Not available"). */
    NO_ATTRIBUTION(false),
    /** Attributed only to non-state actors (groups, individuals), with no state affiliation suggested. */
    NON_STATE_INITIATOR(false),
    /** Attributed to non-state actors with a suggested state affiliation, but to no state itself. */
    STATE_AFFILIATION_ONLY(false),
    /** Attributed to a state, but no attribution to a state names a country. */
    NO_STATE_NAMED(true),
    /** Attributed to states whose names the country sources do not know; the names are in the report. */
    UNKNOWN_COUNTRY(true),
    /** The start date is missing, unreadable or in the future, or the attribution date is in the future. */
    INVALID_DATE(true),
    /** The chosen norm was not in force on the date the incident started (UN GGE 2015 norms: from 2015-07-22). */
    NORM_NOT_IN_FORCE(false),
    /** Every violation of the row exists already: imported before (the ids are derived from the row). */
    ALREADY_IMPORTED(false),
    /** The record refused every violation of the row; the reasons are in the report's problems. */
    REJECTED(true);

    private final boolean worthAttention;

    RowOutcome(boolean worthAttention) {
        this.worthAttention = worthAttention;
    }

    /** Whether rows with this outcome are listed one by one in the report's problems (others are only counted). */
    public boolean worthAttention() {
        return worthAttention;
    }
}
