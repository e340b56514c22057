package org.cybernorms.compliance.assistance;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.cybernorms.compliance.assistance.api.AssistanceArea;
import org.cybernorms.compliance.assistance.api.AssistanceCommands.AcceptOffer;
import org.cybernorms.compliance.assistance.api.AssistanceCommands.CloseRequest;
import org.cybernorms.compliance.assistance.api.AssistanceCommands.CompleteOffer;
import org.cybernorms.compliance.assistance.api.AssistanceCommands.DeclineOffer;
import org.cybernorms.compliance.assistance.api.AssistanceCommands.OfferAssistance;
import org.cybernorms.compliance.assistance.api.AssistanceCommands.ReportDelivery;
import org.cybernorms.compliance.assistance.api.AssistanceCommands.RequestAssistance;
import org.cybernorms.compliance.assistance.api.AssistanceCommands.WithdrawOffer;
import org.cybernorms.compliance.assistance.api.AssistanceEvents.AssistanceDelivered;
import org.cybernorms.compliance.assistance.api.AssistanceEvents.AssistanceOffered;
import org.cybernorms.compliance.assistance.api.AssistanceEvents.AssistanceRequestClosed;
import org.cybernorms.compliance.assistance.api.AssistanceEvents.AssistanceRequested;
import org.cybernorms.compliance.assistance.api.AssistanceEvents.OfferAccepted;
import org.cybernorms.compliance.assistance.api.AssistanceEvents.OfferCompleted;
import org.cybernorms.compliance.assistance.api.AssistanceEvents.OfferDeclined;
import org.cybernorms.compliance.assistance.api.AssistanceEvents.OfferWithdrawn;
import org.cybernorms.compliance.assistance.api.AssistanceRequestId;
import org.cybernorms.compliance.assistance.api.ClosureOutcome;
import org.cybernorms.compliance.assistance.api.OfferId;
import org.cybernorms.compliance.assistance.api.OfferTerms;
import org.cybernorms.compliance.assistance.api.Party;
import org.cybernorms.compliance.instrument.NormCatalog;
import org.cybernorms.compliance.shared.FactRejectedException;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.cybernorms.compliance.shared.TransitionForbiddenException;
import org.cybernorms.compliance.testsupport.TestNormCatalog;
import org.cybernorms.compliance.testsupport.TestPartyDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.cybernorms.compliance.testsupport.Fixtures.TODAY;
import static org.cybernorms.compliance.testsupport.Fixtures.TOMORROW;
import static org.cybernorms.compliance.testsupport.Fixtures.UNKNOWN_INSTRUMENT;
import static org.cybernorms.compliance.testsupport.Fixtures.UN_GGE;
import static org.cybernorms.compliance.testsupport.Fixtures.date;
import static org.cybernorms.compliance.testsupport.Fixtures.fixture;
import static org.cybernorms.compliance.testsupport.Rejections.forbiddenWhile;
import static org.cybernorms.compliance.testsupport.Rejections.mentioning;
import static org.cybernorms.compliance.testsupport.Rejections.rejectedOn;
import static org.cybernorms.compliance.testsupport.TestPartyDirectory.ITU;
import static org.cybernorms.compliance.testsupport.TestPartyDirectory.OAS;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/** The rules of a request for assistance and its offers, one test per rule. */
class AssistanceRequestTest {

    private static final AssistanceRequestId ID = AssistanceRequestId.of("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    private static final OfferId OFFER = OfferId.of("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
    private static final OfferId OTHER_OFFER = OfferId.of("b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e");
    private static final StateCode KEN = StateCode.of("KEN");
    private static final Party REQUESTER = Party.state(KEN);
    private static final Party GHA = Party.of("GHA");
    private static final Party EST = Party.of("EST");
    private static final NormCode N13H = NormCode.of("13h");
    private static final NormCode N13K = NormCode.of("13k");
    private static final AssistanceArea AREA = AssistanceArea.INCIDENT_RESPONSE_TEAMS;
    private static final String DESCRIPTION = "Help to set up a national CERT";
    private static final LocalDate REQUESTED_ON = date("2023-02-01");
    private static final LocalDate OFFERED_ON = date("2023-03-01");
    private static final LocalDate ACCEPTED_ON = date("2023-03-10");

    private AggregateTestFixture<AssistanceRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(TestNormCatalog.unGge2015());
    }

