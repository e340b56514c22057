package org.cybernorms.compliance.assistance.view;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.cybernorms.compliance.assistance.api.AssistanceArea;
import org.cybernorms.compliance.assistance.api.AssistanceEvents;
import org.cybernorms.compliance.assistance.api.AssistanceRequestId;
import org.cybernorms.compliance.assistance.api.ClosureOutcome;
import org.cybernorms.compliance.assistance.api.OfferId;
import org.cybernorms.compliance.assistance.api.OfferStatus;
import org.cybernorms.compliance.assistance.api.OfferTerms;
import org.cybernorms.compliance.assistance.api.Party;
import org.cybernorms.compliance.assistance.ledger.FactTimes;
import org.cybernorms.compliance.assistance.ledger.LedgerFact;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.hibernate.annotations.FractionalSeconds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One recorded assistance fact, kept with both its times and its place in the log, in a shape that turns back into a
 * {@link LedgerFact}. Texts (descriptions, conditions, evidence) are not kept: a request addressed by id is folded
 * from its own events. Rows are keyed by the event's identifier, so handling the same event twice leaves one row.
 */
@Entity
@Table(name = "rm_assistance_fact", indexes = {
        @Index(name = "ix_rm_assistance_fact_requester", columnList = "requester, log_position"),
        @Index(name = "ix_rm_assistance_fact_offeror", columnList = "offeror, log_position"),
        @Index(name = "ix_rm_assistance_fact_request", columnList = "request_id, log_position"),
        @Index(name = "ix_rm_assistance_fact_offer", columnList = "offer_id"),
        @Index(name = "ix_rm_assistance_fact_type", columnList = "event_type, log_position")})
public class AssistanceFactRow {

    static final String REQUESTED = "AssistanceRequested";
    static final String OFFERED = "AssistanceOffered";
    static final String DELIVERED = "AssistanceDelivered";
    static final String CLOSED = "AssistanceRequestClosed";

    @Id
    @Column(name = "event_id", length = 64)
    private String eventId;
    @Column(name = "log_position", nullable = false)
    private long position;
    @Column(name = "event_type", nullable = false, length = 40)
    private String type;
    @Column(name = "valid_on", nullable = false)
    private LocalDate validOn;
    @FractionalSeconds(9)
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;
    @Column(name = "request_id", nullable = false, length = 36)
    private String requestId;
    /** ISO 3166-1 alpha-3 code of the requesting state. */
    @Column(name = "requester", nullable = false, length = 3)
    private String requester;
    @Column(name = "offer_id", length = 36)
    private String offerId;
    /** The offeror as written ({@code GHA}, {@code org:itu}). */
    @Column(name = "offeror", length = 70)
    private String offeror;
    @Column(name = "addressee", length = 70)
    private String addressee;
    @Column(name = "instrument_id", length = 63)
    private String instrumentId;
    @Column(name = "norm", length = 16)
    private String norm;
    @Enumerated(EnumType.STRING)
    @Column(name = "area", length = 40)
    private AssistanceArea area;
    @Enumerated(EnumType.STRING)
    @Column(name = "terms", length = 16)
    private OfferTerms terms;
    /** What an offer became (ACCEPTED, DECLINED, COMPLETED, WITHDRAWN), or how a request closed. */
    @Column(name = "outcome", length = 16)
    private String outcome;
    @Column(name = "part")
    private Integer part;

    protected AssistanceFactRow() {
    }

    /** The row for one assistance event of the log, at {@code position}. */
    public static AssistanceFactRow of(AssistanceEvents event, String eventId, Instant recordedAt, long position) {
        AssistanceFactRow row = new AssistanceFactRow();
        row.eventId = Objects.requireNonNull(eventId, "eventId");
        row.recordedAt = Objects.requireNonNull(recordedAt, "recordedAt");
        row.position = position;
        row.type = event.getClass().getSimpleName();
        row.validOn = event.validOn();
        row.requestId = event.requestId().value();
        row.requester = event.requester().value();
        if (event instanceof AssistanceEvents.OfferEvents offer) {
            row.offerId = offer.offerId().value();
            row.offeror = offer.offeror().value();
        }
        if (event instanceof AssistanceEvents.AssistanceRequested e) {
            row.addressee = e.addressee() == null ? null : e.addressee().value();
            row.instrumentId = e.instrument().value();
            row.norm = e.norm().value();
            row.area = e.area();
        } else if (event instanceof AssistanceEvents.AssistanceOffered e) {
            row.terms = e.terms();
        } else if (event instanceof AssistanceEvents.AssistanceDelivered e) {
            row.part = e.part();
        } else if (event instanceof AssistanceEvents.AssistanceRequestClosed e) {
            row.outcome = e.outcome().name();
        } else if (event instanceof AssistanceEvents.OfferAccepted) {
            row.outcome = OfferStatus.ACCEPTED.name();
        } else if (event instanceof AssistanceEvents.OfferDeclined) {
            row.outcome = OfferStatus.DECLINED.name();
        } else if (event instanceof AssistanceEvents.OfferCompleted) {
            row.outcome = OfferStatus.COMPLETED.name();
        } else if (event instanceof AssistanceEvents.OfferWithdrawn) {
            row.outcome = OfferStatus.WITHDRAWN.name();
        }
        return row;
    }

    /** The ledger fact this row stands for. */
    public LedgerFact toFact() {
        FactTimes times = new FactTimes(eventId, validOn, recordedAt);
        AssistanceRequestId request = AssistanceRequestId.of(requestId);
        StateCode state = StateCode.of(requester);
        return switch (type) {
            case REQUESTED -> new LedgerFact.Requested(times, request, state,
                    addressee == null ? null : Party.of(addressee), InstrumentId.of(instrumentId),
                    NormCode.of(norm), area);
            case OFFERED -> new LedgerFact.Offered(times, request, state, offer(), Party.of(offeror), terms);
            case DELIVERED -> new LedgerFact.Delivered(times, request, state, offer(), Party.of(offeror), part);
            case CLOSED -> new LedgerFact.Closed(times, request, state, ClosureOutcome.valueOf(outcome));
            default -> new LedgerFact.OfferStep(times, request, state, offer(), Party.of(offeror),
                    OfferStatus.valueOf(outcome));
        };
    }

    private OfferId offer() {
        return OfferId.of(offerId);
    }

    public String eventId() {
        return eventId;
    }

    public long position() {
        return position;
    }

    public String type() {
        return type;
    }

    public String requestId() {
        return requestId;
    }

    // Every column, for writers that bypass JPA (the bulk rebuild of read models).

    public LocalDate validOn() {
        return validOn;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String requester() {
        return requester;
    }

    public String offerId() {
        return offerId;
    }

    public String offeror() {
        return offeror;
    }

    public String addressee() {
        return addressee;
    }

    public String instrumentId() {
        return instrumentId;
    }

    public String normCode() {
        return norm;
    }

    public AssistanceArea area() {
        return area;
    }

    public OfferTerms terms() {
        return terms;
    }

    public String outcome() {
        return outcome;
    }

    public Integer part() {
        return part;
    }
}
