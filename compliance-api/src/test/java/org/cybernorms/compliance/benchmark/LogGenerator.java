package org.cybernorms.compliance.benchmark;

import org.cybernorms.compliance.commitment.api.CommitmentEvents.CommitmentFulfilled;
import org.cybernorms.compliance.commitment.api.CommitmentEvents.CommitmentMade;
import org.cybernorms.compliance.commitment.api.CommitmentEvents.CommitmentProgressReported;
import org.cybernorms.compliance.commitment.api.CommitmentEvents.CommitmentWithdrawn;
import org.cybernorms.compliance.commitment.api.CommitmentId;
import org.cybernorms.compliance.instrument.UnGge2015;
import org.cybernorms.compliance.instrument.api.InstrumentCommands.NormText;
import org.cybernorms.compliance.participation.api.ParticipationCommands;
import org.cybernorms.compliance.participation.api.ParticipationEvents.InstrumentAcceded;
import org.cybernorms.compliance.participation.api.ParticipationEvents.InstrumentRatified;
import org.cybernorms.compliance.participation.api.ParticipationEvents.InstrumentSigned;
import org.cybernorms.compliance.participation.api.ParticipationEvents.InstrumentWithdrawnFrom;
import org.cybernorms.compliance.participation.api.ParticipationEvents.NormPledged;
import org.cybernorms.compliance.participation.api.ParticipationEvents.PledgeWithdrawn;
import org.cybernorms.compliance.participation.api.ParticipationEvents.ReservationEntered;
import org.cybernorms.compliance.participation.api.ParticipationEvents.ReservationWithdrawn;
import org.cybernorms.compliance.participation.api.PledgeId;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.cybernorms.compliance.violation.api.EvidenceLink;
import org.cybernorms.compliance.violation.api.Severity;
import org.cybernorms.compliance.violation.api.ViolationEvents.StateResponded;
import org.cybernorms.compliance.violation.api.ViolationEvents.ViolationConfirmed;
import org.cybernorms.compliance.violation.api.ViolationEvents.ViolationDismissed;
import org.cybernorms.compliance.violation.api.ViolationEvents.ViolationRemedied;
import org.cybernorms.compliance.violation.api.ViolationEvents.ViolationReported;
import org.cybernorms.compliance.violation.api.ViolationEvents.ViolationReviewStarted;
import org.cybernorms.compliance.violation.api.ViolationId;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A deterministic, streamed log of a realistic mix of domain events under {@code un-gge-2015}: treaty participation
 * of every state (signature, ratification, accession, withdrawal, reservations entered and withdrawn), pledges (some
 * withdrawn), commitments with every outcome (fulfilled on time or late, withdrawn, left open, overdue, with progress
 * reports) and violation reports through every lifecycle (reported, under review, confirmed, dismissed, remedied,
 * answered by the state).
 *
 * <p>Every aggregate follows the rules of its class in compliance-core, so that the events are exactly the ones the
 * aggregate would have applied, and a later command on any of them is judged as on a recorded one: sequence numbers
 * from 0, dates in the order the rules demand, and the transitions they allow. The log is in recorded order:
 * {@code recordedAt} increases strictly from event to event and is never before the fact's valid date.
 *
 * <p>Memory stays small whatever the size: only the aggregates whose lifecycle is still running are held (a priority
 * queue of their next events), never the log. The same settings give the same log, event ids included.
 *
 * <p>Sizing: new records are born every day at a rate that grows over the decade; the rate is calibrated by a first,
 * counting pass so that the period holds about 2% more than {@code events} events, and the log is cut at exactly
 * {@code events} events: it ends in the last two months or so of the period. Generating 10^6 events takes about a
 * minute of one core (two counting passes and the log itself) and under 40 MiB of heap.
 */
public final class LogGenerator implements Iterator<GeneratedEvent> {

