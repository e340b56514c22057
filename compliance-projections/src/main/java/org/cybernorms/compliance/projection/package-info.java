/**
 * What every read model offers to the bulk rebuild: a {@link org.cybernorms.compliance.projection.BulkProjection}
 * turns an event into the rows its live handler would save, so that the whole log can be projected in batches.
 */
package org.cybernorms.compliance.projection;
