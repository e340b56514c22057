package org.cybernorms.compliance.scorecard.view;

import org.cybernorms.compliance.commitment.api.CommitmentEvents;
import org.cybernorms.compliance.commitment.api.CommitmentId;
import org.cybernorms.compliance.instrument.api.InstrumentEvents;
import org.cybernorms.compliance.participation.api.ParticipationEvents;
import org.cybernorms.compliance.participation.api.PledgeId;
import org.cybernorms.compliance.scorecard.methodology.Fact;
import org.cybernorms.compliance.scorecard.methodology.FactRef;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.cybernorms.compliance.violation.api.Severity;
import org.cybernorms.compliance.violation.api.ViolationEvents;
import org.cybernorms.compliance.violation.api.ViolationId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FactRowTest {

    private static final InstrumentId GGE = InstrumentId.UN_GGE_2015;
    private static final StateCode FRA = StateCode.of("FRA");
    private static final NormCode N13G = NormCode.of("13g");
    private static final Instant RECORDED = Instant.parse("2024-03-01T10:15:30.123456789Z");
    private static final LocalDate DAY = LocalDate.of(2024, 2, 15);

    private static FactRow row(Object event) {
        return FactRow.of(event, "event-1", RECORDED, 42).orElseThrow();
    }

    private static Fact fact(Object event) {
        return row(event).toFact().orElseThrow();
    }

    @Test
    void keepsTheEventIdTypeValidDateRecordedInstantAndPositionOfEveryFact() {
        FactRow row = row(new CommitmentEvents.CommitmentFulfilled(CommitmentId.random(), FRA, GGE, N13G, DAY,
                "evidence"));

        assertThat(row.ref()).isEqualTo(new FactRef("event-1", "CommitmentFulfilled", DAY, RECORDED));
        assertThat(row.position()).isEqualTo(42);
        assertThat(row.stateCode()).isEqualTo("FRA");
        assertThat(row.instrumentId()).isEqualTo("un-gge-2015");
    }

    @Test
    void turnsNormFactsBackIntoMethodologyFactsWithoutAState() {
        LocalDate effective = LocalDate.of(2015, 7, 22);
        FactRow added = row(new InstrumentEvents.NormAdded(GGE, N13G, "Protect", "summary", effective));

        assertThat(added.stateCode()).isNull();
        assertThat(added.toFact()).contains(new Fact.NormAdded(added.ref(), N13G, "Protect", effective));
        assertThat(fact(new InstrumentEvents.NormRevised(GGE, N13G, "Protect better", null, DAY)))
                .isEqualTo(new Fact.NormRevised(ref("NormRevised", DAY), N13G, "Protect better", DAY));
        assertThat(fact(new InstrumentEvents.NormRetired(GGE, N13G, DAY)))
                .isEqualTo(new Fact.NormRetired(ref("NormRetired", DAY), N13G, DAY));
    }

    @Test
    void turnsPledgesAndReservationsBackIntoMethodologyFacts() {
        PledgeId pledge = PledgeId.random();

        assertThat(fact(new ParticipationEvents.NormPledged(pledge, FRA, GGE, N13G, DAY, "statement")))
                .isEqualTo(new Fact.Pledged(ref("NormPledged", DAY), pledge.value(), N13G, DAY));
        assertThat(fact(new ParticipationEvents.PledgeWithdrawn(pledge, FRA, GGE, N13G, DAY)))
                .isEqualTo(new Fact.PledgeWithdrawn(ref("PledgeWithdrawn", DAY), pledge.value(), DAY));
        assertThat(fact(new ParticipationEvents.ReservationEntered(FRA, GGE, N13G, DAY, "text")))
                .isEqualTo(new Fact.ReservationEntered(ref("ReservationEntered", DAY), N13G, DAY));
        assertThat(fact(new ParticipationEvents.ReservationWithdrawn(FRA, GGE, N13G, DAY)))
                .isEqualTo(new Fact.ReservationWithdrawn(ref("ReservationWithdrawn", DAY), N13G, DAY));
    }

    @Test
    void turnsCommitmentFactsBackIntoMethodologyFacts() {
        CommitmentId id = CommitmentId.random();
        LocalDate made = LocalDate.of(2023, 1, 15);
        LocalDate due = LocalDate.of(2024, 6, 1);

        assertThat(fact(new CommitmentEvents.CommitmentMade(id, FRA, GGE, N13G, "description", made, due)))
                .isEqualTo(new Fact.CommitmentMade(ref("CommitmentMade", made), id.value(), N13G, made, due));
        assertThat(fact(new CommitmentEvents.CommitmentFulfilled(id, FRA, GGE, N13G, DAY, "evidence")))
                .isEqualTo(new Fact.CommitmentFulfilled(ref("CommitmentFulfilled", DAY), id.value(), DAY));
        assertThat(fact(new CommitmentEvents.CommitmentWithdrawn(id, FRA, GGE, N13G, DAY, "reason")))
                .isEqualTo(new Fact.CommitmentWithdrawn(ref("CommitmentWithdrawn", DAY), id.value(), DAY));
        assertThat(fact(new CommitmentEvents.CommitmentProgressReported(id, FRA, GGE, N13G, DAY, "note")))
                .isEqualTo(new Fact.CommitmentProgressReported(ref("CommitmentProgressReported", DAY), id.value(),
                        DAY));
    }

    @Test
    void turnsViolationFactsBackIntoMethodologyFactsWithTheDateTheActOccurred() {
        ViolationId id = ViolationId.random();
        LocalDate occurred = LocalDate.of(2022, 2, 24);
        LocalDate reported = LocalDate.of(2022, 3, 1);

        assertThat(fact(new ViolationEvents.ViolationReported(id, FRA, GGE, N13G, occurred, reported, Severity.HIGH,
                "summary", List.of(), null)))
                .isEqualTo(new Fact.ViolationReported(ref("ViolationReported", reported), id.value(), N13G, occurred,
                        Severity.HIGH));
        assertThat(fact(new ViolationEvents.ViolationReviewStarted(id, FRA, GGE, N13G, DAY)))
                .isEqualTo(new Fact.ViolationReviewStarted(ref("ViolationReviewStarted", DAY), id.value(), DAY));
        assertThat(fact(new ViolationEvents.ViolationConfirmed(id, FRA, GGE, N13G, DAY, "finding")))
                .isEqualTo(new Fact.ViolationConfirmed(ref("ViolationConfirmed", DAY), id.value(), DAY));
        assertThat(fact(new ViolationEvents.ViolationDismissed(id, FRA, GGE, N13G, DAY, "reason")))
                .isEqualTo(new Fact.ViolationDismissed(ref("ViolationDismissed", DAY), id.value(), DAY));
        assertThat(fact(new ViolationEvents.ViolationRemedied(id, FRA, GGE, N13G, DAY, "note")))
                .isEqualTo(new Fact.ViolationRemedied(ref("ViolationRemedied", DAY), id.value(), DAY));
        assertThat(fact(new ViolationEvents.StateResponded(id, FRA, GGE, N13G, DAY, "text")))
                .isEqualTo(new Fact.StateResponded(ref("StateResponded", DAY), id.value(), DAY));
    }

    @Test
    void keepsFactsNoMethodologyReadsSoThatTheStateCountsAsHavingFacts() {
        FactRow signed = row(new ParticipationEvents.InstrumentSigned(FRA, GGE, DAY));
        FactRow created = row(new InstrumentEvents.InstrumentCreated(GGE, "UN GGE 2015", DAY));

        assertThat(signed.stateCode()).isEqualTo("FRA");
        assertThat(signed.type()).isEqualTo("InstrumentSigned");
        assertThat(signed.toFact()).isEmpty();
        assertThat(created.stateCode()).isNull();
        assertThat(created.toFact()).isEmpty();
    }

    @Test
    void ignoresPayloadsThatAreNotFacts() {
        assertThat(FactRow.of("not an event", "event-1", RECORDED, 1)).isEmpty();
    }

    private static FactRef ref(String type, LocalDate validOn) {
        return new FactRef("event-1", type, validOn, RECORDED);
    }
}
