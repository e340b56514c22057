package org.cybernorms.compliance.importing.eurepoc;

import org.cybernorms.compliance.shared.NormCode;

import java.util.List;
import java.util.Locale;

/**
 * Chooses the norm of the UN GGE 2015 report (A/70/174 para. 13) that an incident most plainly runs against, from
 * the incident's own fields. The first rule that matches wins; see docs/import-eurepoc.md.
 * <ol>
 *   <li><b>13f</b> (no damage to critical infrastructure): a receiver is in EuRepoC's category "Critical
 *       infrastructure" (energy, health, finance, telecommunications, transport, water, food, chemicals, defence
 *       industry, space, critical manufacturing).</li>
 *   <li><b>13e</b> (human rights online): EuRepoC codes a breach of international human rights law
 *       ({@code IL_breach_indicator} "Human rights"), or a receiver is an advocacy group or activists, or the
 *       political opposition, dissidents or expatriates.</li>
 *   <li><b>13i</b> (supply-chain integrity): the initial access was a supply-chain compromise (MITRE ATT&amp;CK
 *       T1195, {@code MITRE_initial_access} "Supply Chain Compromise").</li>
 *   <li><b>13a</b> otherwise: a practice acknowledged to be harmful, which states undertook to prevent.</li>
 * </ol>
 */
public final class NormMapping {

    public static final NormCode CRITICAL_INFRASTRUCTURE = NormCode.of("13f");
    public static final NormCode HUMAN_RIGHTS = NormCode.of("13e");
    public static final NormCode SUPPLY_CHAIN = NormCode.of("13i");
    public static final NormCode DEFAULT = NormCode.of("13a");

    static final String CI_RECEIVER = "critical infrastructure";
    static final String HUMAN_RIGHTS_BREACH = "human rights";
    static final List<String> PROTECTED_RECEIVERS = List.of(
            "advocacy / activists (e.g. human rights organizations)",
            "political opposition / dissidents / expats");
    static final String SUPPLY_CHAIN_ACCESS = "supply chain compromise";

    private NormMapping() {
    }

    /** The norm, and in words the rule that chose it. */
    public record Choice(NormCode norm, String rule) {
    }

    public static Choice choose(EurepocIncident incident) {
        if (contains(incident.receiverCategories(), CI_RECEIVER)) {
            return new Choice(CRITICAL_INFRASTRUCTURE, "a receiver is critical infrastructure");
        }
        if (contains(incident.internationalLawBreaches(), HUMAN_RIGHTS_BREACH)) {
            return new Choice(HUMAN_RIGHTS, "EuRepoC codes a breach of human rights law");
        }
        if (PROTECTED_RECEIVERS.stream().anyMatch(r -> contains(incident.receiverSubcategories(), r))) {
            return new Choice(HUMAN_RIGHTS, "a receiver is activists, dissidents or the political opposition");
        }
        if (contains(incident.initialAccess(), SUPPLY_CHAIN_ACCESS)) {
            return new Choice(SUPPLY_CHAIN, "initial access by supply-chain compromise");
        }
        return new Choice(DEFAULT, "no more specific norm applies");
    }

    private static boolean contains(List<String> values, String wanted) {
        return values.stream().anyMatch(v -> v.strip().toLowerCase(Locale.ROOT).equals(wanted));
    }
}
