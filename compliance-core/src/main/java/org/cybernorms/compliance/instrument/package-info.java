/** Instruments and their norms: creation, amendment, and whether a norm is in force on a date. */
package org.cybernorms.compliance.instrument;
