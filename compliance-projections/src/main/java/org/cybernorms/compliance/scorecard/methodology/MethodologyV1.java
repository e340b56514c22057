package org.cybernorms.compliance.scorecard.methodology;

import org.cybernorms.compliance.scorecard.methodology.Fact.CommitmentFulfilled;
import org.cybernorms.compliance.scorecard.methodology.Fact.CommitmentMade;
import org.cybernorms.compliance.scorecard.methodology.Fact.CommitmentProgressReported;
import org.cybernorms.compliance.scorecard.methodology.Fact.CommitmentWithdrawn;
import org.cybernorms.compliance.scorecard.methodology.Fact.NormAdded;
import org.cybernorms.compliance.scorecard.methodology.Fact.NormRetired;
import org.cybernorms.compliance.scorecard.methodology.Fact.NormRevised;
import org.cybernorms.compliance.scorecard.methodology.Fact.PledgeWithdrawn;
import org.cybernorms.compliance.scorecard.methodology.Fact.Pledged;
import org.cybernorms.compliance.scorecard.methodology.Fact.ReservationEntered;
import org.cybernorms.compliance.scorecard.methodology.Fact.ReservationWithdrawn;
import org.cybernorms.compliance.scorecard.methodology.Fact.StateResponded;
import org.cybernorms.compliance.scorecard.methodology.Fact.ViolationConfirmed;
import org.cybernorms.compliance.scorecard.methodology.Fact.ViolationDismissed;
import org.cybernorms.compliance.scorecard.methodology.Fact.ViolationRemedied;
import org.cybernorms.compliance.scorecard.methodology.Fact.ViolationReported;
import org.cybernorms.compliance.scorecard.methodology.Fact.ViolationReviewStarted;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.violation.api.Severity;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Scoring methodology v1, as described in {@code docs/methodology.md}. Pure and deterministic: the result depends on
 * the arguments only, and the clock is never read. One pass over the facts, then one pass over the norms; the only
 * sorting is of the norms and of each norm's basis.
 *
 * <p>Two times bound what is read. {@code asOf} (T) is valid time: a fact counts only if it had taken effect by the
 * end of that day. {@code knownAt} (K) is recorded time: a fact counts only if the tracker had recorded it by then.
 * A fact counts at (T, K) when {@code ref.recordedAt <= K}, {@code ref.validOn <= T} and the date the fact itself
 * carries (added, revised, retired, pledged, entered, made, fulfilled, occurred, confirmed, ...) is on or before T.
 * Every rule below looks only at facts that count.
 */
public final class MethodologyV1 {

    public static final String NAME = "v1";

    /** Days after which a confirmed violation's penalty has halved. */
    public static final int HALF_LIFE_DAYS = 730;

    static final BigDecimal BASE_PLEDGED = BigDecimal.valueOf(75);
    static final BigDecimal BASE_DEFAULT = BigDecimal.valueOf(50);

    private static final MathContext MATH = MathContext.DECIMAL128;
    private static final Comparator<FactRef> BASIS_ORDER =
            Comparator.comparing(FactRef::recordedAt).thenComparing(FactRef::eventId);

    /** The penalty weight of a confirmed violation of the given severity, before decay and remedy. */
    public static int weight(Severity severity) {
        return switch (severity) {
            case LOW -> 5;
            case MEDIUM -> 10;
            case HIGH -> 20;
            case CRITICAL -> 40;
        };
    }

    /**
     * Scores one state under one instrument.
     *
     * @param asOf    the date T; the score is as at the end of that day (UTC)
     * @param knownAt the instant K; only facts recorded at or before K are read
     */
    public Scorecard score(ScoringInput input, LocalDate asOf, Instant knownAt) {
        return score(input, asOf, knownAt, true);
    }

    /**
     * Scores as {@link #score(ScoringInput, LocalDate, Instant)} does; without {@code withBasis} every norm line's
     * basis is left empty (the scores are the same: the basis explains a score, it does not make it), which spares
     * sorting the basis of every norm, the larger part of the cost of a score over many facts.
     */
    private Scorecard score(ScoringInput input, LocalDate asOf, Instant knownAt, boolean withBasis) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(knownAt, "knownAt");

