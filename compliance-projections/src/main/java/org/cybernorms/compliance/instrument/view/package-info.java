/** The directory of instruments, built from the event log. */
package org.cybernorms.compliance.instrument.view;
