package org.cybernorms.compliance.participation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.cybernorms.compliance.participation.api.ParticipationAction;
import org.cybernorms.compliance.participation.api.ParticipationCommands.EnterObjection;
import org.cybernorms.compliance.participation.api.ParticipationCommands.RecordParticipation;
import org.cybernorms.compliance.participation.api.ParticipationEvents.InstrumentAccepted;
import org.cybernorms.compliance.participation.api.ParticipationEvents.InstrumentAcceded;
import org.cybernorms.compliance.participation.api.ParticipationEvents.InstrumentApproved;
import org.cybernorms.compliance.participation.api.ParticipationEvents.InstrumentDenounced;
import org.cybernorms.compliance.participation.api.ParticipationEvents.InstrumentRatified;
import org.cybernorms.compliance.participation.api.ParticipationEvents.InstrumentSigned;
import org.cybernorms.compliance.participation.api.ParticipationEvents.InstrumentWithdrawnFrom;
import org.cybernorms.compliance.participation.api.ParticipationEvents.ObjectionEntered;
import org.cybernorms.compliance.shared.FactRejectedException;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.TransitionForbiddenException;
import org.cybernorms.compliance.testsupport.TestNormCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.cybernorms.compliance.participation.api.ParticipationAction.ACCEDED;
import static org.cybernorms.compliance.participation.api.ParticipationAction.ACCEPTED;
import static org.cybernorms.compliance.participation.api.ParticipationAction.APPROVED;
import static org.cybernorms.compliance.participation.api.ParticipationAction.DENOUNCED;
import static org.cybernorms.compliance.participation.api.ParticipationAction.RATIFIED;
import static org.cybernorms.compliance.participation.api.ParticipationAction.SIGNED;
import static org.cybernorms.compliance.participation.api.ParticipationAction.WITHDREW;
import static org.cybernorms.compliance.testsupport.Fixtures.DEU;
import static org.cybernorms.compliance.testsupport.Fixtures.FRA;
import static org.cybernorms.compliance.testsupport.Fixtures.TOMORROW;
import static org.cybernorms.compliance.testsupport.Fixtures.UN_GGE;
import static org.cybernorms.compliance.testsupport.Fixtures.date;
import static org.cybernorms.compliance.testsupport.Fixtures.fixture;
import static org.cybernorms.compliance.testsupport.Rejections.forbiddenWhile;
import static org.cybernorms.compliance.testsupport.Rejections.mentioning;
import static org.cybernorms.compliance.testsupport.Rejections.rejectedOn;

/** The participation rules under a treaty ({@code draft-binding-2025}); political rules are in ParticipationTest. */
class TreatyParticipationTest {

    private static final InstrumentId TREATY = TestNormCatalog.TREATY;
    private static final NormCode ART2 = NormCode.of("art2");

