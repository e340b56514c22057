package org.cybernorms.compliance.assistance.ledger;

import org.cybernorms.compliance.assistance.api.Party;

/**
 * One line of a donors' or recipients' ranking.
 *
 * @param deliveries delivery parts made (donors) or received (recipients) by asOf
 * @param offers     distinct offers those parts were delivered on
 * @param rank       competition ranking on {@code deliveries}: equal counts share a rank and the next rank skips
 *                   (1, 2, 2, 4)
 */
public record RankedParty(Party party, int deliveries, int offers, int rank) {
}
