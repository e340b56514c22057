/** Idempotent writes: every POST honours an {@code Idempotency-Key} header, remembered in the database. */
package org.cybernorms.compliance.idempotency;