    private static AggregateTestFixture<AssistanceRequest> fixtureWith(NormCatalog catalog) {
        AggregateTestFixture<AssistanceRequest> fixture = fixture(AssistanceRequest.class, catalog);
        fixture.registerInjectableResource(new TestPartyDirectory());
        return fixture;
    }

    // ---- events and commands used throughout ----

    private static RequestAssistance request(Party addressee, NormCode norm, LocalDate requestedOn) {
        return new RequestAssistance(ID, KEN, addressee, UN_GGE, norm, AREA, DESCRIPTION, requestedOn);
    }

    private static AssistanceRequested requested() {
        return requestedTo(null);
    }

    private static AssistanceRequested requestedTo(Party addressee) {
        return new AssistanceRequested(ID, KEN, addressee, UN_GGE, N13H, AREA, DESCRIPTION, REQUESTED_ON);
    }

    private static OfferAssistance offer(Party offeror, LocalDate offeredOn) {
        return new OfferAssistance(ID, OFFER, offeror, OfferTerms.UNCONDITIONAL, null, offeredOn);
    }

    private static AssistanceOffered offered(OfferId offer, Party offeror) {
        return new AssistanceOffered(ID, KEN, offer, offeror, OfferTerms.UNCONDITIONAL, null, OFFERED_ON);
    }

    private static AssistanceOffered offered() {
        return offered(OFFER, GHA);
    }

    private static OfferAccepted accepted() {
        return new OfferAccepted(ID, KEN, OFFER, GHA, ACCEPTED_ON);
    }

    private static AssistanceDelivered delivered(int part, String on) {
        return new AssistanceDelivered(ID, KEN, OFFER, GHA, part, date(on), "Training week " + part, "Report " + part);
    }

    private static OfferCompleted completed(String on) {
        return new OfferCompleted(ID, KEN, OFFER, GHA, date(on));
    }

    private static AssistanceRequestClosed closed(ClosureOutcome outcome, String on) {
        return new AssistanceRequestClosed(ID, KEN, outcome, date(on), null);
    }

    // ---- RequestAssistance ----

    @Test
    void requestsAssistanceOpenToAll() {
        fixture.givenNoPriorActivity()
               .when(request(null, N13H, REQUESTED_ON))
               .expectSuccessfulHandlerExecution()
               .expectEvents(requested());
    }

    @Test
    void requestsAssistanceFromOneState() {
        fixture.givenNoPriorActivity()
               .when(request(GHA, N13H, REQUESTED_ON))
               .expectEvents(requestedTo(GHA));
    }

    @Test
    void requestsAssistanceFromARegisteredOrganisation() {
        fixture.givenNoPriorActivity()
               .when(request(ITU, N13H, REQUESTED_ON))
               .expectEvents(requestedTo(ITU));
    }

