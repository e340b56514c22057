package org.cybernorms.compliance.participation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.cybernorms.compliance.participation.api.ParticipationAction;
import org.cybernorms.compliance.participation.api.ParticipationCommands;
import org.cybernorms.compliance.participation.api.ParticipationCommands.EnterReservation;
import org.cybernorms.compliance.participation.api.ParticipationCommands.RecordParticipation;
import org.cybernorms.compliance.participation.api.ParticipationCommands.WithdrawReservation;
import org.cybernorms.compliance.participation.api.ParticipationEvents.InstrumentAcceded;
import org.cybernorms.compliance.participation.api.ParticipationEvents.InstrumentRatified;
import org.cybernorms.compliance.participation.api.ParticipationEvents.InstrumentSigned;
import org.cybernorms.compliance.participation.api.ParticipationEvents.InstrumentWithdrawnFrom;
import org.cybernorms.compliance.participation.api.ParticipationEvents.ReservationEntered;
import org.cybernorms.compliance.participation.api.ParticipationEvents.ReservationWithdrawn;
import org.cybernorms.compliance.shared.FactRejectedException;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.cybernorms.compliance.shared.TransitionForbiddenException;
import org.cybernorms.compliance.testsupport.TestNormCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cybernorms.compliance.participation.api.ParticipationAction.ACCEDED;
import static org.cybernorms.compliance.participation.api.ParticipationAction.RATIFIED;
import static org.cybernorms.compliance.participation.api.ParticipationAction.SIGNED;
import static org.cybernorms.compliance.participation.api.ParticipationAction.WITHDREW;
import static org.cybernorms.compliance.testsupport.Fixtures.FRA;
import static org.cybernorms.compliance.testsupport.Fixtures.TODAY;
import static org.cybernorms.compliance.testsupport.Fixtures.TOMORROW;
import static org.cybernorms.compliance.testsupport.Fixtures.UNKNOWN_INSTRUMENT;
import static org.cybernorms.compliance.testsupport.Fixtures.UN_GGE;
import static org.cybernorms.compliance.testsupport.Fixtures.date;
import static org.cybernorms.compliance.testsupport.Fixtures.fixture;
import static org.cybernorms.compliance.testsupport.Rejections.forbiddenWhile;
import static org.cybernorms.compliance.testsupport.Rejections.mentioning;
import static org.cybernorms.compliance.testsupport.Rejections.rejectedOn;

class ParticipationTest {

    private static final NormCode N13C = NormCode.of("13c");
    private static final NormCode N13D = NormCode.of("13d");
    private static final NormCode N13K = NormCode.of("13k");

