/**
 * The read side of assistance: every assistance fact with both its times, kept by a streaming processor (processing
 * group {@code assistance}) and read back per state, per offer or per request into the pure
 * {@link org.cybernorms.compliance.assistance.ledger.AssistanceLedger}; and a request addressed by id, folded from its
 * own events.
 */
package org.cybernorms.compliance.assistance.view;