        Ledger ledger = new Ledger();
        int seq = 0;
        for (List<Fact> facts : List.of(input.instrumentFacts(), input.stateFacts())) {
            for (Fact fact : facts) {
                LocalDate on = Ledger.dateOf(fact);
                if (on != null && counts(fact.ref(), on, asOf, knownAt)) {
                    ledger.accept(fact, seq);
                }
                seq++;
            }
        }
        return score(input, ledger, asOf, knownAt, withBasis);
    }

    /** A fact counts at (T, K) when recorded by K, with its valid date and its own date both on or before T. */
    private static boolean counts(FactRef ref, LocalDate on, LocalDate asOf, Instant knownAt) {
        return !ref.recordedAt().isAfter(knownAt) && !ref.validOn().isAfter(asOf) && !on.isAfter(asOf);
    }

    /** The scorecard at {@code asOf} from a ledger that holds exactly the facts that count at (asOf, knownAt). */
    private static Scorecard score(ScoringInput input, Ledger ledger, LocalDate asOf, Instant knownAt,
                                   boolean withBasis) {
        List<NormScore> norms = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        int scored = 0;
        for (NormLog definition : ledger.norms.values()) {
            if (definition.added == null || definition.retired) {
                continue;
            }
            NormActivity activity = ledger.activity.getOrDefault(definition.code, new NormActivity());
            Result result = scoreNorm(definition, activity, asOf, withBasis);
            norms.add(result.line());
            if (result.unrounded() != null) {
                sum = sum.add(result.unrounded());
                scored++;
            }
        }
        BigDecimal stateScore = scored == 0 ? null : round(sum.divide(BigDecimal.valueOf(scored), MATH));
        return new Scorecard(input.state(), input.instrument(), NAME, asOf, knownAt, stateScore, norms);
    }

    /**
     * The state score at a series of dates, all read with the same {@code knownAt}. {@link Step#DAY} and
     * {@link Step#WEEK} give {@code from}, then every one or seven days after, while on or before {@code to};
     * {@link Step#MONTH} gives the last day of each month from {@code from}'s month to {@code to}'s month, the last
     * one clamped to {@code to} (so {@code to} is always the last point, and {@code from} is a point only if it is
     * the last day of its month or equals {@code to}).
     */
    public List<HistoryPoint> history(ScoringInput input, LocalDate from, LocalDate to, Step step, Instant knownAt) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(step, "step");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from (" + from + ") is after to (" + to + ")");
        }
        // A fact counts from the later of its valid date and its own date on, once recorded by knownAt; the dates
        // ascend, so each fact is put in the ledger once, when it comes to count, and the ledger keeps what a ledger
        // of the facts in recorded order would keep (Ledger). Each point then costs a pass over the norms' items,
        // not over every fact.
        List<Counting> counting = new ArrayList<>();
        int seq = 0;
        for (List<Fact> facts : List.of(input.instrumentFacts(), input.stateFacts())) {
            for (Fact fact : facts) {
                LocalDate on = Ledger.dateOf(fact);
                if (on != null && !fact.ref().recordedAt().isAfter(knownAt)) {
                    LocalDate validOn = fact.ref().validOn();
                    counting.add(new Counting(fact, seq, on.isAfter(validOn) ? on : validOn));
                }
                seq++;
            }
        }
        counting.sort(Comparator.comparing(Counting::from));
        Ledger ledger = new Ledger();
        List<HistoryPoint> points = new ArrayList<>();
        int next = 0;
        for (LocalDate date : historyDates(from, to, step)) {
            while (next < counting.size() && !counting.get(next).from().isAfter(date)) {
                Counting c = counting.get(next++);
                ledger.accept(c.fact(), c.seq());
            }
            points.add(new HistoryPoint(date, score(input, ledger, date, knownAt, false).score()));
        }
        return points;
    }

    /**
     * The state score at the end of every month, from the month in which the first fact recorded by {@code knownAt}
     * comes to count, to {@code to}'s month, the last point clamped to {@code to} (a {@link Step#MONTH} history):
     * kept, it answers every monthly history that ends on a month's last day, or on {@code to}, up to {@code to}
     * ({@link MonthlySeries#history}).
     */
    public MonthlySeries monthlySeries(ScoringInput input, LocalDate to, Instant knownAt) {
        Objects.requireNonNull(to, "to");
        LocalDate first = null;
        for (List<Fact> facts : List.of(input.instrumentFacts(), input.stateFacts())) {
            for (Fact fact : facts) {
                LocalDate on = Ledger.dateOf(fact);
                if (on != null && !fact.ref().recordedAt().isAfter(knownAt)) {
                    LocalDate validOn = fact.ref().validOn();
                    LocalDate counts = on.isAfter(validOn) ? on : validOn;
                    if (first == null || counts.isBefore(first)) {
                        first = counts;
                    }
                }
            }
        }
        if (first == null || first.isAfter(to)) {
            return new MonthlySeries(to, List.of());
        }
        return new MonthlySeries(to, history(input, first, to, Step.MONTH, knownAt));
    }

    /** A fact, its place in recorded order, and the first date at which it counts. */
    private record Counting(Fact fact, int seq, LocalDate from) {
    }

    static List<LocalDate> historyDates(LocalDate from, LocalDate to, Step step) {
        List<LocalDate> dates = new ArrayList<>();
        switch (step) {
            case DAY, WEEK -> {
                int days = step == Step.DAY ? 1 : 7;
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(days)) {
                    dates.add(d);
                }
            }
            case MONTH -> {
                LocalDate end = from.with(TemporalAdjusters.lastDayOfMonth());
                while (true) {
                    if (!end.isBefore(to)) {
                        dates.add(to);
                        break;
                    }
                    dates.add(end);
                    end = end.plusDays(1).with(TemporalAdjusters.lastDayOfMonth());
                }
            }
        }
        return dates;
    }

    // ------------------------------------------------------------------------------------------------------------

    private static Result scoreNorm(NormLog definition, NormActivity activity, LocalDate asOf, boolean withBasis) {
        List<FactRef> basis = withBasis ? new ArrayList<>() : NoBasis.LIST;
        basis.add(definition.added.ref());
        String title = definition.added.title();
        if (definition.revision != null) {
            basis.add(definition.revision.ref());
            title = definition.revision.title();
        }

        // Pledges.
        boolean pledged = false;
        for (PledgeLog pledge : activity.pledges) {
            if (pledge.withdrawn == null) {
                pledged = true;
                break;
            }
        }

        // Commitments: counts and the evaluable set E.
        int onTime = 0;
        int late = 0;
        int withdrawn = 0;
        int overdue = 0;
        int open = 0;
        List<FactRef> commitmentBasis = withBasis ? new ArrayList<>() : NoBasis.LIST;
        for (CommitmentLog commitment : activity.commitments) {
            LocalDate dueOn = commitment.made.dueOn();
            if (commitment.fulfilled != null) {
                if (!commitment.fulfilled.fulfilledOn().isAfter(dueOn)) {
                    onTime++;
                } else {
                    late++;
                }
                commitmentBasis.add(commitment.made.ref());
                commitmentBasis.add(commitment.fulfilled.ref());
            } else if (commitment.withdrawn != null) {
                withdrawn++;
                commitmentBasis.add(commitment.made.ref());
                commitmentBasis.add(commitment.withdrawn.ref());
            } else if (!dueOn.isAfter(asOf)) {
                overdue++;
                commitmentBasis.add(commitment.made.ref());
            } else {
                open++;
            }
        }
        int evaluable = onTime + late + withdrawn + overdue;
        CommitmentCounts commitmentCounts = new CommitmentCounts(evaluable, onTime, late, overdue, withdrawn, open);

        // Violation reports: counts and the penalty.
        int reported = 0;
        int underReview = 0;
        int confirmed = 0;
        int dismissed = 0;
        int remedied = 0;
        BigDecimal penalty = BigDecimal.ZERO;
        List<FactRef> violationBasis = withBasis ? new ArrayList<>() : NoBasis.LIST;
        for (ViolationLog violation : activity.violations) {
            reported++;
            if (violation.confirmed != null) {
                confirmed++;
            }
            if (violation.dismissed != null) {
                dismissed++;
            }
            if (violation.remedied != null) {
                remedied++;
            }
            if (violation.reviewStarted != null && violation.confirmed == null && violation.dismissed == null) {
                underReview++;
            }
            if (violation.confirmed != null) {
                long days = ChronoUnit.DAYS.between(violation.reported.occurredOn(), asOf);
                penalty = penalty.add(PenaltyTerms.term(violation.reported.severity(), violation.remedied != null,
                        days));
                violationBasis.add(violation.reported.ref());
                violationBasis.add(violation.confirmed.ref());
                if (violation.remedied != null) {
                    violationBasis.add(violation.remedied.ref());
                }
            }
        }
        ViolationCounts violationCounts = new ViolationCounts(reported, underReview, confirmed, dismissed, remedied);

        // 1. Reserved: no score.
        if (activity.reserved()) {
            basis.addAll(activity.reservationFacts);
            NormScore line = new NormScore(definition.code, title, NormStatus.RESERVED, null, pledged,
                    commitmentCounts, violationCounts, withBasis ? sorted(basis) : List.of());
            return new Result(line, null);
        }

        // 2 and 3. Base.
        BigDecimal base;
        if (evaluable > 0) {
            base = CommitmentBases.base(onTime, late, evaluable);
            basis.addAll(commitmentBasis);
        } else if (pledged) {
            base = BASE_PLEDGED;
            for (PledgeLog pledge : activity.pledges) {
                if (pledge.withdrawn == null) {
                    basis.add(pledge.pledged.ref());
                }
            }
        } else {
            base = BASE_DEFAULT;
            for (PledgeLog pledge : activity.pledges) { // every pledge here was withdrawn by T
                basis.add(pledge.pledged.ref());
                basis.add(pledge.withdrawn.ref());
            }
        }

        // 4 and 5. Penalty, floored at zero.
        basis.addAll(violationBasis);
        BigDecimal unrounded = base.subtract(penalty).max(BigDecimal.ZERO);
        NormScore line = new NormScore(definition.code, title, NormStatus.SCORED, round(unrounded), pledged,
                commitmentCounts, violationCounts, withBasis ? sorted(basis) : List.of());
        return new Result(line, unrounded);
    }

    private static BigDecimal round(BigDecimal value) {
        return value.setScale(1, RoundingMode.HALF_UP);
    }

    private static List<FactRef> sorted(List<FactRef> basis) {
        return basis.stream().distinct().sorted(BASIS_ORDER).toList();
    }

    private record Result(NormScore line, BigDecimal unrounded) {
    }

    /**
     * The basis of a norm line scored without one: every fact added to it is let go, so that a history (which
     * scores every norm at every point and shows no basis) gathers none.
     */
    private static final class NoBasis extends AbstractList<FactRef> {
        static final List<FactRef> LIST = new NoBasis();

        @Override
        public boolean add(FactRef ref) {
            return false;
        }

        @Override
        public FactRef get(int index) {
            throw new IndexOutOfBoundsException(index);
        }

        @Override
        public int size() {
            return 0;
        }
    }

    // ---- the facts that count at (T, K), gathered in one pass ----------------------------------------------------

    /** A valid date with the fact's position in recorded order, to break ties between facts of the same date. */
    private record Stamp(LocalDate date, int seq) implements Comparable<Stamp> {
        @Override
        public int compareTo(Stamp other) {
            int byDate = date.compareTo(other.date);
            return byDate != 0 ? byDate : Integer.compare(seq, other.seq);
        }
    }

    private static final class NormLog {
        final NormCode code;
        NormAdded added;
        int addedSeq;
        NormRevised revision;
        int revisionSeq;
        boolean retired;

        NormLog(NormCode code) {
            this.code = code;
        }
    }

    private static final class PledgeLog {
        Pledged pledged;
        int pledgedSeq;
        PledgeWithdrawn withdrawn;
        int withdrawnSeq;
    }

    private static final class CommitmentLog {
        CommitmentMade made;
        int madeSeq;
        CommitmentFulfilled fulfilled;
        int fulfilledSeq;
        CommitmentWithdrawn withdrawn;
        int withdrawnSeq;
    }

    private static final class ViolationLog {
        ViolationReported reported;
        int reportedSeq;
        ViolationReviewStarted reviewStarted;
        int reviewStartedSeq;
        ViolationConfirmed confirmed;
        int confirmedSeq;
        ViolationDismissed dismissed;
        int dismissedSeq;
        ViolationRemedied remedied;
        int remediedSeq;
    }

    private static final class NormActivity {
        final List<PledgeLog> pledges = new ArrayList<>();
        final List<CommitmentLog> commitments = new ArrayList<>();
        final List<ViolationLog> violations = new ArrayList<>();
        final List<FactRef> reservationFacts = new ArrayList<>();
        Stamp lastEntered;
        Stamp lastWithdrawn;

        /** Reserved if the latest entry (by date, then recorded order) is later than the latest withdrawal. */
        boolean reserved() {
            return lastEntered != null && (lastWithdrawn == null || lastEntered.compareTo(lastWithdrawn) > 0);
        }
    }

    /**
     * What the facts that count say, per norm, pledge, commitment and report. Every rule that picks one fact among
     * several is decided by the facts' dates and places in recorded order ({@code seq}) alone: the first norm
     * definition, pledge, commitment or report recorded; the earliest withdrawal, fulfilment, review, confirmation,
     * dismissal or remedy (on the same date, the one recorded first); the latest revision (on the same date, the one
     * recorded last). So the facts can be accepted in any order and the ledger is the same: {@code score} gives them
     * in recorded order, {@code history} in the order in which they come to count.
     */
    private static final class Ledger {
        final Map<NormCode, NormLog> norms = new TreeMap<>();
        final Map<NormCode, NormActivity> activity = new HashMap<>();
        private final Map<String, PledgeLog> pledges = new HashMap<>();
        private final Map<String, CommitmentLog> commitments = new HashMap<>();
        private final Map<String, ViolationLog> violations = new HashMap<>();

        /** The date a fact itself carries, or null for a fact that no rule of v1 reads. */
        static LocalDate dateOf(Fact fact) {
            if (fact instanceof NormAdded f) {
                return f.effectiveOn();
            } else if (fact instanceof NormRevised f) {
                return f.revisedOn();
            } else if (fact instanceof NormRetired f) {
                return f.retiredOn();
            } else if (fact instanceof Pledged f) {
                return f.pledgedOn();
            } else if (fact instanceof PledgeWithdrawn f) {
                return f.withdrawnOn();
            } else if (fact instanceof ReservationEntered f) {
                return f.enteredOn();
            } else if (fact instanceof ReservationWithdrawn f) {
                return f.withdrawnOn();
            } else if (fact instanceof CommitmentMade f) {
                return f.madeOn();
            } else if (fact instanceof CommitmentFulfilled f) {
                return f.fulfilledOn();
            } else if (fact instanceof CommitmentWithdrawn f) {
                return f.withdrawnOn();
            } else if (fact instanceof ViolationReported f) {
                return f.occurredOn();
            } else if (fact instanceof ViolationReviewStarted f) {
                return f.startedOn();
            } else if (fact instanceof ViolationConfirmed f) {
                return f.confirmedOn();
            } else if (fact instanceof ViolationDismissed f) {
                return f.dismissedOn();
            } else if (fact instanceof ViolationRemedied f) {
                return f.remediedOn();
            }
            // Progress reports and a state's responses do not affect a v1 score.
            return null;
        }

        private NormLog norm(NormCode code) {
            return norms.computeIfAbsent(code, NormLog::new);
        }

        private NormActivity activity(NormCode code) {
            return activity.computeIfAbsent(code, c -> new NormActivity());
        }

        /** Whether (date, seq) is before (keptDate, keptSeq): an earlier date, or the same one and recorded first. */
        private static boolean before(LocalDate date, int seq, LocalDate keptDate, int keptSeq) {
            int byDate = date.compareTo(keptDate);
            return byDate < 0 || byDate == 0 && seq < keptSeq;
        }

        /** Accepts one fact that counts; {@code seq} is its place in recorded order. */
        void accept(Fact fact, int seq) {
            if (fact instanceof NormAdded f) {
                NormLog log = norm(f.norm());
                if (log.added == null || seq < log.addedSeq) {
                    log.added = f;
                    log.addedSeq = seq;
                }
            } else if (fact instanceof NormRevised f) {
                NormLog log = norm(f.norm());
                if (log.revision == null || before(log.revision.revisedOn(), log.revisionSeq, f.revisedOn(), seq)) {
                    log.revision = f;
                    log.revisionSeq = seq;
                }
            } else if (fact instanceof NormRetired f) {
                norm(f.norm()).retired = true;
            } else if (fact instanceof Pledged f) {
                PledgeLog log = pledges.computeIfAbsent(f.pledgeId(), id -> new PledgeLog());
                if (log.pledged == null || seq < log.pledgedSeq) {
                    if (log.pledged != null) {
                        activity(log.pledged.norm()).pledges.remove(log);
                    }
                    log.pledged = f;
                    log.pledgedSeq = seq;
                    activity(f.norm()).pledges.add(log);
                }
            } else if (fact instanceof PledgeWithdrawn f) {
                PledgeLog log = pledges.computeIfAbsent(f.pledgeId(), id -> new PledgeLog());
                if (log.withdrawn == null
                        || before(f.withdrawnOn(), seq, log.withdrawn.withdrawnOn(), log.withdrawnSeq)) {
                    log.withdrawn = f;
                    log.withdrawnSeq = seq;
                }
            } else if (fact instanceof ReservationEntered f) {
                NormActivity a = activity(f.norm());
                a.reservationFacts.add(f.ref());
                Stamp stamp = new Stamp(f.enteredOn(), seq);
                if (a.lastEntered == null || stamp.compareTo(a.lastEntered) > 0) {
                    a.lastEntered = stamp;
                }
            } else if (fact instanceof ReservationWithdrawn f) {
                NormActivity a = activity(f.norm());
                a.reservationFacts.add(f.ref());
                Stamp stamp = new Stamp(f.withdrawnOn(), seq);
                if (a.lastWithdrawn == null || stamp.compareTo(a.lastWithdrawn) > 0) {
                    a.lastWithdrawn = stamp;
                }
            } else if (fact instanceof CommitmentMade f) {
                CommitmentLog log = commitments.computeIfAbsent(f.commitmentId(), id -> new CommitmentLog());
                if (log.made == null || seq < log.madeSeq) {
                    if (log.made != null) {
                        activity(log.made.norm()).commitments.remove(log);
                    }
                    log.made = f;
                    log.madeSeq = seq;
                    activity(f.norm()).commitments.add(log);
                }
            } else if (fact instanceof CommitmentFulfilled f) {
                CommitmentLog log = commitments.computeIfAbsent(f.commitmentId(), id -> new CommitmentLog());
                if (log.fulfilled == null
                        || before(f.fulfilledOn(), seq, log.fulfilled.fulfilledOn(), log.fulfilledSeq)) {
                    log.fulfilled = f;
                    log.fulfilledSeq = seq;
                }
            } else if (fact instanceof CommitmentWithdrawn f) {
                CommitmentLog log = commitments.computeIfAbsent(f.commitmentId(), id -> new CommitmentLog());
                if (log.withdrawn == null
                        || before(f.withdrawnOn(), seq, log.withdrawn.withdrawnOn(), log.withdrawnSeq)) {
                    log.withdrawn = f;
                    log.withdrawnSeq = seq;
                }
            } else if (fact instanceof ViolationReported f) {
                ViolationLog log = violations.computeIfAbsent(f.violationId(), id -> new ViolationLog());
                if (log.reported == null || seq < log.reportedSeq) {
                    if (log.reported != null) {
                        activity(log.reported.norm()).violations.remove(log);
                    }
                    log.reported = f;
                    log.reportedSeq = seq;
                    activity(f.norm()).violations.add(log);
                }
            } else if (fact instanceof ViolationReviewStarted f) {
                ViolationLog log = violations.computeIfAbsent(f.violationId(), id -> new ViolationLog());
                if (log.reviewStarted == null
                        || before(f.startedOn(), seq, log.reviewStarted.startedOn(), log.reviewStartedSeq)) {
                    log.reviewStarted = f;
                    log.reviewStartedSeq = seq;
                }
            } else if (fact instanceof ViolationConfirmed f) {
                ViolationLog log = violations.computeIfAbsent(f.violationId(), id -> new ViolationLog());
                if (log.confirmed == null
                        || before(f.confirmedOn(), seq, log.confirmed.confirmedOn(), log.confirmedSeq)) {
                    log.confirmed = f;
                    log.confirmedSeq = seq;
                }
            } else if (fact instanceof ViolationDismissed f) {
                ViolationLog log = violations.computeIfAbsent(f.violationId(), id -> new ViolationLog());
                if (log.dismissed == null
                        || before(f.dismissedOn(), seq, log.dismissed.dismissedOn(), log.dismissedSeq)) {
                    log.dismissed = f;
                    log.dismissedSeq = seq;
                }
            } else if (fact instanceof ViolationRemedied f) {
                ViolationLog log = violations.computeIfAbsent(f.violationId(), id -> new ViolationLog());
                if (log.remedied == null
                        || before(f.remediedOn(), seq, log.remedied.remediedOn(), log.remediedSeq)) {
                    log.remedied = f;
                    log.remediedSeq = seq;
                }
            }
        }
    }
}
