/**
 * The pure derivation of a treaty's status ({@link org.cybernorms.compliance.treaty.TreatyStatus}): whether it is in
 * force as of a date, and where each participant stands, from the treaty's terms and the dated participation steps.
 * No framework types: the HTTP status table and the scoring under a treaty both use it.
 */
package org.cybernorms.compliance.treaty;
