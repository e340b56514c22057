package org.cybernorms.compliance.assistance.api;

/**
 * What a request for assistance is about (see docs/assistance.md):
 * <ul>
 *   <li>{@code INCIDENT_RESPONSE_TEAMS}: setting up or strengthening national CERTs/CSIRTs and their cooperation;</li>
 *   <li>{@code CRITICAL_INFRASTRUCTURE_PROTECTION}: identifying and protecting critical infrastructure;</li>
 *   <li>{@code LEGAL_FRAMEWORKS}: laws and regulations on cybersecurity and on state behaviour in cyberspace;</li>
 *   <li>{@code CRIME_COOPERATION}: cooperation against the criminal and terrorist use of ICTs (evidence,
 *       mutual legal assistance, law enforcement capacity);</li>
 *   <li>{@code NATIONAL_STRATEGY}: national cybersecurity strategies, policy and governance;</li>
 *   <li>{@code SKILLS_AND_TRAINING}: education, training and awareness;</li>
 *   <li>{@code TECHNOLOGY_TRANSFER}: the transfer of technology for ICT security (tools, equipment, software and
 *       the know-how to run them), the third kind of help the call for assistance names beside technical
 *       assistance and capacity-building;</li>
 *   <li>{@code OTHER}: anything else, described in the request's text.</li>
 * </ul>
 * Stored events name an area by its constant, so a value may be added (an old event reads as before) but never
 * renamed or removed.
 */
public enum AssistanceArea {
    INCIDENT_RESPONSE_TEAMS,
    CRITICAL_INFRASTRUCTURE_PROTECTION,
    LEGAL_FRAMEWORKS,
    CRIME_COOPERATION,
    NATIONAL_STRATEGY,
    SKILLS_AND_TRAINING,
    TECHNOLOGY_TRANSFER,
    OTHER
}
