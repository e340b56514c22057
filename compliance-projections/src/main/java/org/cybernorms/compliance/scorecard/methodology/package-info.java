/**
 * Scoring methodologies: pure functions from a state's facts under one instrument to a scorecard. No framework, no
 * clock, no I/O. Each methodology has a name ({@link org.cybernorms.compliance.scorecard.methodology.MethodologyV1#NAME
 * "v1"}) that every scorecard carries; a later methodology sits beside v1 under a new name and never changes it.
 * See {@code docs/methodology.md}.
 */
package org.cybernorms.compliance.scorecard.methodology;
