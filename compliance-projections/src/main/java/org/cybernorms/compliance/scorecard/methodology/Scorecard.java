package org.cybernorms.compliance.scorecard.methodology;

import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A state's score under one instrument, as the world stood at the end of {@code asOf} (UTC), on what the tracker had
 * recorded by {@code knownAt}.
 *
 * @param methodology the name of the methodology that computed it, such as {@code v1}
 * @param score       the state score, one decimal, rounded half-up; {@code null} if no norm was scored
 * @param norms       every norm in force at {@code asOf}, by code
 */
public record Scorecard(StateCode state, InstrumentId instrument, String methodology, LocalDate asOf,
                        Instant knownAt, BigDecimal score, List<NormScore> norms) {

    public Scorecard {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(methodology, "methodology");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(knownAt, "knownAt");
        norms = List.copyOf(norms);
    }

    /**
     * This scorecard with each norm line listing only the latest {@code limit} facts of its basis (see
     * {@link NormScore#withLatestBasis}); the scores, counts and {@link NormScore#basisTotal}s are unchanged.
     */
    public Scorecard withLatestBasis(int limit) {
        List<NormScore> cut = norms.stream().map(line -> line.withLatestBasis(limit)).toList();
        return new Scorecard(state, instrument, methodology, asOf, knownAt, score, cut);
    }

    /** The line of {@code norm}, if that norm is in force at {@code asOf}. */
    public Optional<NormScore> norm(NormCode norm) {
        return norms.stream().filter(line -> line.norm().equals(norm)).findFirst();
    }
}
