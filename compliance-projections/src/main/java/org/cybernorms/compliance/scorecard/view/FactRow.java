package org.cybernorms.compliance.scorecard.view;

import org.cybernorms.compliance.commitment.api.CommitmentEvents;
import org.cybernorms.compliance.crosswalk.api.CrosswalkEvents;
import org.cybernorms.compliance.instrument.api.InstrumentEvents;
import org.cybernorms.compliance.participation.api.OrganisationParticipationEvents;
import org.cybernorms.compliance.participation.api.ParticipationEvents;
import org.cybernorms.compliance.scorecard.methodology.Fact;
import org.cybernorms.compliance.scorecard.methodology.FactRef;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.violation.api.Severity;
import org.cybernorms.compliance.violation.api.ViolationEvents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One recorded fact, kept with both its times, in a shape that turns back into a methodology {@link Fact}.
 *
 * <p>Instrument facts ({@code InstrumentCreated}, {@code NormAdded}, {@code NormRevised}, {@code NormRetired}) have no
 * state. State facts name the state and the instrument they were recorded under. Facts that methodology v1 does not
 * read (the participation steps, and objections, whose subject is the reserving state) are kept too: a treaty's status
 * is derived from them, and because they make a state
 * one that "has facts" and so appear in the ranking; {@link #toFact()} gives nothing for them.
 *
 * <p>The position is the event's place in the log (its global index), which gives the exact recorded order. Facts are
 * stored in blocks ({@link FactBlock}): all of one state's (or the instrument's own) facts within one range of
 * {@value FactBlocks#POSITIONS_PER_BLOCK} positions, in one row.
 */
public final class FactRow {

    private final String eventId;
    private final long position;
    private final String instrumentId;
    /** ISO 3166-1 alpha-3; {@code null} for the instrument's own facts. */
    private final String stateCode;
    /** The simple name of the event type, such as {@code CommitmentFulfilled}. */
    private final String type;
    private final LocalDate validOn;
    private final Instant recordedAt;
    private String norm;
    /** The pledge, commitment or violation report the fact is about. */
    private String subjectId;
    /** The norm's title, for NormAdded and NormRevised; the instrument's title for InstrumentCreated. */
    private String title;
    private LocalDate dueOn;
    private LocalDate occurredOn;
    private Severity severity;

    /** Every field, as a block stores it ({@link FactBlocks#decode}). */
    FactRow(String eventId, long position, Instant recordedAt, String type, String instrumentId, String stateCode,
            LocalDate validOn, String norm, String subjectId, String title, LocalDate dueOn, LocalDate occurredOn,
            Severity severity) {
        this(eventId, position, recordedAt, type, instrumentId, stateCode, validOn);
        this.norm = norm;
        this.subjectId = subjectId;
        this.title = title;
        this.dueOn = dueOn;
        this.occurredOn = occurredOn;
        this.severity = severity;
    }

    private FactRow(String eventId, long position, Instant recordedAt, String type, String instrumentId,
                    String stateCode, LocalDate validOn) {
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.position = position;
        this.recordedAt = Objects.requireNonNull(recordedAt, "recordedAt");
        this.type = Objects.requireNonNull(type, "type");
        this.instrumentId = Objects.requireNonNull(instrumentId, "instrumentId");
        this.stateCode = stateCode;
        this.validOn = Objects.requireNonNull(validOn, "validOn");
    }

    /**
     * The row for one event of the log, or empty if the event is not one a scorecard reads.
     *
     * @param position the event's place in the log, for recorded order
     */
    public static Optional<FactRow> of(Object payload, String eventId, Instant recordedAt, long position) {
        String type = payload.getClass().getSimpleName();
        if (payload instanceof InstrumentEvents event) {
            return Optional.ofNullable(instrumentFact(event, eventId, recordedAt, position, type));
        }
        if (payload instanceof ParticipationEvents event) {
            FactRow row = new FactRow(eventId, position, recordedAt, type, event.instrument().value(),
                    event.state().value(), event.validOn());
            if (event instanceof ParticipationEvents.NormPledged e) {
                row.norm = e.norm().value();
                row.subjectId = e.pledgeId().value();
            } else if (event instanceof ParticipationEvents.PledgeWithdrawn e) {
                row.norm = e.norm().value();
                row.subjectId = e.pledgeId().value();
            } else if (event instanceof ParticipationEvents.ReservationEntered e) {
                row.norm = e.norm().value();
            } else if (event instanceof ParticipationEvents.ReservationWithdrawn e) {
                row.norm = e.norm().value();
            } else if (event instanceof ParticipationEvents.ObjectionEntered e) {
                row.norm = e.norm().value();
                row.subjectId = e.reservingState().value();
            }
            return Optional.of(row);
        }
        if (payload instanceof CrosswalkEvents event) {
            return Optional.ofNullable(mappingFact(event, eventId, recordedAt, position, type));
        }
        if (payload instanceof OrganisationParticipationEvents.OrganisationParticipationRecorded e) {
            // an organisation has no state code: its steps are kept among the treaty's own facts
            FactRow row = new FactRow(eventId, position, recordedAt, type, e.instrument().value(), null, e.date());
            row.subjectId = "org:" + e.organisation().value();
            row.title = e.action().name();
            return Optional.of(row);
        }
        if (payload instanceof CommitmentEvents event) {
            FactRow row = new FactRow(eventId, position, recordedAt, type, event.instrument().value(),
                    event.state().value(), event.validOn());
            row.norm = event.norm().value();
            row.subjectId = event.commitmentId().value();
            if (event instanceof CommitmentEvents.CommitmentMade e) {
                row.dueOn = e.dueOn();
            }
            return Optional.of(row);
        }
        if (payload instanceof ViolationEvents event) {
            FactRow row = new FactRow(eventId, position, recordedAt, type, event.instrument().value(),
                    event.state().value(), event.validOn());
            row.norm = event.norm().value();
            row.subjectId = event.violationId().value();
            if (event instanceof ViolationEvents.ViolationReported e) {
                row.occurredOn = e.occurredOn();
                row.severity = e.severity();
            }
            return Optional.of(row);
        }
        return Optional.empty();
    }

    /**
     * A crosswalk's mapping, kept as a fact of its target instrument (the one a treaty scorecard reads): the target
     * norm as {@code norm}, the crosswalk as {@code subjectId}, and as {@code title} the source instrument, the source
     * norm and (when added) the relation, separated by spaces (none of them can hold one). The crosswalk's creation
     * is not kept: its mappings are what a scorecard reads.
     */
    private static FactRow mappingFact(CrosswalkEvents event, String eventId, Instant recordedAt, long position,
                                       String type) {
        String instrument = event.to().value();
        if (event instanceof CrosswalkEvents.MappingAdded e) {
            FactRow row = new FactRow(eventId, position, recordedAt, type, instrument, null, e.effectiveOn());
            row.norm = e.targetNorm().value();
            row.subjectId = e.crosswalkId().value();
            row.title = e.from().value() + " " + e.sourceNorm().value() + " " + e.relation().name();
            return row;
        }
        if (event instanceof CrosswalkEvents.MappingRetired e) {
            FactRow row = new FactRow(eventId, position, recordedAt, type, instrument, null, e.retiredOn());
            row.norm = e.targetNorm().value();
            row.subjectId = e.crosswalkId().value();
            row.title = e.from().value() + " " + e.sourceNorm().value();
            return row;
        }
        return null;
    }

    private static FactRow instrumentFact(InstrumentEvents event, String eventId, Instant recordedAt, long position,
                                          String type) {
        String instrument = event.instrumentId().value();
        if (event instanceof InstrumentEvents.InstrumentCreated e) {
            FactRow row = new FactRow(eventId, position, recordedAt, type, instrument, null, e.adoptedOn());
            row.title = e.title();
            return row;
        }
        if (event instanceof InstrumentEvents.NormAdded e) {
            FactRow row = new FactRow(eventId, position, recordedAt, type, instrument, null, e.effectiveOn());
            row.norm = e.norm().value();
            row.title = e.title();
            return row;
        }
        if (event instanceof InstrumentEvents.NormRevised e) {
            FactRow row = new FactRow(eventId, position, recordedAt, type, instrument, null, e.revisedOn());
            row.norm = e.norm().value();
            row.title = e.title();
            return row;
        }
        if (event instanceof InstrumentEvents.NormRetired e) {
            FactRow row = new FactRow(eventId, position, recordedAt, type, instrument, null, e.retiredOn());
            row.norm = e.norm().value();
            return row;
        }
        return null;
    }

    /**
     * The methodology fact this row stands for, or empty for facts no methodology reads (the instrument's creation,
     * signature, ratification, accession and withdrawal from the instrument).
     */
    public Optional<Fact> toFact() {
        return Optional.ofNullable(fact(ref(), norm, subjectId, title, dueOn, occurredOn, severity));
    }

    /**
     * The methodology fact of a row's fields, or {@code null} for facts no methodology reads. The one place that turns
     * the fields into a {@link Fact}.
     */
    static Fact fact(FactRef ref, String norm, String subjectId, String title, LocalDate dueOn, LocalDate occurredOn,
                     Severity severity) {
        LocalDate validOn = ref.validOn();
        return switch (ref.type()) {
            case "NormAdded" -> new Fact.NormAdded(ref, NormCode.of(norm), title, validOn);
            case "NormRevised" -> new Fact.NormRevised(ref, NormCode.of(norm), title, validOn);
            case "NormRetired" -> new Fact.NormRetired(ref, NormCode.of(norm), validOn);
            case "NormPledged" -> new Fact.Pledged(ref, subjectId, NormCode.of(norm), validOn);
            case "PledgeWithdrawn" -> new Fact.PledgeWithdrawn(ref, subjectId, validOn);
            case "ReservationEntered" -> new Fact.ReservationEntered(ref, NormCode.of(norm), validOn);
            case "ReservationWithdrawn" -> new Fact.ReservationWithdrawn(ref, NormCode.of(norm), validOn);
            case "CommitmentMade" -> new Fact.CommitmentMade(ref, subjectId, NormCode.of(norm), validOn, dueOn);
            case "CommitmentFulfilled" -> new Fact.CommitmentFulfilled(ref, subjectId, validOn);
            case "CommitmentWithdrawn" -> new Fact.CommitmentWithdrawn(ref, subjectId, validOn);
            case "CommitmentProgressReported" -> new Fact.CommitmentProgressReported(ref, subjectId, validOn);
            case "ViolationReported" ->
                    new Fact.ViolationReported(ref, subjectId, NormCode.of(norm), occurredOn, severity);
            case "ViolationReviewStarted" -> new Fact.ViolationReviewStarted(ref, subjectId, validOn);
            case "ViolationConfirmed" -> new Fact.ViolationConfirmed(ref, subjectId, validOn);
            case "ViolationDismissed" -> new Fact.ViolationDismissed(ref, subjectId, validOn);
            case "ViolationRemedied" -> new Fact.ViolationRemedied(ref, subjectId, validOn);
            case "StateResponded" -> new Fact.StateResponded(ref, subjectId, validOn);
            default -> null;
        };
    }

    /** The event behind this row: its id, type, valid date and recorded instant. */
    public FactRef ref() {
        return new FactRef(eventId, type, validOn, recordedAt);
    }

    public String eventId() {
        return eventId;
    }

    public long position() {
        return position;
    }

    public String instrumentId() {
        return instrumentId;
    }

    /** The state, or {@code null} for an instrument fact. */
    public String stateCode() {
        return stateCode;
    }

    public String type() {
        return type;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public LocalDate validOn() {
        return validOn;
    }

    /** The norm's code, or {@code null} for facts about no single norm. */
    public String normCode() {
        return norm;
    }

    public String subjectId() {
        return subjectId;
    }

    public String title() {
        return title;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public LocalDate occurredOn() {
        return occurredOn;
    }

    public Severity severity() {
        return severity;
    }
}