    private AggregateTestFixture<Participation> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(Participation.class, TestNormCatalog.unGge2015());
    }

    private static RecordParticipation record(ParticipationAction action, String date) {
        return new RecordParticipation(FRA, UN_GGE, action, date(date));
    }

    private static EnterReservation reserve(NormCode norm, String enteredOn) {
        return new EnterReservation(FRA, UN_GGE, norm, date(enteredOn), "France reserves its position on " + norm);
    }

    private static ReservationEntered reserved(NormCode norm, String enteredOn) {
        return new ReservationEntered(FRA, UN_GGE, norm, date(enteredOn), "France reserves its position on " + norm);
    }

    @Test
    void participationIdIsInstrumentColonState() {
        assertThat(ParticipationCommands.participationId(UN_GGE, StateCode.of("fra"))).isEqualTo("un-gge-2015:FRA");
        assertThat(record(SIGNED, "2016-01-10").participationId()).isEqualTo("un-gge-2015:FRA");
    }

    // ---- RecordParticipation: happy paths ----

    @Test
    void recordsSignatureAsFirstFact() {
        fixture.givenNoPriorActivity()
               .when(record(SIGNED, "2016-01-10"))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new InstrumentSigned(FRA, UN_GGE, date("2016-01-10")));
    }

    @Test
    void recordsRatificationAfterSignature() {
        fixture.given(new InstrumentSigned(FRA, UN_GGE, date("2016-01-10")))
               .when(record(RATIFIED, "2016-06-01"))
               .expectEvents(new InstrumentRatified(FRA, UN_GGE, date("2016-06-01")));
    }

    @Test
    void recordsAccessionWithoutSignature() {
        fixture.givenNoPriorActivity()
               .when(record(ACCEDED, "2017-03-03"))
               .expectEvents(new InstrumentAcceded(FRA, UN_GGE, date("2017-03-03")));
    }

    @Test
    void recordsWithdrawalOfAParty() {
        fixture.given(new InstrumentAcceded(FRA, UN_GGE, date("2017-03-03")))
               .when(record(WITHDREW, "2020-02-02"))
               .expectEvents(new InstrumentWithdrawnFrom(FRA, UN_GGE, date("2020-02-02")));
    }

    @Test
    void recordsWithdrawalOfASignatory() {
        fixture.given(new InstrumentSigned(FRA, UN_GGE, date("2016-01-10")))
               .when(record(WITHDREW, "2016-02-02"))
               .expectEvents(new InstrumentWithdrawnFrom(FRA, UN_GGE, date("2016-02-02")));
    }

    @Test
    void allowsAccedingAgainAfterWithdrawal() {
        fixture.given(new InstrumentSigned(FRA, UN_GGE, date("2016-01-10")),
                       new InstrumentRatified(FRA, UN_GGE, date("2016-06-01")),
                       new InstrumentWithdrawnFrom(FRA, UN_GGE, date("2019-01-01")))
               .when(record(ACCEDED, "2021-01-01"))
               .expectEvents(new InstrumentAcceded(FRA, UN_GGE, date("2021-01-01")));
    }

    @Test
    void allowsSigningAgainAfterWithdrawal() {
        fixture.given(new InstrumentAcceded(FRA, UN_GGE, date("2017-03-03")),
                       new InstrumentWithdrawnFrom(FRA, UN_GGE, date("2019-01-01")))
               .when(record(SIGNED, "2019-01-01"))
               .expectEvents(new InstrumentSigned(FRA, UN_GGE, date("2019-01-01")));
    }

    @Test
    void acceptsStepOnTheSameDayAsThePreviousStep() {
        fixture.given(new InstrumentSigned(FRA, UN_GGE, date("2016-01-10")))
               .when(record(RATIFIED, "2016-01-10"))
               .expectEvents(new InstrumentRatified(FRA, UN_GGE, date("2016-01-10")));
    }

    @Test
    void acceptsParticipationOnTheAdoptionDay() {
        fixture.givenNoPriorActivity()
               .when(record(SIGNED, "2015-07-22"))
               .expectEvents(new InstrumentSigned(FRA, UN_GGE, date("2015-07-22")));
    }

    @Test
    void acceptsParticipationDatedToday() {
        fixture.given(new InstrumentSigned(FRA, UN_GGE, date("2015-07-22")))
               .when(new RecordParticipation(FRA, UN_GGE, RATIFIED, TODAY))
               .expectEvents(new InstrumentRatified(FRA, UN_GGE, TODAY));
    }

    // ---- RecordParticipation: lifecycle ----

    @Test
    void forbidsRatificationWithoutSignature() {
        fixture.givenNoPriorActivity()
               .when(record(RATIFIED, "2016-06-01"))
               .expectException(TransitionForbiddenException.class)
               .expectException(forbiddenWhile("NONE"))
               .expectNoEvents();
    }

    @Test
    void forbidsRatificationAfterWithdrawal() {
        fixture.given(new InstrumentSigned(FRA, UN_GGE, date("2016-01-10")),
                       new InstrumentWithdrawnFrom(FRA, UN_GGE, date("2016-02-02")))
               .when(record(RATIFIED, "2016-06-01"))
               .expectException(forbiddenWhile("WITHDRAWN"))
               .expectNoEvents();
    }

    @Test
    void forbidsRatifyingTwice() {
        fixture.given(new InstrumentSigned(FRA, UN_GGE, date("2016-01-10")),
                       new InstrumentRatified(FRA, UN_GGE, date("2016-06-01")))
               .when(record(RATIFIED, "2016-07-01"))
               .expectException(forbiddenWhile("PARTY"))
               .expectNoEvents();
    }

    @Test
    void forbidsSigningTwice() {
        fixture.given(new InstrumentSigned(FRA, UN_GGE, date("2016-01-10")))
               .when(record(SIGNED, "2016-02-10"))
               .expectException(TransitionForbiddenException.class)
               .expectException(forbiddenWhile("SIGNED"))
               .expectNoEvents();
    }

    @Test
    void forbidsSigningAsAParty() {
        fixture.given(new InstrumentAcceded(FRA, UN_GGE, date("2017-03-03")))
               .when(record(SIGNED, "2017-04-04"))
               .expectException(forbiddenWhile("PARTY"))
               .expectNoEvents();
    }

    @Test
    void forbidsAccedingAfterSigning() {
        fixture.given(new InstrumentSigned(FRA, UN_GGE, date("2016-01-10")))
               .when(record(ACCEDED, "2016-02-10"))
               .expectException(TransitionForbiddenException.class)
               .expectException(forbiddenWhile("SIGNED"))
               .expectNoEvents();
    }

    @Test
    void forbidsAccedingTwice() {
        fixture.given(new InstrumentAcceded(FRA, UN_GGE, date("2017-03-03")))
               .when(record(ACCEDED, "2017-04-04"))
               .expectException(forbiddenWhile("PARTY"))
               .expectNoEvents();
    }

    @Test
    void forbidsWithdrawalWithoutParticipation() {
        fixture.givenNoPriorActivity()
               .when(record(WITHDREW, "2016-01-10"))
               .expectException(TransitionForbiddenException.class)
               .expectException(forbiddenWhile("NONE"))
               .expectNoEvents();
    }

    @Test
    void forbidsWithdrawingTwice() {
        fixture.given(new InstrumentAcceded(FRA, UN_GGE, date("2017-03-03")),
                       new InstrumentWithdrawnFrom(FRA, UN_GGE, date("2019-01-01")))
               .when(record(WITHDREW, "2019-02-01"))
               .expectException(forbiddenWhile("WITHDRAWN"))
               .expectNoEvents();
    }

    // ---- RecordParticipation: facts ----

    @Test
    void rejectsParticipationInUnknownInstrument() {
        fixture.givenNoPriorActivity()
               .when(new RecordParticipation(FRA, UNKNOWN_INSTRUMENT, SIGNED, date("2016-01-10")))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("instrument", mentioning("not known")))
               .expectNoEvents();
    }

    @Test
    void rejectsParticipationDatedBeforeTheInstrumentsAdoption() {
        fixture.givenNoPriorActivity()
               .when(record(SIGNED, "2015-07-21"))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("date", mentioning("adoption")))
               .expectNoEvents();
    }

    @Test
    void rejectsParticipationInTheFuture() {
        fixture.givenNoPriorActivity()
               .when(new RecordParticipation(FRA, UN_GGE, SIGNED, TOMORROW))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("date", mentioning("future")))
               .expectNoEvents();
    }

    @Test
    void rejectsStepDatedBeforeThePreviousStep() {
        fixture.given(new InstrumentSigned(FRA, UN_GGE, date("2016-05-01")))
               .when(record(RATIFIED, "2016-04-30"))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("date", mentioning("previous participation step")))
               .expectNoEvents();
    }

    @Test
    void rejectsRejoiningDatedBeforeTheWithdrawal() {
        fixture.given(new InstrumentAcceded(FRA, UN_GGE, date("2017-03-03")),
                       new InstrumentWithdrawnFrom(FRA, UN_GGE, date("2019-01-01")))
               .when(record(ACCEDED, "2018-12-31"))
               .expectException(rejectedOn("date"))
               .expectNoEvents();
    }

    @Test
    void rejectsParticipationWithoutActionOrDate() {
        fixture.givenNoPriorActivity()
               .when(new RecordParticipation(FRA, UN_GGE, null, null))
               .expectException(rejectedOn("action", "date"))
               .expectNoEvents();
    }

    // ---- EnterReservation ----

    @Test
    void entersReservation() {
        fixture.givenNoPriorActivity()
               .when(reserve(N13C, "2016-01-10"))
               .expectEvents(reserved(N13C, "2016-01-10"));
    }

    @Test
    void entersReservationAlongsideTreatyStatus() {
        fixture.given(new InstrumentSigned(FRA, UN_GGE, date("2016-01-10")))
               .when(reserve(N13C, "2016-01-10"))
               .expectEvents(reserved(N13C, "2016-01-10"));
    }

    @Test
    void rejectsReservationOnUnknownNorm() {
        fixture.givenNoPriorActivity()
               .when(reserve(NormCode.of("13z"), "2016-01-10"))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("norm", mentioning("not part of the instrument")))
               .expectNoEvents();
    }

    @Test
    void rejectsReservationUnderUnknownInstrument() {
        fixture.givenNoPriorActivity()
               .when(new EnterReservation(FRA, UNKNOWN_INSTRUMENT, N13C, date("2016-01-10"), "text"))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("instrument", mentioning("not known")))
               .expectNoEvents();
    }

    @Test
    void rejectsReservationBeforeTheNormIsInForce() {
        fixture.givenNoPriorActivity()
               .when(reserve(N13C, "2015-01-01"))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("norm", mentioning("not yet in force")))
               .expectNoEvents();
    }

    @Test
    void rejectsReservationOnTheDayTheNormIsRetired() {
        AggregateTestFixture<Participation> retired =
                fixture(Participation.class, TestNormCatalog.unGge2015With13kRetired());
        retired.givenNoPriorActivity()
               .when(reserve(N13K, "2020-01-01"))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("norm", mentioning("retired")))
               .expectNoEvents();
    }

    @Test
    void rejectsReservationAfterTheNormIsRetired() {
        AggregateTestFixture<Participation> retired =
                fixture(Participation.class, TestNormCatalog.unGge2015With13kRetired());
        retired.givenNoPriorActivity()
               .when(reserve(N13K, "2022-05-05"))
               .expectException(rejectedOn("norm", mentioning("retired")))
               .expectNoEvents();
    }

    @Test
    void acceptsReservationTheDayBeforeTheNormIsRetired() {
        AggregateTestFixture<Participation> retired =
                fixture(Participation.class, TestNormCatalog.unGge2015With13kRetired());
        retired.givenNoPriorActivity()
               .when(reserve(N13K, "2019-12-31"))
               .expectEvents(reserved(N13K, "2019-12-31"));
    }

    @Test
    void rejectsReservationInTheFuture() {
        fixture.givenNoPriorActivity()
               .when(new EnterReservation(FRA, UN_GGE, N13C, TOMORROW, "text"))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("enteredOn", mentioning("future")))
               .expectNoEvents();
    }

    @Test
    void rejectsReservationWithoutText() {
        fixture.givenNoPriorActivity()
               .when(new EnterReservation(FRA, UN_GGE, N13C, date("2016-01-10"), " "))
               .expectException(rejectedOn("text"))
               .expectNoEvents();
    }

    @Test
    void forbidsSecondReservationOnTheSameNormWhileActive() {
        fixture.given(reserved(N13C, "2016-01-10"))
               .when(reserve(NormCode.of("13C"), "2017-01-10"))
               .expectException(TransitionForbiddenException.class)
               .expectException(forbiddenWhile("RESERVED"))
               .expectNoEvents();
    }

    @Test
    void allowsReservationOnAnotherNormWhileOneIsActive() {
        fixture.given(reserved(N13C, "2016-01-10"))
               .when(reserve(N13D, "2017-01-10"))
               .expectEvents(reserved(N13D, "2017-01-10"));
    }

    @Test
    void allowsReenteringReservationAfterWithdrawal() {
        fixture.given(reserved(N13C, "2016-01-10"),
                       new ReservationWithdrawn(FRA, UN_GGE, N13C, date("2018-01-01")))
               .when(reserve(N13C, "2019-01-10"))
               .expectEvents(reserved(N13C, "2019-01-10"));
    }

    @Test
    void rejectsReenteredReservationDatedBeforeThePreviousWithdrawal() {
        fixture.given(reserved(N13C, "2016-01-10"),
                       new ReservationWithdrawn(FRA, UN_GGE, N13C, date("2018-01-01")))
               .when(reserve(N13C, "2017-06-01"))
               .expectException(rejectedOn("enteredOn"))
               .expectNoEvents();
    }

    // ---- WithdrawReservation ----

    @Test
    void withdrawsReservation() {
        fixture.given(reserved(N13C, "2016-01-10"))
               .when(new WithdrawReservation(FRA, UN_GGE, N13C, date("2018-01-01")))
               .expectEvents(new ReservationWithdrawn(FRA, UN_GGE, N13C, date("2018-01-01")));
    }

    @Test
    void withdrawsReservationOnTheDayItWasEntered() {
        fixture.given(reserved(N13C, "2016-01-10"))
               .when(new WithdrawReservation(FRA, UN_GGE, N13C, date("2016-01-10")))
               .expectEvents(new ReservationWithdrawn(FRA, UN_GGE, N13C, date("2016-01-10")));
    }

    @Test
    void rejectsReservationWithdrawalBeforeItWasEntered() {
        fixture.given(reserved(N13C, "2016-01-10"))
               .when(new WithdrawReservation(FRA, UN_GGE, N13C, date("2016-01-09")))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("withdrawnOn", mentioning("enteredOn")))
               .expectNoEvents();
    }

    @Test
    void rejectsReservationWithdrawalInTheFuture() {
        fixture.given(reserved(N13C, "2016-01-10"))
               .when(new WithdrawReservation(FRA, UN_GGE, N13C, TOMORROW))
               .expectException(rejectedOn("withdrawnOn", mentioning("future")))
               .expectNoEvents();
    }

    @Test
    void forbidsWithdrawingReservationWhenNoneWasEverRecorded() {
        fixture.givenNoPriorActivity()
               .when(new WithdrawReservation(FRA, UN_GGE, N13C, date("2018-01-01")))
               .expectException(TransitionForbiddenException.class)
               .expectException(forbiddenWhile("NOT_RESERVED"))
               .expectNoEvents();
    }

    @Test
    void forbidsWithdrawingReservationOnANormNotReserved() {
        fixture.given(reserved(N13C, "2016-01-10"))
               .when(new WithdrawReservation(FRA, UN_GGE, N13D, date("2018-01-01")))
               .expectException(forbiddenWhile("NOT_RESERVED"))
               .expectNoEvents();
    }

    @Test
    void forbidsWithdrawingReservationTwice() {
        fixture.given(reserved(N13C, "2016-01-10"),
                       new ReservationWithdrawn(FRA, UN_GGE, N13C, date("2018-01-01")))
               .when(new WithdrawReservation(FRA, UN_GGE, N13C, date("2018-02-01")))
               .expectException(forbiddenWhile("NOT_RESERVED"))
               .expectNoEvents();
    }

    @Test
    void reservationsDoNotChangeTreatyStatus() {
        // a reservation entered later than the signature must not be taken as a participation step
        fixture.given(new InstrumentSigned(FRA, UN_GGE, date("2016-01-10")), reserved(N13C, "2018-01-10"))
               .when(record(RATIFIED, "2017-01-01"))
               .expectEvents(new InstrumentRatified(FRA, UN_GGE, date("2017-01-01")));
    }

    @Test
    void participationIsKeptPerStateAndInstrument() {
        InstrumentId other = InstrumentId.of("other-instrument");
        assertThat(new RecordParticipation(FRA, other, SIGNED, TODAY).participationId())
                .isNotEqualTo(record(SIGNED, "2016-01-10").participationId());
        assertThat(new RecordParticipation(StateCode.of("DEU"), UN_GGE, SIGNED, TODAY).participationId())
                .isEqualTo("un-gge-2015:DEU");
    }

}
