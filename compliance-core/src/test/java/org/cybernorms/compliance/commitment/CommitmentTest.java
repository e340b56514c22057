package org.cybernorms.compliance.commitment;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.cybernorms.compliance.commitment.api.CommitmentCommands.FulfilCommitment;
import org.cybernorms.compliance.commitment.api.CommitmentCommands.MakeCommitment;
import org.cybernorms.compliance.commitment.api.CommitmentCommands.ReportCommitmentProgress;
import org.cybernorms.compliance.commitment.api.CommitmentCommands.WithdrawCommitment;
import org.cybernorms.compliance.commitment.api.CommitmentEvents.CommitmentFulfilled;
import org.cybernorms.compliance.commitment.api.CommitmentEvents.CommitmentMade;
import org.cybernorms.compliance.commitment.api.CommitmentEvents.CommitmentProgressReported;
import org.cybernorms.compliance.commitment.api.CommitmentEvents.CommitmentWithdrawn;
import org.cybernorms.compliance.commitment.api.CommitmentId;
import org.cybernorms.compliance.shared.FactRejectedException;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.TransitionForbiddenException;
import org.cybernorms.compliance.testsupport.TestNormCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.cybernorms.compliance.testsupport.Fixtures.FRA;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.cybernorms.compliance.testsupport.Fixtures.TODAY;
import static org.cybernorms.compliance.testsupport.Fixtures.TOMORROW;
import static org.cybernorms.compliance.testsupport.Fixtures.UNKNOWN_INSTRUMENT;
import static org.cybernorms.compliance.testsupport.Fixtures.UN_GGE;
import static org.cybernorms.compliance.testsupport.Fixtures.date;
import static org.cybernorms.compliance.testsupport.Fixtures.fixture;
import static org.cybernorms.compliance.testsupport.Rejections.forbiddenWhile;
import static org.cybernorms.compliance.testsupport.Rejections.mentioning;
import static org.cybernorms.compliance.testsupport.Rejections.rejectedOn;

class CommitmentTest {

    private static final CommitmentId ID = CommitmentId.of("0f8e4a7c-3b2d-4e1f-8a9b-6c5d4e3f2a10");
    private static final NormCode N13G = NormCode.of("13g");
    private static final NormCode N13K = NormCode.of("13k");
    private static final String DESCRIPTION = "Designate critical infrastructure sectors by law";
    private static final LocalDate MADE_ON = LocalDate.of(2021, 3, 1);
    private static final LocalDate DUE_ON = LocalDate.of(2023, 3, 1);