    private AggregateTestFixture<Participation> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(Participation.class, TestNormCatalog.treaty());
    }

    private static RecordParticipation step(ParticipationAction action, String date) {
        return new RecordParticipation(FRA, TREATY, action, date(date));
    }

    private static InstrumentSigned signed(String date) {
        return new InstrumentSigned(FRA, TREATY, date(date));
    }

    private static EnterObjection objection(String date) {
        return new EnterObjection(FRA, TREATY, DEU, ART2, date(date), "Incompatible with the object and purpose");
    }

    @Test
    void ratifiesAfterSignature() {
        fixture.given(signed("2025-01-05"))
               .when(step(RATIFIED, "2025-02-01"))
               .expectEvents(new InstrumentRatified(FRA, TREATY, date("2025-02-01")));
    }

    @Test
    void acceptsAfterSignature() {
        fixture.given(signed("2025-01-05"))
               .when(step(ACCEPTED, "2025-02-01"))
               .expectEvents(new InstrumentAccepted(FRA, TREATY, date("2025-02-01")));
    }

    @Test
    void approvesAfterSignature() {
        fixture.given(signed("2025-01-05"))
               .when(step(APPROVED, "2025-02-01"))
               .expectEvents(new InstrumentApproved(FRA, TREATY, date("2025-02-01")));
    }

    @Test
    void accedesWithoutSignature() {
        fixture.givenNoPriorActivity()
               .when(step(ACCEDED, "2025-03-01"))
               .expectEvents(new InstrumentAcceded(FRA, TREATY, date("2025-03-01")));
    }

    @Test
    void forbidsAcceptanceWithoutSignature() {
        fixture.givenNoPriorActivity()
               .when(step(ACCEPTED, "2025-02-01"))
               .expectException(TransitionForbiddenException.class)
               .expectException(forbiddenWhile("NONE"))
               .expectNoEvents();
    }

    @Test
    void forbidsApprovalWithoutSignature() {
        fixture.givenNoPriorActivity()
               .when(step(APPROVED, "2025-02-01"))
               .expectException(forbiddenWhile("NONE"))
               .expectNoEvents();
    }

    @Test
    void rejectsConsentDatedBeforeTheSignature() {
        fixture.given(signed("2025-01-05"))
               .when(step(RATIFIED, "2025-01-04"))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("date", mentioning("previous participation step")))
               .expectNoEvents();
    }

    @Test
    void forbidsASecondConsent() {
        fixture.given(signed("2025-01-05"), new InstrumentRatified(FRA, TREATY, date("2025-02-01")))
               .when(step(APPROVED, "2025-03-01"))
               .expectException(forbiddenWhile("PARTY"))
               .expectException(TransitionForbiddenException.class)
               .expectNoEvents();
    }

    @Test
    void forbidsAccessionByAParty() {
        fixture.given(new InstrumentAcceded(FRA, TREATY, date("2025-03-01")))
               .when(step(ACCEDED, "2025-04-01"))
               .expectException(forbiddenWhile("PARTY"))
               .expectNoEvents();
    }

    @Test
    void denouncesAfterConsent() {
        fixture.given(signed("2025-01-05"), new InstrumentRatified(FRA, TREATY, date("2025-02-01")))
               .when(step(DENOUNCED, "2025-06-01"))
               .expectEvents(new InstrumentDenounced(FRA, TREATY, date("2025-06-01")));
    }

    @Test
    void forbidsDenunciationByASignatory() {
        fixture.given(signed("2025-01-05"))
               .when(step(DENOUNCED, "2025-06-01"))
               .expectException(forbiddenWhile("SIGNED"))
               .expectNoEvents();
    }

    @Test
    void forbidsDenunciationWithoutParticipation() {
        fixture.givenNoPriorActivity()
               .when(step(DENOUNCED, "2025-06-01"))
               .expectException(forbiddenWhile("NONE"))
               .expectNoEvents();
    }

    @Test
    void forbidsConsentAgainAfterDenunciation() {
        fixture.given(new InstrumentAcceded(FRA, TREATY, date("2025-03-01")),
                       new InstrumentDenounced(FRA, TREATY, date("2025-04-01")))
               .when(step(ACCEDED, "2025-05-01"))
               .expectException(forbiddenWhile("DENOUNCED"))
               .expectNoEvents();
    }

    @Test
    void forbidsDenouncingTwice() {
        fixture.given(new InstrumentAcceded(FRA, TREATY, date("2025-03-01")),
                       new InstrumentDenounced(FRA, TREATY, date("2025-04-01")))
               .when(step(DENOUNCED, "2025-05-01"))
               .expectException(forbiddenWhile("DENOUNCED"))
               .expectNoEvents();
    }

    @Test
    void rejectsWithdrawalFromATreaty() {
        fixture.given(new InstrumentAcceded(FRA, TREATY, date("2025-03-01")))
               .when(step(WITHDREW, "2025-04-01"))
               .expectException(rejectedOn("action", mentioning("DENOUNCED")))
               .expectNoEvents();
    }

    @Test
    void rejectsDenunciationOfAPoliticalInstrument() {
        AggregateTestFixture<Participation> political = fixture(Participation.class, TestNormCatalog.unGge2015());
        political.given(new InstrumentAcceded(FRA, UN_GGE, date("2017-03-03")))
                 .when(new RecordParticipation(FRA, UN_GGE, DENOUNCED, date("2020-01-01")))
                 .expectException(rejectedOn("action", mentioning("only a treaty")))
                 .expectNoEvents();
    }

    @Test
    void keepsWithdrawalFromAPoliticalInstrument() {
        AggregateTestFixture<Participation> political = fixture(Participation.class, TestNormCatalog.unGge2015());
        political.given(new InstrumentAcceded(FRA, UN_GGE, date("2017-03-03")))
                 .when(new RecordParticipation(FRA, UN_GGE, WITHDREW, date("2020-01-01")))
                 .expectEvents(new InstrumentWithdrawnFrom(FRA, UN_GGE, date("2020-01-01")));
    }

    @Test
    void rejectsAConsentDatedInTheFuture() {
        fixture.given(signed("2025-01-05"))
               .when(new RecordParticipation(FRA, TREATY, RATIFIED, TOMORROW))
               .expectException(rejectedOn("date", mentioning("future")))
               .expectNoEvents();
    }

    @Test
    void rejectsASignatureBeforeTheTreatyWasAdopted() {
        fixture.givenNoPriorActivity()
               .when(step(SIGNED, "2024-12-31"))
               .expectException(rejectedOn("date", mentioning("adoption")))
               .expectNoEvents();
    }

    // ---- objections ----

    @Test
    void recordsAnObjectionByAParty() {
        fixture.given(new InstrumentAcceded(FRA, TREATY, date("2025-03-01")))
               .when(objection("2025-04-01"))
               .expectEvents(new ObjectionEntered(FRA, TREATY, DEU, ART2, date("2025-04-01"),
                       "Incompatible with the object and purpose"));
    }

    @Test
    void forbidsAnObjectionByASignatory() {
        fixture.given(signed("2025-01-05"))
               .when(objection("2025-04-01"))
               .expectException(forbiddenWhile("SIGNED"))
               .expectNoEvents();
    }

    @Test
    void forbidsAnObjectionByAStateWithoutParticipation() {
        fixture.givenNoPriorActivity()
               .when(objection("2025-04-01"))
               .expectException(forbiddenWhile("NONE"))
               .expectNoEvents();
    }

    @Test
    void forbidsObjectingTwiceToTheSameReservation() {
        fixture.given(new InstrumentAcceded(FRA, TREATY, date("2025-03-01")),
                       new ObjectionEntered(FRA, TREATY, DEU, ART2, date("2025-04-01"), "first"))
               .when(objection("2025-05-01"))
               .expectException(forbiddenWhile("OBJECTED"))
               .expectNoEvents();
    }

    @Test
    void rejectsAnObjectionToItsOwnReservation() {
        fixture.given(new InstrumentAcceded(FRA, TREATY, date("2025-03-01")))
               .when(new EnterObjection(FRA, TREATY, FRA, ART2, date("2025-04-01"), "text"))
               .expectException(rejectedOn("reservingState"))
               .expectNoEvents();
    }

    @Test
    void rejectsAnObjectionOnAProvisionThatDoesNotExist() {
        fixture.given(new InstrumentAcceded(FRA, TREATY, date("2025-03-01")))
               .when(new EnterObjection(FRA, TREATY, DEU, NormCode.of("art99"), date("2025-04-01"), "text"))
               .expectException(rejectedOn("norm"))
               .expectNoEvents();
    }

    @Test
    void rejectsAnObjectionDatedBeforeTheObjectorsConsent() {
        fixture.given(new InstrumentAcceded(FRA, TREATY, date("2025-03-01")))
               .when(objection("2025-02-01"))
               .expectException(rejectedOn("objectedOn", mentioning("consent")))
               .expectNoEvents();
    }

    @Test
    void rejectsAnObjectionUnderAPoliticalInstrument() {
        AggregateTestFixture<Participation> political = fixture(Participation.class, TestNormCatalog.unGge2015());
        political.given(new InstrumentAcceded(FRA, UN_GGE, date("2017-03-03")))
                 .when(new EnterObjection(FRA, UN_GGE, DEU, NormCode.of("13c"), date("2020-01-01"), "text"))
                 .expectException(rejectedOn("instrument", mentioning("not a treaty")))
                 .expectNoEvents();
    }
}
