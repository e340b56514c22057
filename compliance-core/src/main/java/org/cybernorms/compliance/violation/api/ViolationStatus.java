package org.cybernorms.compliance.violation.api;

/** Where a violation report stands: reported, under review, then confirmed or dismissed. */
public enum ViolationStatus {
    REPORTED, UNDER_REVIEW, CONFIRMED, DISMISSED
}
