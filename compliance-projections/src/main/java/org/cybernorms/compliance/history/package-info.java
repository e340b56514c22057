/** Shared shapes for the dated histories that read models give: what happened, when it took effect, when recorded. */
package org.cybernorms.compliance.history;
