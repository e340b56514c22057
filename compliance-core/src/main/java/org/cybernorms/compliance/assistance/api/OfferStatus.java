package org.cybernorms.compliance.assistance.api;

/**
 * Where an offer stands: {@code PENDING} until the requesting state accepts or declines it; an accepted offer is
 * delivered in parts and then {@code COMPLETED}; a pending or accepted offer may be {@code WITHDRAWN}.
 * {@code DECLINED}, {@code COMPLETED} and {@code WITHDRAWN} are final ("settled").
 */
public enum OfferStatus {
    PENDING, ACCEPTED, DECLINED, COMPLETED, WITHDRAWN;

    public boolean isSettled() {
        return this == DECLINED || this == COMPLETED || this == WITHDRAWN;
    }
}
