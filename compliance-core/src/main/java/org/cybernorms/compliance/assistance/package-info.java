/**
 * Technical assistance and capacity building (norm 13h: states answer appropriate requests for help): requests for
 * assistance with the offers made against them, their acceptance, delivery and closure, and the organisations that
 * take part besides states.
 */
package org.cybernorms.compliance.assistance;
