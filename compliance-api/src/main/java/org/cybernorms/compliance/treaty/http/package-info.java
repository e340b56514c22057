/**
 * The HTTP API of treaties: the status table of a treaty as of a date and as known at a moment (JSON and CSV).
 */
package org.cybernorms.compliance.treaty.http;