    private AggregateTestFixture<Commitment> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(Commitment.class, TestNormCatalog.unGge2015());
    }

    private static MakeCommitment make(InstrumentId instrument, NormCode norm, LocalDate madeOn, LocalDate dueOn) {
        return new MakeCommitment(ID, FRA, instrument, norm, DESCRIPTION, madeOn, dueOn);
    }

    private static CommitmentMade made() {
        return new CommitmentMade(ID, FRA, UN_GGE, N13G, DESCRIPTION, MADE_ON, DUE_ON);
    }

    private static CommitmentFulfilled fulfilled(String on) {
        return new CommitmentFulfilled(ID, FRA, UN_GGE, N13G, date(on), "Law 2022-1 of 5 January 2022");
    }

    private static CommitmentWithdrawn withdrawn(String on) {
        return new CommitmentWithdrawn(ID, FRA, UN_GGE, N13G, date(on), "Superseded");
    }

    // ---- MakeCommitment ----

    @Test
    void makesCommitment() {
        fixture.givenNoPriorActivity()
               .when(make(UN_GGE, N13G, MADE_ON, DUE_ON))
               .expectSuccessfulHandlerExecution()
               .expectEvents(made());
    }

    @Test
    void makesCommitmentDueOnTheDayItIsMade() {
        fixture.givenNoPriorActivity()
               .when(make(UN_GGE, N13G, MADE_ON, MADE_ON))
               .expectEvents(new CommitmentMade(ID, FRA, UN_GGE, N13G, DESCRIPTION, MADE_ON, MADE_ON));
    }

    @Test
    void makesCommitmentTodayDueInTheFuture() {
        fixture.givenNoPriorActivity()
               .when(make(UN_GGE, N13G, TODAY, date("2030-12-31")))
               .expectEvents(new CommitmentMade(ID, FRA, UN_GGE, N13G, DESCRIPTION, TODAY, date("2030-12-31")));
    }

    @Test
    void rejectsCommitmentUnderUnknownNorm() {
        fixture.givenNoPriorActivity()
               .when(make(UN_GGE, NormCode.of("13z"), MADE_ON, DUE_ON))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("norm", mentioning("not part of the instrument")))
               .expectNoEvents();
    }

    @Test
    void rejectsCommitmentUnderUnknownInstrument() {
        fixture.givenNoPriorActivity()
               .when(make(UNKNOWN_INSTRUMENT, N13G, MADE_ON, DUE_ON))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("instrument", mentioning("not known")))
               .expectNoEvents();
    }

    @Test
    void rejectsCommitmentMadeBeforeTheNormIsInForce() {
        fixture.givenNoPriorActivity()
               .when(make(UN_GGE, N13G, date("2015-01-01"), DUE_ON))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("norm", mentioning("not yet in force")))
               .expectNoEvents();
    }

    @Test
    void rejectsCommitmentMadeOnTheDayTheNormIsRetired() {
        AggregateTestFixture<Commitment> retired =
                fixture(Commitment.class, TestNormCatalog.unGge2015With13kRetired());
        retired.givenNoPriorActivity()
               .when(make(UN_GGE, N13K, date("2020-01-01"), DUE_ON))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("norm", mentioning("retired")))
               .expectNoEvents();
    }

    @Test
    void rejectsCommitmentMadeAfterTheNormIsRetired() {
        AggregateTestFixture<Commitment> retired =
                fixture(Commitment.class, TestNormCatalog.unGge2015With13kRetired());
        retired.givenNoPriorActivity()
               .when(make(UN_GGE, N13K, MADE_ON, DUE_ON))
               .expectException(rejectedOn("norm", mentioning("retired")))
               .expectNoEvents();
    }

    @Test
    void acceptsCommitmentMadeTheDayBeforeTheNormIsRetired() {
        AggregateTestFixture<Commitment> retired =
                fixture(Commitment.class, TestNormCatalog.unGge2015With13kRetired());
        retired.givenNoPriorActivity()
               .when(make(UN_GGE, N13K, date("2019-12-31"), DUE_ON))
               .expectEvents(new CommitmentMade(ID, FRA, UN_GGE, N13K, DESCRIPTION, date("2019-12-31"), DUE_ON));
    }

    @Test
    void rejectsCommitmentMadeInTheFuture() {
        fixture.givenNoPriorActivity()
               .when(make(UN_GGE, N13G, TOMORROW, date("2030-01-01")))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("madeOn", mentioning("future")))
               .expectNoEvents();
    }

    @Test
    void rejectsCommitmentDueBeforeItIsMade() {
        fixture.givenNoPriorActivity()
               .when(make(UN_GGE, N13G, MADE_ON, MADE_ON.minusDays(1)))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("dueOn", mentioning("madeOn")))
               .expectNoEvents();
    }

    @Test
    void reportsEveryProblemOfACommitmentAtOnce() {
        // madeOn is in the future AND dueOn is before madeOn: both fields are named in one rejection
        fixture.givenNoPriorActivity()
               .when(make(UN_GGE, N13G, TODAY.plusDays(10), TODAY.plusDays(5)))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("madeOn", "dueOn"))
               .expectExceptionMessage(allOf(
                       containsString("madeOn: must not be in the future"),
                       containsString("dueOn: must not be before madeOn")))
               .expectNoEvents();
    }

    @Test
    void rejectsCommitmentWithoutDescriptionNormOrDates() {
        fixture.givenNoPriorActivity()
               .when(new MakeCommitment(ID, FRA, UN_GGE, null, " ", null, null))
               .expectException(rejectedOn("norm", "description", "madeOn", "dueOn"))
               .expectNoEvents();
    }

    // ---- ReportCommitmentProgress ----

    @Test
    void reportsProgress() {
        fixture.given(made())
               .when(new ReportCommitmentProgress(ID, date("2022-01-01"), "Bill tabled"))
               .expectEvents(new CommitmentProgressReported(ID, FRA, UN_GGE, N13G, date("2022-01-01"), "Bill tabled"));
    }

    @Test
    void reportsProgressMoreThanOnce() {
        fixture.given(made(), new CommitmentProgressReported(ID, FRA, UN_GGE, N13G, date("2022-01-01"), "Bill tabled"))
               .when(new ReportCommitmentProgress(ID, date("2022-06-01"), "Bill passed first reading"))
               .expectEvents(new CommitmentProgressReported(ID, FRA, UN_GGE, N13G, date("2022-06-01"),
                       "Bill passed first reading"));
    }

    @Test
    void reportsProgressOnTheDayTheCommitmentWasMade() {
        fixture.given(made())
               .when(new ReportCommitmentProgress(ID, MADE_ON, "Started"))
               .expectEvents(new CommitmentProgressReported(ID, FRA, UN_GGE, N13G, MADE_ON, "Started"));
    }

    @Test
    void rejectsProgressReportedBeforeTheCommitmentWasMade() {
        fixture.given(made())
               .when(new ReportCommitmentProgress(ID, MADE_ON.minusDays(1), "Too early"))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("reportedOn", mentioning("madeOn")))
               .expectNoEvents();
    }

    @Test
    void rejectsProgressReportedInTheFuture() {
        fixture.given(made())
               .when(new ReportCommitmentProgress(ID, TOMORROW, "Soon"))
               .expectException(rejectedOn("reportedOn", mentioning("future")))
               .expectNoEvents();
    }

    @Test
    void forbidsProgressOnAFulfilledCommitment() {
        fixture.given(made(), fulfilled("2022-01-05"))
               .when(new ReportCommitmentProgress(ID, date("2022-02-01"), "More"))
               .expectException(TransitionForbiddenException.class)
               .expectException(forbiddenWhile("FULFILLED"))
               .expectNoEvents();
    }

    @Test
    void forbidsProgressOnAWithdrawnCommitment() {
        fixture.given(made(), withdrawn("2022-01-05"))
               .when(new ReportCommitmentProgress(ID, date("2022-02-01"), "More"))
               .expectException(TransitionForbiddenException.class)
               .expectException(forbiddenWhile("WITHDRAWN"))
               .expectNoEvents();
    }

    // ---- FulfilCommitment ----

    @Test
    void fulfilsCommitment() {
        fixture.given(made())
               .when(new FulfilCommitment(ID, date("2022-01-05"), "Law 2022-1 of 5 January 2022"))
               .expectEvents(fulfilled("2022-01-05"));
    }

    @Test
    void fulfilsCommitmentAfterItsDueDate() {
        fixture.given(made())
               .when(new FulfilCommitment(ID, date("2024-01-05"), "Law 2022-1 of 5 January 2022"))
               .expectEvents(fulfilled("2024-01-05"));
    }

    @Test
    void rejectsFulfilmentBeforeTheCommitmentWasMade() {
        fixture.given(made())
               .when(new FulfilCommitment(ID, MADE_ON.minusDays(1), "evidence"))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("fulfilledOn", mentioning("madeOn")))
               .expectNoEvents();
    }

    @Test
    void rejectsFulfilmentInTheFuture() {
        fixture.given(made())
               .when(new FulfilCommitment(ID, TOMORROW, "evidence"))
               .expectException(rejectedOn("fulfilledOn", mentioning("future")))
               .expectNoEvents();
    }

    @Test
    void rejectsFulfilmentWithoutEvidence() {
        fixture.given(made())
               .when(new FulfilCommitment(ID, date("2022-01-05"), ""))
               .expectException(rejectedOn("evidence"))
               .expectNoEvents();
    }

    @Test
    void rejectsFulfilmentOfWithdrawnCommitment() {
        fixture.given(made(), withdrawn("2022-01-05"))
               .when(new FulfilCommitment(ID, date("2022-02-01"), "evidence"))
               .expectException(TransitionForbiddenException.class)
               .expectException(forbiddenWhile("WITHDRAWN"))
               .expectNoEvents();
    }

    @Test
    void forbidsFulfillingTwice() {
        fixture.given(made(), fulfilled("2022-01-05"))
               .when(new FulfilCommitment(ID, date("2022-02-01"), "evidence"))
               .expectException(TransitionForbiddenException.class)
               .expectException(forbiddenWhile("FULFILLED"))
               .expectExceptionMessage(containsString("fulfilled on 2022-01-05"))
               .expectNoEvents();
    }

    // ---- WithdrawCommitment ----

    @Test
    void withdrawsCommitment() {
        fixture.given(made())
               .when(new WithdrawCommitment(ID, date("2022-01-05"), "Superseded"))
               .expectEvents(withdrawn("2022-01-05"));
    }

    @Test
    void rejectsWithdrawalBeforeTheCommitmentWasMade() {
        fixture.given(made())
               .when(new WithdrawCommitment(ID, MADE_ON.minusDays(1), "Superseded"))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("withdrawnOn", mentioning("madeOn")))
               .expectNoEvents();
    }

    @Test
    void rejectsWithdrawalInTheFuture() {
        fixture.given(made())
               .when(new WithdrawCommitment(ID, TOMORROW, "Superseded"))
               .expectException(rejectedOn("withdrawnOn", mentioning("future")))
               .expectNoEvents();
    }

    @Test
    void rejectsWithdrawalWithoutReason() {
        fixture.given(made())
               .when(new WithdrawCommitment(ID, date("2022-01-05"), null))
               .expectException(rejectedOn("reason"))
               .expectNoEvents();
    }

    @Test
    void forbidsWithdrawingFulfilledCommitment() {
        fixture.given(made(), fulfilled("2022-01-05"))
               .when(new WithdrawCommitment(ID, date("2022-02-01"), "Changed our mind"))
               .expectException(TransitionForbiddenException.class)
               .expectException(forbiddenWhile("FULFILLED"))
               .expectNoEvents();
    }

    @Test
    void forbidsWithdrawingTwice() {
        fixture.given(made(), withdrawn("2022-01-05"))
               .when(new WithdrawCommitment(ID, date("2022-02-01"), "Again"))
               .expectException(TransitionForbiddenException.class)
               .expectException(forbiddenWhile("WITHDRAWN"))
               .expectNoEvents();
    }
}
