package org.cybernorms.compliance.scorecard.view;

import org.cybernorms.compliance.crosswalk.api.Relation;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.treaty.Mapping;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The mappings of every crosswalk onto an instrument, as recorded by a moment, read from the instrument's own facts
 * in the scorecard read model (where {@link FactRow} keeps them).
 */
@Component
public class CrosswalkFacts {

    private final ScorecardFactReader reader;

    CrosswalkFacts(ScorecardFactReader reader) {
        this.reader = reader;
    }

    /** Additions and retirements of mappings onto {@code to}, recorded by {@code knownAt}, in log order. */
    @Transactional(readOnly = true)
    public List<Mapping.Fact> onto(InstrumentId to, Instant knownAt) {
        List<Mapping.Fact> facts = new ArrayList<>();
        for (FactRow row : reader.factRows(to.value(), ScorecardVersion.INSTRUMENT, knownAt)) {
            boolean added = "MappingAdded".equals(row.type());
            if (!added && !"MappingRetired".equals(row.type())) {
                continue;
            }
            String[] source = row.title().split(" ");
            facts.add(new Mapping.Fact(row.eventId(), row.subjectId(), source[0], source[1], to.value(),
                    row.normCode(), added ? Relation.valueOf(source[2]) : null, null, row.validOn(),
                    row.recordedAt()));
        }
        return facts;
    }
}
