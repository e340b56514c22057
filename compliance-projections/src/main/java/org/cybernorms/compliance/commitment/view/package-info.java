/** A commitment's current status and dated history, folded from its own events. */
package org.cybernorms.compliance.commitment.view;
