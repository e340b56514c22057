/** A violation report's current status, responses and dated history, folded from its own events. */
package org.cybernorms.compliance.violation.view;