    /**
     * What to generate.
     *
     * @param seed   the seed of every random choice
     * @param events how many events the log has
     * @param from   the first valid date
     * @param to     the last valid date (no fact takes effect after it)
     * @param states the states; participation is generated for each, and records are spread over them
     * @param skew   how unevenly records fall on states: a state's share is proportional to 1/rank^skew (0: even)
     */
    public record Settings(long seed, long events, LocalDate from, LocalDate to, List<StateCode> states,
                           double skew) {

        public static final long DEFAULT_SEED = 20_150_722L;

        public Settings {
            if (events < 1) {
                throw new IllegalArgumentException("events must be positive");
            }
            if (from.isBefore(UnGge2015.REPORT_DATE)) {
                throw new IllegalArgumentException("from must not be before the instrument's adoption");
            }
            if (!to.isAfter(from.plusYears(1))) {
                throw new IllegalArgumentException("the period must be longer than a year");
            }
            states = List.copyOf(states);
        }

        /** Ten years (2016 to 2025) of the 193 UN member states, mildly skewed. */
        public static Settings of(long events) {
            return new Settings(DEFAULT_SEED, events, LocalDate.of(2016, 1, 1), LocalDate.of(2025, 12, 31),
                    UnMemberStates.all(), 0.3);
        }

        public Settings withSeed(long otherSeed) {
            return new Settings(otherSeed, events, from, to, states, skew);
        }

        public Settings withStates(List<StateCode> otherStates) {
            return new Settings(seed, events, from, to, otherStates, skew);
        }
    }

    private static final InstrumentId INSTRUMENT = UnGge2015.ID;
    private static final List<NormCode> NORMS = UnGge2015.norms().stream().map(NormText::norm).toList();
    /** Violations fall more often under some norms (territory, critical infrastructure, supply chain). */
    private static final double[] VIOLATION_NORM_WEIGHTS = {1, 1, 4, 2, 3, 5, 2, 1, 2, 1, 1};
    private static final double[] EVEN_NORM_WEIGHTS = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    private static final String[] BODIES = {"CERT-EU", "CyberPeace Institute", "EuRepoC", "ENISA",
            "UN Panel of Experts", "Citizen Lab", "National CSIRT network", "Global Forum on Cyber Expertise"};
    private static final String[] ACTS = {"Ransomware against hospital networks", "Wiper malware on energy grid",
            "Intrusion into election infrastructure", "DDoS against government portals",
            "Supply-chain compromise of a software update", "Espionage against a foreign ministry",
            "Attack on a national CERT", "Disruption of satellite communications"};
    private static final String[] PROMISES = {"Adopt a national cybersecurity strategy",
            "Publish a coordinated vulnerability disclosure policy", "Set up a national CSIRT",
            "Join a regional confidence-building mechanism", "Designate points of contact for ICT incidents",
            "Fund capacity building in partner states", "Protect critical infrastructure operators by law"};

    private final Settings settings;
    private final double baseRate;
    private final long limit;
    private final SplittableRandom random;
    private final double[] stateCumulative;
    private final List<StateCode> statesByWeight;
    private final PriorityQueue<Scheduled> queue =
            new PriorityQueue<>(Comparator.comparing(Scheduled::at).thenComparingLong(Scheduled::order));
    private final LogSummary summary = new LogSummary();
    private final long days;
    private LocalDate day;
    private Instant boundary;
    private double births;
    private long order;
    private long emitted;
    private Instant lastRecorded = Instant.MIN;
    private GeneratedEvent next;
    private boolean finished;