    @Test
    void rejectsARequestAddressedToAnUnregisteredOrganisation() {
        fixture.givenNoPriorActivity()
               .when(request(TestPartyDirectory.UNKNOWN, N13H, REQUESTED_ON))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("addressee", mentioning("not a registered organisation")))
               .expectNoEvents();
    }

    @Test
    void rejectsARequestAddressedToAnOrganisationBeforeItsRegistration() {
        fixture.givenNoPriorActivity()
               .when(request(OAS, N13H, TestPartyDirectory.OAS_REGISTERED_ON.minusDays(1)))
               .expectException(rejectedOn("addressee", mentioning("was registered on 2022-06-01")))
               .expectNoEvents();
    }

    @Test
    void rejectsARequestAddressedToTheRequesterItself() {
        fixture.givenNoPriorActivity()
               .when(request(REQUESTER, N13H, REQUESTED_ON))
               .expectException(rejectedOn("addressee", mentioning("requesting state itself")))
               .expectNoEvents();
    }

    @Test
    void rejectsARequestUnderANormNotYetInForce() {
        fixture.givenNoPriorActivity()
               .when(request(null, N13H, date("2015-07-21")))
               .expectException(rejectedOn("norm", mentioning("not yet in force")))
               .expectNoEvents();
    }

    @Test
    void rejectsARequestUnderARetiredNorm() {
        fixtureWith(TestNormCatalog.unGge2015With13kRetired()).givenNoPriorActivity()
               .when(request(null, N13K, TestNormCatalog.RETIRED_ON))
               .expectException(rejectedOn("norm", mentioning("retired")))
               .expectNoEvents();
    }

    @Test
    void rejectsARequestUnderAnUnknownNormOrInstrument() {
        fixture.givenNoPriorActivity()
               .when(request(null, NormCode.of("13z"), REQUESTED_ON))
               .expectException(rejectedOn("norm", mentioning("not part of the instrument")))
               .expectNoEvents();
        fixture.givenNoPriorActivity()
               .when(new RequestAssistance(ID, KEN, null, UNKNOWN_INSTRUMENT, N13H, AREA, DESCRIPTION, REQUESTED_ON))
               .expectException(rejectedOn("instrument", mentioning("not known")))
               .expectNoEvents();
    }

    @Test
    void rejectsARequestDatedInTheFuture() {
        fixture.givenNoPriorActivity()
               .when(request(null, N13H, TOMORROW))
               .expectException(rejectedOn("requestedOn", mentioning("future")))
               .expectNoEvents();
    }

    @Test
    void rejectsARequestWithoutRequesterNormAreaDescriptionOrDate() {
        fixture.givenNoPriorActivity()
               .when(new RequestAssistance(ID, null, null, UN_GGE, null, null, " ", null))
               .expectException(rejectedOn("requester", "norm", "area", "description", "requestedOn"))
               .expectNoEvents();
    }

    // ---- OfferAssistance ----

    @Test
    void aStateOffersUnconditionalHelp() {
        fixture.given(requested())
               .when(offer(GHA, OFFERED_ON))
               .expectEvents(offered());
    }

    @Test
    void aStateOffersConditionalHelpWithItsConditionsWrittenOut() {
        fixture.given(requested())
               .when(new OfferAssistance(ID, OFFER, GHA, OfferTerms.CONDITIONAL, "Data stays in Ghana", OFFERED_ON))
               .expectEvents(new AssistanceOffered(ID, KEN, OFFER, GHA, OfferTerms.CONDITIONAL, "Data stays in Ghana",
                       OFFERED_ON));
    }

    @Test
    void aRegisteredOrganisationOffersHelp() {
        fixture.given(requested())
               .when(offer(ITU, OFFERED_ON))
               .expectEvents(offered(OFFER, ITU));
    }

    @Test
    void offersOnTheDayOfTheRequest() {
        fixture.given(requested())
               .when(offer(GHA, REQUESTED_ON))
               .expectEvents(new AssistanceOffered(ID, KEN, OFFER, GHA, OfferTerms.UNCONDITIONAL, null, REQUESTED_ON));
    }

    @Test
    void rejectsAnOfferFromAnUnregisteredOrganisation() {
        fixture.given(requested())
               .when(offer(TestPartyDirectory.UNKNOWN, OFFERED_ON))
               .expectException(rejectedOn("offeror", mentioning("not a registered organisation")))
               .expectNoEvents();
    }

    @Test
    void rejectsAnOfferFromAnOrganisationBeforeItsRegistration() {
        fixture.given(new AssistanceRequested(ID, KEN, null, UN_GGE, N13H, AREA, DESCRIPTION, date("2022-01-01")))
               .when(offer(OAS, date("2022-05-31")))
               .expectException(rejectedOn("offeror", mentioning("was registered on 2022-06-01, after offeredOn")))
               .expectNoEvents();
    }

    @Test
    void aRequesterCannotOfferToItself() {
        fixture.given(requested())
               .when(offer(REQUESTER, OFFERED_ON))
               .expectException(rejectedOn("offeror", mentioning("cannot offer to itself")))
               .expectNoEvents();
    }

    @Test
    void anAddressedRequestTakesOffersOnlyFromItsAddressee() {
        fixture.given(requestedTo(ITU))
               .when(offer(GHA, OFFERED_ON))
               .expectException(rejectedOn("offeror", mentioning("addressed to org:itu")))
               .expectNoEvents();
    }

    @Test
    void theAddresseeOffersAgainstARequestAddressedToIt() {
        fixture.given(requestedTo(ITU))
               .when(offer(ITU, OFFERED_ON))
               .expectEvents(offered(OFFER, ITU));
    }

    @Test
    void rejectsAConditionalOfferWithoutConditions() {
        fixture.given(requested())
               .when(new OfferAssistance(ID, OFFER, GHA, OfferTerms.CONDITIONAL, "  ", OFFERED_ON))
               .expectException(rejectedOn("conditions", mentioning("required")))
               .expectNoEvents();
    }

    @Test
    void rejectsAnUnconditionalOfferThatStatesConditions() {
        fixture.given(requested())
               .when(new OfferAssistance(ID, OFFER, GHA, OfferTerms.UNCONDITIONAL, "Buy our software", OFFERED_ON))
               .expectException(rejectedOn("conditions", mentioning("must be empty")))
               .expectNoEvents();
    }

    @Test
    void rejectsAnOfferDatedBeforeTheRequest() {
        fixture.given(requested())
               .when(offer(GHA, REQUESTED_ON.minusDays(1)))
               .expectException(rejectedOn("offeredOn", mentioning("requestedOn")))
               .expectNoEvents();
    }

    @Test
    void rejectsAnOfferDatedInTheFuture() {
        fixture.given(requested())
               .when(offer(GHA, TOMORROW))
               .expectException(rejectedOn("offeredOn", mentioning("future")))
               .expectNoEvents();
    }

    @Test
    void reportsEveryProblemOfAnOfferAtOnce() {
        fixture.given(requestedTo(ITU))
               .when(new OfferAssistance(ID, OFFER, GHA, OfferTerms.CONDITIONAL, null, REQUESTED_ON.minusDays(1)))
               .expectException(rejectedOn("offeror", "conditions", "offeredOn"))
               .expectExceptionMessage(allOf(containsString("offeredOn: must not be before requestedOn"),
                       containsString("only org:itu may offer")))
               .expectNoEvents();
    }

    @Test
    void nothingCanBeOfferedAgainstAClosedRequest() {
        fixture.given(requested(), closed(ClosureOutcome.ABANDONED, "2023-04-01"))
               .when(offer(GHA, date("2023-05-01")))
               .expectException(TransitionForbiddenException.class)
               .expectException(forbiddenWhile("ABANDONED"))
               .expectExceptionMessage(containsString("closed as abandoned on 2023-04-01"))
               .expectNoEvents();
    }

    // ---- AcceptOffer, DeclineOffer ----

    @Test
    void theRequesterAcceptsAnOffer() {
        fixture.given(requested(), offered())
               .when(new AcceptOffer(ID, OFFER, ACCEPTED_ON))
               .expectEvents(accepted());
    }

    @Test
    void theRequesterDeclinesAnOffer() {
        fixture.given(requested(), offered())
               .when(new DeclineOffer(ID, OFFER, ACCEPTED_ON, "Found help elsewhere"))
               .expectEvents(new OfferDeclined(ID, KEN, OFFER, GHA, ACCEPTED_ON, "Found help elsewhere"));
    }

    @Test
    void rejectsAnAcceptanceBeforeTheOffer() {
        fixture.given(requested(), offered())
               .when(new AcceptOffer(ID, OFFER, OFFERED_ON.minusDays(1)))
               .expectException(rejectedOn("acceptedOn", mentioning("offeredOn")))
               .expectNoEvents();
    }

    @Test
    void rejectsAnAcceptanceOrDeclinationDatedInTheFuture() {
        fixture.given(requested(), offered())
               .when(new AcceptOffer(ID, OFFER, TOMORROW))
               .expectException(rejectedOn("acceptedOn", mentioning("future")))
               .expectNoEvents();
        fixture.given(requested(), offered())
               .when(new DeclineOffer(ID, OFFER, TOMORROW, null))
               .expectException(rejectedOn("declinedOn", mentioning("future")))
               .expectNoEvents();
    }

    @Test
    void forbidsAcceptingADeclinedOffer() {
        fixture.given(requested(), offered(), new OfferDeclined(ID, KEN, OFFER, GHA, ACCEPTED_ON, null))
               .when(new AcceptOffer(ID, OFFER, ACCEPTED_ON))
               .expectException(forbiddenWhile("DECLINED"))
               .expectNoEvents();
    }

    @Test
    void forbidsDecliningAnAcceptedOffer() {
        fixture.given(requested(), offered(), accepted())
               .when(new DeclineOffer(ID, OFFER, ACCEPTED_ON, null))
               .expectException(forbiddenWhile("ACCEPTED"))
               .expectNoEvents();
    }

    @Test
    void forbidsAcceptingTwice() {
        fixture.given(requested(), offered(), accepted())
               .when(new AcceptOffer(ID, OFFER, ACCEPTED_ON))
               .expectException(forbiddenWhile("ACCEPTED"))
               .expectExceptionMessage(containsString("accepted on 2023-03-10"))
               .expectNoEvents();
    }

    @Test
    void anOfferTheRequestDoesNotHaveIsNotFound() {
        fixture.given(requested(), offered())
               .when(new AcceptOffer(ID, OTHER_OFFER, ACCEPTED_ON))
               .expectException(AggregateNotFoundException.class)
               .expectNoEvents();
    }

    // ---- ReportDelivery ----

    @Test
    void deliversAnAcceptedOfferInNumberedParts() {
        fixture.given(requested(), offered(), accepted(), delivered(1, "2023-04-01"))
               .when(new ReportDelivery(ID, OFFER, date("2023-05-01"), "Training week 2", "Report 2"))
               .expectEvents(delivered(2, "2023-05-01"));
    }

    @Test
    void deliversOnTheDayOfAcceptance() {
        fixture.given(requested(), offered(), accepted())
               .when(new ReportDelivery(ID, OFFER, ACCEPTED_ON, "Training week 1", "Report 1"))
               .expectEvents(new AssistanceDelivered(ID, KEN, OFFER, GHA, 1, ACCEPTED_ON, "Training week 1",
                       "Report 1"));
    }

    @Test
    void aPartMayBeDatedBeforeAPartReportedEarlier() {
        fixture.given(requested(), offered(), accepted(), delivered(1, "2023-05-01"))
               .when(new ReportDelivery(ID, OFFER, date("2023-04-01"), "Training week 2", "Report 2"))
               .expectEvents(delivered(2, "2023-04-01"));
    }

    @Test
    void nothingCanBeDeliveredOnAnOfferThatWasNotAccepted() {
        fixture.given(requested(), offered())
               .when(new ReportDelivery(ID, OFFER, date("2023-04-01"), "Training", "Report"))
               .expectException(TransitionForbiddenException.class)
               .expectException(forbiddenWhile("PENDING"))
               .expectExceptionMessage(containsString("neither accepted nor declined"))
               .expectNoEvents();
    }

    @Test
    void nothingCanBeDeliveredOnADeclinedOffer() {
        fixture.given(requested(), offered(), new OfferDeclined(ID, KEN, OFFER, GHA, ACCEPTED_ON, null))
               .when(new ReportDelivery(ID, OFFER, date("2023-04-01"), "Training", "Report"))
               .expectException(forbiddenWhile("DECLINED"))
               .expectNoEvents();
    }

    @Test
    void nothingCanBeDeliveredOnACompletedOffer() {
        fixture.given(requested(), offered(), accepted(), delivered(1, "2023-04-01"), completed("2023-04-02"))
               .when(new ReportDelivery(ID, OFFER, date("2023-04-03"), "More", "Report"))
               .expectException(forbiddenWhile("COMPLETED"))
               .expectNoEvents();
    }

    @Test
    void rejectsADeliveryBeforeTheAcceptance() {
        fixture.given(requested(), offered(), accepted())
               .when(new ReportDelivery(ID, OFFER, ACCEPTED_ON.minusDays(1), "Training", "Report"))
               .expectException(rejectedOn("deliveredOn", mentioning("acceptedOn")))
               .expectNoEvents();
    }

    @Test
    void rejectsADeliveryDatedInTheFuture() {
        fixture.given(requested(), offered(), accepted())
               .when(new ReportDelivery(ID, OFFER, TOMORROW, "Training", "Report"))
               .expectException(rejectedOn("deliveredOn", mentioning("future")))
               .expectNoEvents();
    }

    @Test
    void rejectsADeliveryWithoutDescriptionOrEvidence() {
        fixture.given(requested(), offered(), accepted())
               .when(new ReportDelivery(ID, OFFER, TODAY, "", null))
               .expectException(rejectedOn("description", "evidence"))
               .expectNoEvents();
    }

    // ---- CompleteOffer ----

    @Test
    void completesADeliveredOffer() {
        fixture.given(requested(), offered(), accepted(), delivered(1, "2023-04-01"))
               .when(new CompleteOffer(ID, OFFER, date("2023-04-01")))
               .expectEvents(completed("2023-04-01"));
    }

    @Test
    void forbidsCompletingAnOfferWithNothingDelivered() {
        fixture.given(requested(), offered(), accepted())
               .when(new CompleteOffer(ID, OFFER, date("2023-04-01")))
               .expectException(forbiddenWhile("ACCEPTED"))
               .expectExceptionMessage(containsString("nothing was delivered"))
               .expectNoEvents();
    }

    @Test
    void forbidsCompletingAnOfferThatWasNotAccepted() {
        fixture.given(requested(), offered())
               .when(new CompleteOffer(ID, OFFER, date("2023-04-01")))
               .expectException(forbiddenWhile("PENDING"))
               .expectNoEvents();
    }

    @Test
    void rejectsACompletionBeforeTheLastDelivery() {
        fixture.given(requested(), offered(), accepted(), delivered(1, "2023-05-01"), delivered(2, "2023-04-01"))
               .when(new CompleteOffer(ID, OFFER, date("2023-04-30")))
               .expectException(rejectedOn("completedOn", mentioning("the last delivery (2023-05-01)")))
               .expectNoEvents();
    }

    // ---- WithdrawOffer ----

    @Test
    void theOfferorWithdrawsAPendingOffer() {
        fixture.given(requested(), offered())
               .when(new WithdrawOffer(ID, OFFER, OFFERED_ON, "Budget cut"))
               .expectEvents(new OfferWithdrawn(ID, KEN, OFFER, GHA, OFFERED_ON, "Budget cut"));
    }

    @Test
    void theOfferorWithdrawsAnAcceptedOfferPartlyDelivered() {
        fixture.given(requested(), offered(), accepted(), delivered(1, "2023-04-01"))
               .when(new WithdrawOffer(ID, OFFER, date("2023-06-01"), "Budget cut"))
               .expectEvents(new OfferWithdrawn(ID, KEN, OFFER, GHA, date("2023-06-01"), "Budget cut"));
    }

    @Test
    void rejectsAWithdrawalBeforeTheOffersLastStep() {
        fixture.given(requested(), offered(), accepted(), delivered(1, "2023-04-01"))
               .when(new WithdrawOffer(ID, OFFER, date("2023-03-31"), "Budget cut"))
               .expectException(rejectedOn("withdrawnOn", mentioning("the offer's last step (2023-04-01)")))
               .expectNoEvents();
    }

    @Test
    void rejectsAWithdrawalWithoutReason() {
        fixture.given(requested(), offered())
               .when(new WithdrawOffer(ID, OFFER, OFFERED_ON, " "))
               .expectException(rejectedOn("reason"))
               .expectNoEvents();
    }

    @Test
    void forbidsWithdrawingACompletedOffer() {
        fixture.given(requested(), offered(), accepted(), delivered(1, "2023-04-01"), completed("2023-04-02"))
               .when(new WithdrawOffer(ID, OFFER, date("2023-04-03"), "Too late"))
               .expectException(forbiddenWhile("COMPLETED"))
               .expectNoEvents();
    }

    // ---- CloseRequest ----

    @Test
    void closesARequestAsFulfilledOnceItsOfferIsCompleted() {
        fixture.given(requested(), offered(), accepted(), delivered(1, "2023-04-01"), completed("2023-04-02"))
               .when(new CloseRequest(ID, ClosureOutcome.FULFILLED, date("2023-04-02"), "CERT operational"))
               .expectEvents(new AssistanceRequestClosed(ID, KEN, ClosureOutcome.FULFILLED, date("2023-04-02"),
                       "CERT operational"));
    }

    @Test
    void abandonsARequestThatHadNoOffers() {
        fixture.given(requested())
               .when(new CloseRequest(ID, ClosureOutcome.ABANDONED, REQUESTED_ON, null))
               .expectEvents(closed(ClosureOutcome.ABANDONED, "2023-02-01"));
    }

    @Test
    void forbidsClosingARequestTwice() {
        fixture.given(requested(), closed(ClosureOutcome.ABANDONED, "2023-04-01"))
               .when(new CloseRequest(ID, ClosureOutcome.FULFILLED, date("2023-05-01"), null))
               .expectException(forbiddenWhile("ABANDONED"))
               .expectNoEvents();
    }

    @Test
    void forbidsClosingWhileAnOfferIsStillPending() {
        fixture.given(requested(), offered(), offered(OTHER_OFFER, EST),
                       new OfferDeclined(ID, KEN, OFFER, GHA, ACCEPTED_ON, null))
               .when(new CloseRequest(ID, ClosureOutcome.ABANDONED, date("2023-05-01"), null))
               .expectException(forbiddenWhile("OPEN"))
               .expectExceptionMessage(containsString("offer " + OTHER_OFFER + " is still pending"))
               .expectNoEvents();
    }

    @Test
    void forbidsClosingWhileAnAcceptedOfferIsBeingDelivered() {
        fixture.given(requested(), offered(), accepted(), delivered(1, "2023-04-01"))
               .when(new CloseRequest(ID, ClosureOutcome.FULFILLED, date("2023-05-01"), null))
               .expectException(forbiddenWhile("OPEN"))
               .expectExceptionMessage(containsString("is still accepted"))
               .expectNoEvents();
    }

    @Test
    void rejectsAClosureBeforeTheRequestsLastStep() {
        fixture.given(requested(), offered(), accepted(), delivered(1, "2023-04-01"), completed("2023-04-02"))
               .when(new CloseRequest(ID, ClosureOutcome.FULFILLED, date("2023-04-01"), null))
               .expectException(rejectedOn("closedOn", mentioning("the request's last step (2023-04-02)")))
               .expectNoEvents();
    }

    @Test
    void rejectsAClosureDatedInTheFutureOrWithoutOutcome() {
        fixture.given(requested())
               .when(new CloseRequest(ID, null, TOMORROW, null))
               .expectException(rejectedOn("outcome", "closedOn"))
               .expectNoEvents();
    }
}
