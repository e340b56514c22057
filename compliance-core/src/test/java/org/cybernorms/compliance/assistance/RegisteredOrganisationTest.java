package org.cybernorms.compliance.assistance;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.cybernorms.compliance.assistance.api.OrganisationCommands.RegisterOrganisation;
import org.cybernorms.compliance.assistance.api.OrganisationEvents.OrganisationRegistered;
import org.cybernorms.compliance.assistance.api.OrganisationId;
import org.cybernorms.compliance.testsupport.TestNormCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.cybernorms.compliance.testsupport.Fixtures.TODAY;
import static org.cybernorms.compliance.testsupport.Fixtures.TOMORROW;
import static org.cybernorms.compliance.testsupport.Fixtures.date;
import static org.cybernorms.compliance.testsupport.Fixtures.fixture;
import static org.cybernorms.compliance.testsupport.Rejections.mentioning;
import static org.cybernorms.compliance.testsupport.Rejections.rejectedOn;

class RegisteredOrganisationTest {

    private static final OrganisationId ITU = OrganisationId.of("itu");
    private static final String NAME = "International Telecommunication Union";

    private AggregateTestFixture<RegisteredOrganisation> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(RegisteredOrganisation.class, TestNormCatalog.unGge2015());
    }

    @Test
    void registersAnOrganisation() {
        fixture.givenNoPriorActivity()
               .when(new RegisterOrganisation(ITU, "  " + NAME + " ", date("1865-05-17")))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new OrganisationRegistered(ITU, NAME, date("1865-05-17")));
    }

    @Test
    void registersAnOrganisationToday() {
        fixture.givenNoPriorActivity()
               .when(new RegisterOrganisation(ITU, NAME, TODAY))
               .expectEvents(new OrganisationRegistered(ITU, NAME, TODAY));
    }

    @Test
    void rejectsARegistrationDatedInTheFuture() {
        fixture.givenNoPriorActivity()
               .when(new RegisterOrganisation(ITU, NAME, TOMORROW))
               .expectException(rejectedOn("registeredOn", mentioning("future")))
               .expectNoEvents();
    }

    @Test
    void rejectsARegistrationWithoutNameOrDate() {
        fixture.givenNoPriorActivity()
               .when(new RegisterOrganisation(ITU, " ", null))
               .expectException(rejectedOn("name", "registeredOn"))
               .expectNoEvents();
    }
}
