/**
 * Crosswalks between instruments: the {@code Crosswalk} aggregate maps the norms of one instrument onto those of
 * another, each mapping with a relation (modelled on NIST OLIR's relationship types), dated, and retirable;
 * {@code crosswalk.api} holds its messages.
 */
package org.cybernorms.compliance.crosswalk;
