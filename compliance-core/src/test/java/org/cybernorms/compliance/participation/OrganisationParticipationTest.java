package org.cybernorms.compliance.participation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.cybernorms.compliance.assistance.api.OrganisationId;
import org.cybernorms.compliance.participation.api.OrganisationParticipationCommands.RecordOrganisationParticipation;
import org.cybernorms.compliance.participation.api.OrganisationParticipationEvents.OrganisationParticipationRecorded;
import org.cybernorms.compliance.participation.api.ParticipationAction;
import org.cybernorms.compliance.testsupport.TestNormCatalog;
import org.cybernorms.compliance.testsupport.TestPartyDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.cybernorms.compliance.participation.api.ParticipationAction.APPROVED;
import static org.cybernorms.compliance.participation.api.ParticipationAction.DENOUNCED;
import static org.cybernorms.compliance.participation.api.ParticipationAction.SIGNED;
import static org.cybernorms.compliance.participation.api.ParticipationAction.WITHDREW;
import static org.cybernorms.compliance.testsupport.Fixtures.UN_GGE;
import static org.cybernorms.compliance.testsupport.Fixtures.date;
import static org.cybernorms.compliance.testsupport.Fixtures.fixture;
import static org.cybernorms.compliance.testsupport.Rejections.forbiddenWhile;
import static org.cybernorms.compliance.testsupport.Rejections.mentioning;
import static org.cybernorms.compliance.testsupport.Rejections.rejectedOn;
import static org.cybernorms.compliance.testsupport.TestNormCatalog.TREATY;

/** A registered organisation's steps under a treaty that admits organisations. */
class OrganisationParticipationTest {

    private static final OrganisationId ITU = TestPartyDirectory.ITU.id();

    private AggregateTestFixture<OrganisationParticipation> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(OrganisationParticipation.class, TestNormCatalog.unGge2015AndTreaty());
        fixture.registerInjectableResource(new TestPartyDirectory());
    }

    private static RecordOrganisationParticipation step(ParticipationAction action, String on) {
        return new RecordOrganisationParticipation(ITU, TREATY, action, date(on));
    }

    private static OrganisationParticipationRecorded recorded(ParticipationAction action, String on) {
        return new OrganisationParticipationRecorded(ITU, TREATY, action, date(on));
    }

    @Test
    void signsATreatyThatAdmitsOrganisations() {
        fixture.givenNoPriorActivity()
               .when(step(SIGNED, "2025-01-05"))
               .expectEvents(recorded(SIGNED, "2025-01-05"));
    }

    @Test
    void approvesAfterSigning() {
        fixture.given(recorded(SIGNED, "2025-01-05"))
               .when(step(APPROVED, "2025-03-01"))
               .expectEvents(recorded(APPROVED, "2025-03-01"));
    }

    @Test
    void forbidsApprovalWithoutSignature() {
        fixture.givenNoPriorActivity()
               .when(step(APPROVED, "2025-03-01"))
               .expectException(forbiddenWhile("NONE"))
               .expectNoEvents();
    }

    @Test
    void forbidsASecondConsent() {
        fixture.given(recorded(SIGNED, "2025-01-05"), recorded(APPROVED, "2025-03-01"))
               .when(step(APPROVED, "2025-04-01"))
               .expectException(forbiddenWhile("PARTY"))
               .expectNoEvents();
    }

    @Test
    void denouncesAfterConsent() {
        fixture.given(recorded(SIGNED, "2025-01-05"), recorded(APPROVED, "2025-03-01"))
               .when(step(DENOUNCED, "2025-06-01"))
               .expectEvents(recorded(DENOUNCED, "2025-06-01"));
    }

    @Test
    void rejectsWithdrawal() {
        fixture.given(recorded(SIGNED, "2025-01-05"))
               .when(step(WITHDREW, "2025-06-01"))
               .expectException(rejectedOn("action"))
               .expectNoEvents();
    }

    @Test
    void rejectsAnOrganisationThatIsNotRegistered() {
        fixture.givenNoPriorActivity()
               .when(new RecordOrganisationParticipation(TestPartyDirectory.UNKNOWN.id(), TREATY, SIGNED,
                       date("2025-01-05")))
               .expectException(rejectedOn("organisation", mentioning("not a registered organisation")))
               .expectNoEvents();
    }

    @Test
    void rejectsAnInstrumentThatDoesNotAdmitOrganisations() {
        fixture.givenNoPriorActivity()
               .when(new RecordOrganisationParticipation(ITU, UN_GGE, SIGNED, date("2016-01-05")))
               .expectException(rejectedOn("instrument", mentioning("does not admit organisations")))
               .expectNoEvents();
    }
}
