/** Reports of violations of norms by states: review, confirmation or dismissal, the state's reply, remedy. */
package org.cybernorms.compliance.violation;
