package org.cybernorms.compliance.scorecard.methodology;

import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.StateCode;

import java.util.List;
import java.util.Objects;

/**
 * Everything a methodology reads about one state under one instrument.
 *
 * @param instrumentFacts the instrument's norm facts (added, revised, retired), in recorded order
 * @param stateFacts      the state's facts under the instrument (pledges, reservations, commitments, violation
 *                        reports), in recorded order
 */
public record ScoringInput(StateCode state, InstrumentId instrument, List<Fact> instrumentFacts,
                           List<Fact> stateFacts) {

    public ScoringInput {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(instrument, "instrument");
        instrumentFacts = List.copyOf(instrumentFacts);
        stateFacts = List.copyOf(stateFacts);
    }
}
