package org.cybernorms.compliance.violation.api;

/** How grave a reported violation is. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
