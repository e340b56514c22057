package org.cybernorms.compliance.assistance.api;

/**
 * The terms of an offer: {@code UNCONDITIONAL}, or {@code CONDITIONAL}, in which case the conditions are written
 * out in the offer.
 */
public enum OfferTerms {
    UNCONDITIONAL, CONDITIONAL
}
