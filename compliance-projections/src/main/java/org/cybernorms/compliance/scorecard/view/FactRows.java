package org.cybernorms.compliance.scorecard.view;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * The facts behind scorecards, as {@link FactRow}s with every field (for pages that list a state's record, and for
 * checks). Every read is by instrument and state, from that state's blocks ({@link FactBlock}), so it costs what
 * that state's own facts cost, never a read of the whole log.
 */
@Component
public class FactRows {

    private final ScorecardFactReader reader;

    FactRows(ScorecardFactReader reader) {
        this.reader = reader;
    }

    /** The instrument's own facts recorded by {@code knownAt}, in recorded order. */
    public List<FactRow> instrumentFacts(String instrument, Instant knownAt) {
        return reader.factRows(instrument, ScorecardVersion.INSTRUMENT, knownAt);
    }

    /** One state's facts under the instrument recorded by {@code knownAt}, in recorded order. */
    public List<FactRow> stateFacts(String instrument, String state, Instant knownAt) {
        return reader.factRows(instrument, state, knownAt);
    }

    /** Every state's facts under the instrument recorded by {@code knownAt}, by state, then in recorded order. */
    public List<FactRow> allStateFacts(String instrument, Instant knownAt) {
        return reader.allStateFactRows(instrument, knownAt);
    }
}
