/**
 * The pure folding logic of assistance: a party's ledger as of a date ({@link
 * org.cybernorms.compliance.assistance.ledger.AssistanceLedger}), with how long each request waited for its first
 * offer and first delivery, and the rankings of donors and recipients ({@link
 * org.cybernorms.compliance.assistance.ledger.AssistanceRankings}). No framework types; not part of any scoring
 * methodology.
 */
package org.cybernorms.compliance.assistance.ledger;
