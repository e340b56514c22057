package org.cybernorms.compliance.participation;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.cybernorms.compliance.participation.api.ParticipationCommands.PledgeNorm;
import org.cybernorms.compliance.participation.api.ParticipationCommands.WithdrawPledge;
import org.cybernorms.compliance.participation.api.ParticipationEvents.NormPledged;
import org.cybernorms.compliance.participation.api.ParticipationEvents.PledgeWithdrawn;
import org.cybernorms.compliance.participation.api.PledgeId;
import org.cybernorms.compliance.shared.FactRejectedException;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.TransitionForbiddenException;
import org.cybernorms.compliance.testsupport.TestNormCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.cybernorms.compliance.testsupport.Fixtures.DEU;
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

class PledgeTest {

    private static final PledgeId ID = PledgeId.of("5b0c6f3e-7d6a-4c59-9a51-2f1d0b7e8c11");
    private static final NormCode N13F = NormCode.of("13f");
    private static final NormCode N13K = NormCode.of("13k");
    private static final String STATEMENT = "France will not damage critical infrastructure.";

    private AggregateTestFixture<Pledge> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(Pledge.class, TestNormCatalog.unGge2015());
    }

    private static PledgeNorm pledge(InstrumentId instrument, NormCode norm, LocalDate pledgedOn) {
        return new PledgeNorm(ID, FRA, instrument, norm, pledgedOn, STATEMENT);
    }

    private static NormPledged pledged(NormCode norm, LocalDate pledgedOn) {
        return new NormPledged(ID, FRA, UN_GGE, norm, pledgedOn, STATEMENT);
    }

    // ---- PledgeNorm ----

    @Test
    void pledgesNorm() {
        fixture.givenNoPriorActivity()
               .when(pledge(UN_GGE, N13F, date("2020-05-05")))
               .expectSuccessfulHandlerExecution()
               .expectEvents(pledged(N13F, date("2020-05-05")));
    }

    @Test
    void pledgesNormOnTheDayItComesIntoForce() {
        fixture.givenNoPriorActivity()
               .when(pledge(UN_GGE, N13F, date("2015-07-22")))
               .expectEvents(pledged(N13F, date("2015-07-22")));
    }

    @Test
    void pledgesNormToday() {
        fixture.givenNoPriorActivity()
               .when(pledge(UN_GGE, N13F, TODAY))
               .expectEvents(pledged(N13F, TODAY));
    }

    @Test
    void rejectsPledgeOfUnknownNorm() {
        fixture.givenNoPriorActivity()
               .when(pledge(UN_GGE, NormCode.of("13z"), date("2020-05-05")))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("norm", mentioning("not part of the instrument")))
               .expectNoEvents();
    }

    @Test
    void rejectsPledgeUnderUnknownInstrument() {
        fixture.givenNoPriorActivity()
               .when(pledge(UNKNOWN_INSTRUMENT, N13F, date("2020-05-05")))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("instrument", mentioning("not known")))
               .expectNoEvents();
    }

    @Test
    void rejectsPledgeBeforeTheNormIsInForce() {
        fixture.givenNoPriorActivity()
               .when(pledge(UN_GGE, N13F, date("2015-01-01")))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("norm", mentioning("not yet in force")))
               .expectNoEvents();
    }

    @Test
    void rejectsPledgeOnTheDayTheNormIsRetired() {
        AggregateTestFixture<Pledge> retired = fixture(Pledge.class, TestNormCatalog.unGge2015With13kRetired());
        retired.givenNoPriorActivity()
               .when(pledge(UN_GGE, N13K, date("2020-01-01")))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("norm", mentioning("retired")))
               .expectNoEvents();
    }

    @Test
    void rejectsPledgeAfterTheNormIsRetired() {
        AggregateTestFixture<Pledge> retired = fixture(Pledge.class, TestNormCatalog.unGge2015With13kRetired());
        retired.givenNoPriorActivity()
               .when(pledge(UN_GGE, N13K, date("2023-03-03")))
               .expectException(rejectedOn("norm", mentioning("retired")))
               .expectNoEvents();
    }

    @Test
    void acceptsPledgeTheDayBeforeTheNormIsRetired() {
        AggregateTestFixture<Pledge> retired = fixture(Pledge.class, TestNormCatalog.unGge2015With13kRetired());
        retired.givenNoPriorActivity()
               .when(pledge(UN_GGE, N13K, date("2019-12-31")))
               .expectEvents(pledged(N13K, date("2019-12-31")));
    }

    @Test
    void rejectsPledgeInTheFuture() {
        fixture.givenNoPriorActivity()
               .when(pledge(UN_GGE, N13F, TOMORROW))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("pledgedOn", mentioning("future")))
               .expectNoEvents();
    }

    @Test
    void rejectsPledgeWithoutStatementOrDate() {
        fixture.givenNoPriorActivity()
               .when(new PledgeNorm(ID, FRA, UN_GGE, N13F, null, ""))
               .expectException(rejectedOn("pledgedOn", "statement"))
               .expectNoEvents();
    }

    // ---- WithdrawPledge ----

    @Test
    void withdrawsPledge() {
        fixture.given(pledged(N13F, date("2020-05-05")))
               .when(new WithdrawPledge(ID, FRA, date("2022-02-22")))
               .expectEvents(new PledgeWithdrawn(ID, FRA, UN_GGE, N13F, date("2022-02-22")));
    }

    @Test
    void withdrawsPledgeOnTheDayItWasMade() {
        fixture.given(pledged(N13F, date("2020-05-05")))
               .when(new WithdrawPledge(ID, FRA, date("2020-05-05")))
               .expectEvents(new PledgeWithdrawn(ID, FRA, UN_GGE, N13F, date("2020-05-05")));
    }

    @Test
    void rejectsPledgeWithdrawalBeforeThePledge() {
        fixture.given(pledged(N13F, date("2020-05-05")))
               .when(new WithdrawPledge(ID, FRA, date("2020-05-04")))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("withdrawnOn", mentioning("pledgedOn")))
               .expectNoEvents();
    }

    @Test
    void rejectsPledgeWithdrawalInTheFuture() {
        fixture.given(pledged(N13F, date("2020-05-05")))
               .when(new WithdrawPledge(ID, FRA, TOMORROW))
               .expectException(rejectedOn("withdrawnOn", mentioning("future")))
               .expectNoEvents();
    }

    @Test
    void forbidsWithdrawingPledgeTwice() {
        fixture.given(pledged(N13F, date("2020-05-05")),
                       new PledgeWithdrawn(ID, FRA, UN_GGE, N13F, date("2022-02-22")))
               .when(new WithdrawPledge(ID, FRA, date("2023-01-01")))
               .expectException(TransitionForbiddenException.class)
               .expectException(forbiddenWhile("WITHDRAWN"))
               .expectNoEvents();
    }

    @Test
    void withdrawingAnotherStatesPledgeIsNotFound() {
        fixture.given(pledged(N13F, date("2020-05-05")))
               .when(new WithdrawPledge(ID, DEU, date("2022-02-22")))
               .expectException(AggregateNotFoundException.class)
               .expectNoEvents();
    }
}
