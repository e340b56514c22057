package org.cybernorms.compliance.scorecard.methodology;

import org.cybernorms.compliance.scorecard.methodology.Fact.CommitmentFulfilled;
import org.cybernorms.compliance.scorecard.methodology.Fact.CommitmentMade;
import org.cybernorms.compliance.scorecard.methodology.Fact.CommitmentProgressReported;
import org.cybernorms.compliance.scorecard.methodology.Fact.CommitmentWithdrawn;
import org.cybernorms.compliance.scorecard.methodology.Fact.PledgeWithdrawn;
import org.cybernorms.compliance.scorecard.methodology.Fact.Pledged;
import org.cybernorms.compliance.scorecard.methodology.Fact.StateResponded;
import org.cybernorms.compliance.scorecard.methodology.Fact.ViolationConfirmed;
import org.cybernorms.compliance.scorecard.methodology.Fact.ViolationDismissed;
import org.cybernorms.compliance.scorecard.methodology.Fact.ViolationRemedied;
import org.cybernorms.compliance.scorecard.methodology.Fact.ViolationReported;
import org.cybernorms.compliance.scorecard.methodology.Fact.ViolationReviewStarted;
import org.cybernorms.compliance.shared.NormCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Methodology v1 under a treaty (docs/methodology.md, "Scoring under a treaty"). The rules of v1 are unchanged; what
 * changes is which facts they read, and whether the provisions bind the state at all:
 *
 * <ol>
 *   <li><b>Binding dates.</b> Unless the treaty is in force for the state at T, every provision is
 *   {@link NormStatus#NOT_BINDING}, with no score, and the state's score is {@code null}.</li>
 *   <li><b>Carried facts.</b> The state's pledges, commitments and violation reports recorded under a source norm
 *   that a crosswalk maps {@code EQUIVALENT} onto a provision (the mapping in effect at T) count for that provision,
 *   by their own dates, each with the facts that follow it (withdrawal, fulfilment, confirmation, ...). Their basis
 *   entries name the crosswalk, the source instrument and the source norm.</li>
 *   <li><b>No retroactivity</b> (Vienna Convention on the Law of Treaties, article 28). A violation, recorded under the
 *   treaty or carried, counts only if it occurred on or after the date the treaty entered into force for the state.
 *   Pledges and commitments count whenever they were made.</li>
 * </ol>
 *
 * Pure and deterministic, like {@link MethodologyV1}, which does the scoring itself.
 */
public final class TreatyScoring {

    /**
     * A mapping that carries facts: {@code sourceNorm} of {@code sourceInstrument} onto {@code targetNorm} of the
     * treaty, through {@code crosswalk}.
     */
    public record CarryingMapping(String crosswalk, String sourceInstrument, NormCode sourceNorm,
                                  NormCode targetNorm) {
    }

    /**
     * When the treaty binds the state: from {@code inForceFrom} (null if it never entered into force for it by T)
     * until {@code endsOn} (exclusive: the date its denunciation takes effect; null if none).
     */
    public record Binding(LocalDate inForceFrom, LocalDate endsOn) {

        public static final Binding NEVER = new Binding(null, null);

        public boolean on(LocalDate date) {
            return inForceFrom != null && !date.isBefore(inForceFrom) && (endsOn == null || date.isBefore(endsOn));
        }
    }

    private final MethodologyV1 methodology = new MethodologyV1();

    /**
     * Scores the state under the treaty at (asOf, knownAt).
     *
     * @param treaty      the treaty's facts and the state's facts recorded under it
     * @param binding     when the treaty binds the state, as known at knownAt
     * @param mappings    the EQUIVALENT mappings onto the treaty in effect at asOf, as known at knownAt
     * @param sourceFacts the state's facts under each source instrument of {@code mappings}, by instrument id
     */
    public Scorecard score(ScoringInput treaty, Binding binding, List<CarryingMapping> mappings,
                           Map<String, List<Fact>> sourceFacts, LocalDate asOf, Instant knownAt) {
        List<Fact> stateFacts = new ArrayList<>();
        for (Fact fact : treaty.stateFacts()) {
            if (!retroactive(fact, binding)) {
                stateFacts.add(fact);
            }
        }
        for (CarryingMapping mapping : mappings) {
            stateFacts.addAll(carried(mapping, sourceFacts.getOrDefault(mapping.sourceInstrument(), List.of()),
                    binding));
        }
        // in recorded order, as v1 reads a state's facts (ties keep the treaty's own facts first)
        stateFacts.sort(Comparator.comparing(f -> f.ref().recordedAt()));
        Scorecard card = methodology.score(new ScoringInput(treaty.state(), treaty.instrument(),
                treaty.instrumentFacts(), stateFacts), asOf, knownAt);
        if (binding.on(asOf)) {
            return card;
        }
        List<NormScore> lines = new ArrayList<>();
        for (NormScore line : card.norms()) {
            lines.add(new NormScore(line.norm(), line.title(), NormStatus.NOT_BINDING, null, line.pledged(),
                    line.commitments(), line.violations(), line.basis(), line.basisTotal()));
        }
        return new Scorecard(card.state(), card.instrument(), card.methodology(), card.asOf(), card.knownAt(), null,
                lines);
    }

    /** The dates of a history from {@code from} to {@code to} by {@code step}, as v1's histories take them. */
    public static List<LocalDate> historyDates(LocalDate from, LocalDate to, Step step) {
        return MethodologyV1.historyDates(from, to, step);
    }

    /** The fact under its carried subject id and ref, onto {@code target}; null if its subject is not carried. */
    private static Fact move(Fact fact, FactRef ref, Map<String, Boolean> subjects, String suffix, NormCode target) {
        if (fact instanceof Pledged f) {
            return subjects.containsKey(f.pledgeId())
                    ? new Pledged(ref, f.pledgeId() + suffix, target, f.pledgedOn()) : null;
        } else if (fact instanceof PledgeWithdrawn f) {
            return subjects.containsKey(f.pledgeId())
                    ? new PledgeWithdrawn(ref, f.pledgeId() + suffix, f.withdrawnOn()) : null;
        } else if (fact instanceof CommitmentMade f) {
            return subjects.containsKey(f.commitmentId())
                    ? new CommitmentMade(ref, f.commitmentId() + suffix, target, f.madeOn(), f.dueOn()) : null;
        } else if (fact instanceof CommitmentFulfilled f) {
            return subjects.containsKey(f.commitmentId())
                    ? new CommitmentFulfilled(ref, f.commitmentId() + suffix, f.fulfilledOn()) : null;
        } else if (fact instanceof CommitmentWithdrawn f) {
            return subjects.containsKey(f.commitmentId())
                    ? new CommitmentWithdrawn(ref, f.commitmentId() + suffix, f.withdrawnOn()) : null;
        } else if (fact instanceof CommitmentProgressReported f) {
            return subjects.containsKey(f.commitmentId())
                    ? new CommitmentProgressReported(ref, f.commitmentId() + suffix, f.reportedOn()) : null;
        } else if (fact instanceof ViolationReported f) {
            return subjects.containsKey(f.violationId())
                    ? new ViolationReported(ref, f.violationId() + suffix, target, f.occurredOn(), f.severity())
                    : null;
        } else if (fact instanceof ViolationReviewStarted f) {
            return subjects.containsKey(f.violationId())
                    ? new ViolationReviewStarted(ref, f.violationId() + suffix, f.startedOn()) : null;
        } else if (fact instanceof ViolationConfirmed f) {
            return subjects.containsKey(f.violationId())
                    ? new ViolationConfirmed(ref, f.violationId() + suffix, f.confirmedOn()) : null;
        } else if (fact instanceof ViolationDismissed f) {
            return subjects.containsKey(f.violationId())
                    ? new ViolationDismissed(ref, f.violationId() + suffix, f.dismissedOn()) : null;
        } else if (fact instanceof ViolationRemedied f) {
            return subjects.containsKey(f.violationId())
                    ? new ViolationRemedied(ref, f.violationId() + suffix, f.remediedOn()) : null;
        } else if (fact instanceof StateResponded f) {
            return subjects.containsKey(f.violationId())
                    ? new StateResponded(ref, f.violationId() + suffix, f.respondedOn()) : null;
        }
        return null;
    }

    /** A violation that occurred before the treaty entered into force for the state (or that it never did). */
    private static boolean retroactive(Fact fact, Binding binding) {
        return fact instanceof ViolationReported v
                && (binding.inForceFrom() == null || v.occurredOn().isBefore(binding.inForceFrom()));
    }

    /**
     * The facts of the source norm, moved onto the target provision: each pledge, commitment and report with every
     * fact that follows it, under a subject id of its own per target (so that one source fact carried onto two
     * provisions counts for each), and each ref naming where it came from.
     */
    private static List<Fact> carried(CarryingMapping mapping, List<Fact> source, Binding binding) {
        FactRef.Carried via = new FactRef.Carried(mapping.crosswalk(), mapping.sourceInstrument(),
                mapping.sourceNorm().value());
        NormCode target = mapping.targetNorm();
        String suffix = " via " + mapping.crosswalk() + " onto " + target.value();
        Map<String, Boolean> subjects = new HashMap<>();
        for (Fact fact : source) {
            if (fact instanceof Pledged f && f.norm().equals(mapping.sourceNorm())) {
                subjects.put(f.pledgeId(), true);
            } else if (fact instanceof CommitmentMade f && f.norm().equals(mapping.sourceNorm())) {
                subjects.put(f.commitmentId(), true);
            } else if (fact instanceof ViolationReported f && f.norm().equals(mapping.sourceNorm())
                    && !retroactive(f, binding)) {
                subjects.put(f.violationId(), true);
            }
        }
        List<Fact> carried = new ArrayList<>();
        for (Fact fact : source) {
            FactRef ref = fact.ref().carriedBy(via);
            Fact moved = move(fact, ref, subjects, suffix, target);
            if (moved != null) {
                carried.add(moved);
            }
        }
        return carried;
    }
}
