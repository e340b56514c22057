package org.cybernorms.compliance.instrument;

import org.cybernorms.compliance.instrument.api.InstrumentCommands.CreateInstrument;
import org.cybernorms.compliance.instrument.api.InstrumentCommands.NormText;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;

import java.time.LocalDate;
import java.util.List;

/**
 * The eleven voluntary norms of responsible state behaviour of the 2015 report of the UN Group of Governmental
 * Experts (A/70/174, paragraph 13), in this project's own words. The report is dated 22 July 2015, and the norms are
 * in force from that date.
 */
public final class UnGge2015 {

    public static final InstrumentId ID = InstrumentId.UN_GGE_2015;
    public static final LocalDate REPORT_DATE = LocalDate.of(2015, 7, 22);
    public static final String TITLE =
            "UN GGE 2015 report (A/70/174): norms of responsible state behaviour in the use of ICTs";

    private UnGge2015() {
    }

    public static List<NormText> norms() {
        return List.of(
                norm("13a", "Cooperation for stability and security",
                        "States cooperate to develop and apply measures that increase stability and security in the "
                                + "use of ICTs and prevent practices that are harmful or threaten international peace."),
                norm("13b", "Consider all relevant information",
                        "Before responding to an ICT incident, a state weighs all relevant information, including "
                                + "the wider context, the challenges of attribution and the nature and extent of the "
                                + "consequences."),
                norm("13c", "No knowing use of territory for wrongful acts",
                        "A state does not knowingly allow its territory to be used for internationally wrongful "
                                + "acts using ICTs."),
                norm("13d", "Cooperation against criminal and terrorist use",
                        "States consider how best to cooperate to exchange information, assist each other and "
                                + "prosecute the criminal and terrorist use of ICTs."),
                norm("13e", "Human rights online",
                        "In securing the use of ICTs, states respect human rights, including the right to privacy "
                                + "in the digital age and freedom of expression."),
                norm("13f", "No damage to critical infrastructure",
                        "A state does not conduct or knowingly support ICT activity that intentionally damages "
                                + "critical infrastructure or otherwise impairs its use and operation to provide "
                                + "services to the public."),
                norm("13g", "Protect one's own critical infrastructure",
                        "States take appropriate measures to protect their critical infrastructure from ICT threats."),
                norm("13h", "Answer requests for assistance",
                        "A state responds to appropriate requests for assistance from another state whose critical "
                                + "infrastructure is subject to malicious ICT acts, and to requests to mitigate such "
                                + "activity emanating from its territory."),
                norm("13i", "Supply-chain integrity",
                        "States take reasonable steps to ensure the integrity of the supply chain, so that end users "
                                + "can trust ICT products, and seek to prevent harmful hidden functions."),
                norm("13j", "Responsible reporting of vulnerabilities",
                        "States encourage responsible reporting of ICT vulnerabilities and share remedies for them, "
                                + "to limit and possibly remove threats to ICTs and the infrastructure that depends "
                                + "on them."),
                norm("13k", "Protect emergency response teams",
                        "A state does not harm the authorized emergency response teams of another state, and does "
                                + "not use its own teams for malicious international activity."));
    }

    public static CreateInstrument createCommand() {
        return new CreateInstrument(ID, TITLE, REPORT_DATE, norms());
    }

    private static NormText norm(String code, String title, String summary) {
        return new NormText(NormCode.of(code), title, summary);
    }
}
