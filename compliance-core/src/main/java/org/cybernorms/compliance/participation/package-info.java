/** A state's treaty participation (signature, ratification, accession, withdrawal), reservations and pledges. */
package org.cybernorms.compliance.participation;
