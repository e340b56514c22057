/**
 * The read model behind scorecards: every fact about states and instruments with its valid date and recorded
 * instant, kept by a streaming processor (processing group {@code scorecards}) and read back per state and
 * instrument into {@link org.cybernorms.compliance.scorecard.methodology.MethodologyV1}.
 */
package org.cybernorms.compliance.scorecard.view;
