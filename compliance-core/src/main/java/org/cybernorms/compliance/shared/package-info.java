/** Typed identifiers and the rule checks that every feature shares. No framework types. */
package org.cybernorms.compliance.shared;
