/** Commitments made by states under norms, their progress, fulfilment and withdrawal. */
package org.cybernorms.compliance.commitment;
