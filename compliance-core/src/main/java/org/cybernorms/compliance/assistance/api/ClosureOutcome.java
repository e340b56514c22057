package org.cybernorms.compliance.assistance.api;

/** How a request for assistance was closed: the help it asked for arrived ({@code FULFILLED}), or not. */
public enum ClosureOutcome {
    FULFILLED, ABANDONED
}