    private LogGenerator(Settings settings, double baseRate, long limit) {
        this.settings = settings;
        this.baseRate = baseRate;
        this.limit = limit;
        this.random = new SplittableRandom(settings.seed());
        this.days = ChronoUnit.DAYS.between(settings.from(), settings.to()) + 1;
        List<StateCode> shuffled = new ArrayList<>(settings.states());
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            shuffled.set(i, shuffled.set(j, shuffled.get(i)));
        }
        this.statesByWeight = List.copyOf(shuffled);
        this.stateCumulative = new double[shuffled.size()];
        double total = 0;
        for (int i = 0; i < shuffled.size(); i++) {
            total += 1 / Math.pow(i + 1, settings.skew());
            stateCumulative[i] = total;
        }
        for (StateCode state : settings.states()) {
            schedule(participation(state));
        }
        this.day = settings.from();
        this.boundary = startOf(day);
    }

    /**
     * A generator of exactly {@code settings.events()} events (fewer only if the period cannot hold them). The birth
     * rate is calibrated by counting passes: until the whole period holds at least the events asked for, with a
     * margin of 2%, so that the log reaches the last months of the period.
     */
    public static LogGenerator of(Settings settings) {
        double rate = Math.max(0.01, (settings.events() - 6.0 * settings.states().size())
                / (ChronoUnit.DAYS.between(settings.from(), settings.to()) * 3.0));
        for (int pass = 0; pass < 5; pass++) {
            LogGenerator counting = new LogGenerator(settings, rate, Long.MAX_VALUE);
            while (counting.hasNext()) {
                counting.next();
            }
            long participation = counting.summary.eventsByType().entrySet().stream()
                    .filter(e -> PARTICIPATION_TYPES.contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
            long total = counting.emitted;
            if (pass > 0 && total >= settings.events()) {
                break;
            }
            rate = rate * Math.max(1, settings.events() - participation) / Math.max(1, total - participation) * 1.02;
        }
        return new LogGenerator(settings, rate, settings.events());
    }

    /** A generator of the default settings ({@link Settings#of(long)}). */
    public static LogGenerator of(long events) {
        return of(Settings.of(events));
    }

    private static final java.util.Set<String> PARTICIPATION_TYPES = java.util.Set.of("InstrumentSigned",
            "InstrumentRatified", "InstrumentAcceded", "InstrumentWithdrawnFrom", "ReservationEntered",
            "ReservationWithdrawn");

    public Settings settings() {
        return settings;
    }

    /** What the log held so far; complete once the generator is exhausted. */
    public LogSummary summary() {
        return summary;
    }

    /** The rest of the log as a sequential stream. */
    public Stream<GeneratedEvent> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    @Override
    public boolean hasNext() {
        if (next == null && !finished) {
            next = advance();
            if (next == null) {
                finished = true;
                for (Scheduled pending : queue) {
                    pending.script.finish(summary, settings.to());
                }
                queue.clear();
            }
        }
        return next != null;
    }

    @Override
    public GeneratedEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        GeneratedEvent event = next;
        next = null;
        return event;
    }

    private GeneratedEvent advance() {
        if (emitted >= limit) {
            return null;
        }
        while (true) {
            Scheduled head = queue.peek();
            if (head != null && (boundary == null || head.at().isBefore(boundary))) {
                queue.poll();
                return emit(head);
            }
            if (boundary == null) {
                return null;
            }
            bornOn(day);
            day = day.plusDays(1);
            boundary = day.isAfter(settings.to()) ? null : startOf(day);
        }
    }

    private GeneratedEvent emit(Scheduled scheduled) {
        Script script = scheduled.script();
        Step step = script.steps.get(script.next);
        Instant at = scheduled.at();
        if (!at.isAfter(lastRecorded)) {
            at = lastRecorded.plusMillis(1);
        }
        lastRecorded = at;
        GeneratedEvent event = new GeneratedEvent(uuid(), uuid(), script.type, script.aggregateId, script.next,
                step.payload(), step.validOn(), at, script.state, step.actor());
        script.next++;
        script.lastValidOn = step.validOn();
        emitted++;
        summary.event(event);
        if (script.next < script.steps.size()) {
            queue.add(new Scheduled(recorded(script.steps.get(script.next).validOn(), at), order++, script));
        } else {
            script.finish(summary, settings.to());
        }
        return event;
    }

    private void schedule(Script script) {
        if (!script.steps.isEmpty()) {
            queue.add(new Scheduled(recorded(script.steps.get(0).validOn(), Instant.MIN), order++, script));
        }
    }

    /** The records first reported on {@code date}: violations, commitments and pledges. */
    private void bornOn(LocalDate date) {
        double progress = (double) ChronoUnit.DAYS.between(settings.from(), date) / days;
        births += baseRate * (0.6 + 0.8 * progress);
        while (births >= 1) {
            births--;
            StateCode state = pickState();
            double kind = random.nextDouble();
            if (kind < 0.45) {
                schedule(violation(state, date));
            } else if (kind < 0.85) {
                schedule(commitment(state, date));
            } else {
                schedule(pledge(state, date));
            }
        }
    }

    // ---- lifecycles ----

    private Script participation(StateCode state) {
        Script script = new Script(Kind.PARTICIPATION, "Participation",
                ParticipationCommands.participationId(INSTRUMENT, state), state);
        LocalDate from = settings.from();
        List<Step> status = new ArrayList<>();
        double path = random.nextDouble();
        LocalDate last = null;
        boolean party = false;
        if (path < 0.70) {
            last = between(from, from.plusYears(3));
            status.add(monitor(last, new InstrumentSigned(state, INSTRUMENT, last)));
            if (random.nextDouble() < 0.85) {
                last = last.plusDays(90 + random.nextInt(1000));
                status.add(monitor(last, new InstrumentRatified(state, INSTRUMENT, last)));
                party = true;
            } else if (random.nextDouble() < 0.3) {
                last = last.plusDays(180 + random.nextInt(1000));
                status.add(monitor(last, new InstrumentWithdrawnFrom(state, INSTRUMENT, last)));
            }
        } else if (path < 0.90) {
            last = between(from, from.plusYears(6));
            status.add(monitor(last, new InstrumentAcceded(state, INSTRUMENT, last)));
            party = true;
        } else if (path < 0.95) {
            last = between(from.plusYears(4), settings.to());
            status.add(monitor(last, new InstrumentSigned(state, INSTRUMENT, last)));
        }
        if (party && random.nextDouble() < 0.08) {
            last = last.plusDays(365 + random.nextInt(1100));
            status.add(monitor(last, new InstrumentWithdrawnFrom(state, INSTRUMENT, last)));
            if (random.nextDouble() < 0.5) {
                last = last.plusDays(180 + random.nextInt(550));
                status.add(monitor(last, new InstrumentAcceded(state, INSTRUMENT, last)));
            }
        }
        List<Step> steps = new ArrayList<>(status);
        if (random.nextDouble() < 0.25) {
            List<NormCode> norms = new ArrayList<>(NORMS);
            int reservations = 1 + random.nextInt(3);
            for (int i = 0; i < reservations; i++) {
                NormCode norm = norms.remove(random.nextInt(norms.size()));
                LocalDate entered = between(from.plusDays(30), settings.to().minusDays(200));
                steps.add(monitor(entered, new ReservationEntered(state, INSTRUMENT, norm, entered,
                        "Reservation of " + state + " on norm " + norm + ": applies subject to national law")));
                if (random.nextDouble() < 0.4) {
                    LocalDate withdrawn = entered.plusDays(180 + random.nextInt(1280));
                    steps.add(monitor(withdrawn, new ReservationWithdrawn(state, INSTRUMENT, norm, withdrawn)));
                    if (random.nextDouble() < 0.3) {
                        LocalDate again = withdrawn.plusDays(30 + random.nextInt(700));
                        steps.add(monitor(again, new ReservationEntered(state, INSTRUMENT, norm, again,
                                "Reservation of " + state + " on norm " + norm + ", entered again")));
                    }
                }
            }
        }
        script.steps = inPeriod(steps);
        return script;
    }

    private Script pledge(StateCode state, LocalDate date) {
        PledgeId id = new PledgeId(uuid());
        Script script = new Script(Kind.PLEDGE, "Pledge", id.value(), state);
        NormCode norm = pickNorm(EVEN_NORM_WEIGHTS);
        List<Step> steps = new ArrayList<>();
        steps.add(monitor(date, new NormPledged(id, state, INSTRUMENT, norm, date,
                state + " pledges to uphold norm " + norm + " of the 2015 GGE report")));
        if (random.nextDouble() < 0.15) {
            LocalDate withdrawn = date.plusDays(60 + random.nextInt(1740));
            steps.add(monitor(withdrawn, new PledgeWithdrawn(id, state, INSTRUMENT, norm, withdrawn)));
        }
        script.steps = inPeriod(steps);
        return script;
    }

    private Script commitment(StateCode state, LocalDate madeOn) {
        CommitmentId id = new CommitmentId(uuid());
        Script script = new Script(Kind.COMMITMENT, "Commitment", id.value(), state);
        NormCode norm = pickNorm(EVEN_NORM_WEIGHTS);
        LocalDate dueOn = madeOn.plusDays(90 + random.nextInt(1006));
        script.dueOn = dueOn;
        List<Step> steps = new ArrayList<>();
        steps.add(monitor(madeOn, new CommitmentMade(id, state, INSTRUMENT, norm,
                PROMISES[random.nextInt(PROMISES.length)] + " (" + state + ", norm " + norm + ")", madeOn, dueOn)));
        double outcome = random.nextDouble();
        LocalDate closedOn;
        int progress;
        if (outcome < 0.35) {
            closedOn = madeOn.plusDays(1 + random.nextInt((int) ChronoUnit.DAYS.between(madeOn, dueOn)));
            progress = random.nextInt(4);
        } else if (outcome < 0.50) {
            closedOn = dueOn.plusDays(1 + random.nextInt(365));
            progress = random.nextInt(4);
        } else if (outcome < 0.60) {
            closedOn = madeOn.plusDays(1 + random.nextInt((int) ChronoUnit.DAYS.between(madeOn, dueOn) + 180));
            progress = random.nextInt(3);
        } else {
            closedOn = null;
            progress = random.nextInt(5);
        }
        LocalDate progressUntil = closedOn != null ? closedOn : dueOn.plusDays(365);
        List<LocalDate> reports = new ArrayList<>();
        for (int i = 0; i < progress; i++) {
            reports.add(between(madeOn, progressUntil));
        }
        reports.sort(null);
        for (LocalDate reportedOn : reports) {
            steps.add(monitor(reportedOn, new CommitmentProgressReported(id, state, INSTRUMENT, norm, reportedOn,
                    "Progress report: milestone " + (steps.size()) + " reached")));
        }
        if (closedOn != null && outcome < 0.50) {
            steps.add(monitor(closedOn, new CommitmentFulfilled(id, state, INSTRUMENT, norm, closedOn,
                    "Published in the official gazette on " + closedOn)));
        } else if (closedOn != null) {
            steps.add(monitor(closedOn, new CommitmentWithdrawn(id, state, INSTRUMENT, norm, closedOn,
                    "Withdrawn after a change of government")));
        }
        script.steps = inPeriod(steps);
        return script;
    }

    private Script violation(StateCode state, LocalDate reportedOn) {
        ViolationId id = new ViolationId(uuid());
        Script script = new Script(Kind.VIOLATION, "ViolationReport", id.value(), state);
        NormCode norm = pickNorm(VIOLATION_NORM_WEIGHTS);
        LocalDate occurredOn = reportedOn.minusDays(random.nextInt(121));
        if (occurredOn.isBefore(UnGge2015.REPORT_DATE)) {
            occurredOn = UnGge2015.REPORT_DATE;
        }
        double grave = random.nextDouble();
        Severity severity = grave < 0.30 ? Severity.LOW : grave < 0.65 ? Severity.MEDIUM
                : grave < 0.90 ? Severity.HIGH : Severity.CRITICAL;
        List<Step> steps = new ArrayList<>();
        steps.add(monitor(reportedOn, new ViolationReported(id, state, INSTRUMENT, norm, occurredOn, reportedOn,
                severity, ACTS[random.nextInt(ACTS.length)] + " attributed to " + state, evidence(),
                BODIES[random.nextInt(BODIES.length)])));
        if (random.nextDouble() < 0.85) {
            LocalDate started = reportedOn.plusDays(1 + random.nextInt(60));
            steps.add(monitor(started, new ViolationReviewStarted(id, state, INSTRUMENT, norm, started)));
            double decision = random.nextDouble();
            LocalDate decided = started.plusDays(7 + random.nextInt(174));
            if (decision < 0.45) {
                steps.add(monitor(decided, new ViolationConfirmed(id, state, INSTRUMENT, norm, decided,
                        "Attribution confirmed by technical and contextual evidence")));
                if (random.nextDouble() < 0.4) {
                    LocalDate remedied = decided.plusDays(30 + random.nextInt(691));
                    steps.add(monitor(remedied, new ViolationRemedied(id, state, INSTRUMENT, norm, remedied,
                            "Compensation paid and systems restored")));
                }
            } else if (decision < 0.85) {
                steps.add(monitor(decided, new ViolationDismissed(id, state, INSTRUMENT, norm, decided,
                        "Attribution not supported by the evidence")));
            }
        }
        if (random.nextDouble() < 0.35) {
            LocalDate responded = reportedOn.plusDays(1 + random.nextInt(120));
            steps.add(new Step(responded, new StateResponded(id, state, INSTRUMENT, norm, responded,
                    state + " rejects the allegation and offers consultations"), GeneratedEvent.Actor.STATE));
            if (random.nextDouble() < 0.1) {
                LocalDate again = responded.plusDays(1 + random.nextInt(365));
                steps.add(new Step(again, new StateResponded(id, state, INSTRUMENT, norm, again,
                        state + " reports the measures it has taken"), GeneratedEvent.Actor.STATE));
            }
        }
        steps.sort(Comparator.comparing(Step::validOn)); // stable: a response on a decision's date comes after it
        script.steps = inPeriod(steps);
        return script;
    }

    private List<EvidenceLink> evidence() {
        int links = random.nextInt(4);
        List<String> urls = new ArrayList<>(links);
        for (int i = 0; i < links; i++) {
            int n = random.nextInt(1_000_000);
            urls.add(switch (random.nextInt(6)) {
                case 0 -> "https://www.example.org/reports/" + n + ".pdf";
                case 1 -> "https://web.archive.org/web/2020/https://news.example.com/" + n;
                case 2 -> "https://data.example.org/incidents/" + n + ".csv";
                case 3 -> "https://img.example.net/" + n + ".png";
                case 4 -> "https://www.youtube.com/watch?v=" + n;
                default -> "https://news.example.com/story/" + n;
            });
        }
        return EvidenceLink.of(urls);
    }

    // ---- helpers ----

    private List<Step> inPeriod(List<Step> steps) {
        List<Step> sorted = new ArrayList<>(steps);
        sorted.sort(Comparator.comparing(Step::validOn));
        sorted.removeIf(step -> step.validOn().isAfter(settings.to()));
        return sorted;
    }

    private static Step monitor(LocalDate validOn, Object payload) {
        return new Step(validOn, payload, GeneratedEvent.Actor.MONITOR);
    }

    private StateCode pickState() {
        double target = random.nextDouble() * stateCumulative[stateCumulative.length - 1];
        int low = 0;
        int high = stateCumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (stateCumulative[mid] < target) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return statesByWeight.get(low);
    }

    private NormCode pickNorm(double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double target = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target < 0) {
                return NORMS.get(i);
            }
        }
        return NORMS.get(NORMS.size() - 1);
    }

    private LocalDate between(LocalDate first, LocalDate last) {
        long span = ChronoUnit.DAYS.between(first, last);
        return span <= 0 ? first : first.plusDays(random.nextLong(span + 1));
    }

    /**
     * When a fact of {@code validOn} is recorded: mostly on the day, often within days, sometimes weeks later; and
     * always after the aggregate's previous event.
     */
    private Instant recorded(LocalDate validOn, Instant after) {
        double lag = random.nextDouble();
        long days = lag < 0.55 ? 0 : lag < 0.90 ? 1 + random.nextInt(10) : 11 + random.nextInt(80);
        Instant at = startOf(validOn).plus(Duration.ofDays(days))
                .plusSeconds(7 * 3600 + random.nextInt(12 * 3600)).plusMillis(random.nextInt(1000));
        if (!at.isAfter(after)) {
            at = after.plusMillis(1 + random.nextInt(500));
        }
        return at;
    }

    private static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** A random (version 4) UUID drawn from the seeded generator. */
    private String uuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(most, least).toString();
    }

    private enum Kind { PARTICIPATION, PLEDGE, COMMITMENT, VIOLATION }

    private record Step(LocalDate validOn, Object payload, GeneratedEvent.Actor actor) {
    }

    private record Scheduled(Instant at, long order, Script script) {
    }

    /** One aggregate's lifecycle: its steps, computed when it is born, and how far it has gone. */
    private static final class Script {
        final Kind kind;
        final String type;
        final String aggregateId;
        final StateCode state;
        List<Step> steps = List.of();
        int next;
        LocalDate dueOn;
        LocalDate lastValidOn;

        Script(Kind kind, String type, String aggregateId, StateCode state) {
            this.kind = kind;
            this.type = type;
            this.aggregateId = aggregateId;
            this.state = state;
        }

        /** Counts where the lifecycle ended, if it began. */
        void finish(LogSummary summary, LocalDate end) {
            if (next == 0) {
                return;
            }
            summary.outcome(kind.name().toLowerCase() + ":" + outcome(end),
                    new LogSummary.Sample(type, aggregateId, state, next - 1, lastValidOn));
        }

        private String outcome(LocalDate end) {
            List<Step> done = steps.subList(0, next);
            Object last = done.get(done.size() - 1).payload();
            return switch (kind) {
                case PLEDGE -> last instanceof PledgeWithdrawn ? "WITHDRAWN" : "ACTIVE";
                case COMMITMENT -> {
                    for (Step step : done) {
                        if (step.payload() instanceof CommitmentFulfilled fulfilled) {
                            yield fulfilled.fulfilledOn().isAfter(dueOn) ? "FULFILLED_LATE" : "FULFILLED_ON_TIME";
                        }
                        if (step.payload() instanceof CommitmentWithdrawn) {
                            yield "WITHDRAWN";
                        }
                    }
                    yield dueOn.isBefore(end) ? "OVERDUE" : "OPEN";
                }
                case VIOLATION -> {
                    String status = "REPORTED";
                    for (Step step : done) {
                        Object payload = step.payload();
                        if (payload instanceof ViolationReviewStarted) {
                            status = "UNDER_REVIEW";
                        } else if (payload instanceof ViolationConfirmed) {
                            status = "CONFIRMED";
                        } else if (payload instanceof ViolationDismissed) {
                            status = "DISMISSED";
                        } else if (payload instanceof ViolationRemedied) {
                            status = "REMEDIED";
                        }
                    }
                    yield status;
                }
                case PARTICIPATION -> {
                    String status = "NONE";
                    for (Step step : done) {
                        Object payload = step.payload();
                        if (payload instanceof InstrumentSigned) {
                            status = "SIGNED";
                        } else if (payload instanceof InstrumentRatified || payload instanceof InstrumentAcceded) {
                            status = "PARTY";
                        } else if (payload instanceof InstrumentWithdrawnFrom) {
                            status = "WITHDRAWN";
                        }
                    }
                    yield status;
                }
            };
        }
    }
}
