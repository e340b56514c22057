package org.cybernorms.compliance.scorecard.http;

import org.cybernorms.compliance.scorecard.http.ScorecardBodies.TreatySection;
import org.cybernorms.compliance.scorecard.view.TreatyScorecards;
import org.cybernorms.compliance.shared.StateCode;
import org.cybernorms.compliance.treaty.TreatyStatus;

import java.time.LocalDate;

/** The treaty section of a scorecard: whether the treaty binds the state at asOf, in words a reader can act on. */
final class TreatySections {

    private TreatySections() {
    }

    static TreatySection of(StateCode state, TreatyScorecards.Answer answer, LocalDate asOf) {
        TreatyStatus.Status status = answer.status();
        TreatyStatus.Participant p = answer.participant();
        boolean binding = p != null && p.boundOn(asOf);
        return new TreatySection(status.standing().name(), status.entryIntoForce(),
                p == null ? null : p.standing().name(), p == null ? null : p.inForceFrom(),
                p == null ? null : p.denunciationEffectiveOn(), binding, reason(state, status, p, binding));
    }

    private static String reason(StateCode state, TreatyStatus.Status status, TreatyStatus.Participant p,
                                 boolean binding) {
        if (binding) {
            return "The treaty is in force for " + state + " since " + p.inForceFrom()
                    + (p.denunciationEffectiveOn() == null ? "."
                    : "; its denunciation takes effect on " + p.denunciationEffectiveOn() + ".");
        }
        String why;
        if (p == null) {
            why = state + " has taken no step under the treaty";
        } else {
            why = switch (p.standing()) {
                case SIGNATORY -> state + " has signed but not consented to be bound";
                case CONSENTED -> p.inForceFrom() == null
                        ? state + " has consented; the treaty awaits " + (status.consentsRequired()
                        - status.consents()) + " more consent(s) to enter into force"
                        : state + " has consented; the treaty enters into force for it on " + p.inForceFrom();
                case DENOUNCED -> state + "'s denunciation took effect on " + p.denunciationEffectiveOn();
                case PARTY -> state + " is a party";
            };
        }
        return "No provision binds " + state + " on this date (" + why + "), so none is scored and there is no "
                + "score.";
    }
}
