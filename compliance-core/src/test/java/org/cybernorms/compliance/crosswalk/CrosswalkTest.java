package org.cybernorms.compliance.crosswalk;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.cybernorms.compliance.crosswalk.api.CrosswalkCommands.AddMapping;
import org.cybernorms.compliance.crosswalk.api.CrosswalkCommands.CreateCrosswalk;
import org.cybernorms.compliance.crosswalk.api.CrosswalkCommands.RetireMapping;
import org.cybernorms.compliance.crosswalk.api.CrosswalkEvents.CrosswalkCreated;
import org.cybernorms.compliance.crosswalk.api.CrosswalkEvents.MappingAdded;
import org.cybernorms.compliance.crosswalk.api.CrosswalkEvents.MappingRetired;
import org.cybernorms.compliance.crosswalk.api.CrosswalkId;
import org.cybernorms.compliance.crosswalk.api.Relation;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.TransitionForbiddenException;
import org.cybernorms.compliance.testsupport.TestNormCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.cybernorms.compliance.testsupport.Fixtures.TOMORROW;
import static org.cybernorms.compliance.testsupport.Fixtures.UNKNOWN_INSTRUMENT;
import static org.cybernorms.compliance.testsupport.Fixtures.UN_GGE;
import static org.cybernorms.compliance.testsupport.Fixtures.date;
import static org.cybernorms.compliance.testsupport.Fixtures.fixture;
import static org.cybernorms.compliance.testsupport.Rejections.forbiddenWhile;
import static org.cybernorms.compliance.testsupport.Rejections.mentioning;
import static org.cybernorms.compliance.testsupport.Rejections.rejectedOn;
import static org.cybernorms.compliance.testsupport.TestNormCatalog.TREATY;

class CrosswalkTest {

    private static final CrosswalkId ID = CrosswalkId.of("gge-to-draft");
    private static final NormCode N13D = NormCode.of("13d");
    private static final NormCode ART1 = NormCode.of("art1");
    private static final CrosswalkCreated CREATED = new CrosswalkCreated(ID, UN_GGE, TREATY, "GGE to draft");

    private AggregateTestFixture<Crosswalk> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(Crosswalk.class, TestNormCatalog.unGge2015AndTreaty());
    }

    private static AddMapping map(NormCode source, NormCode target, Relation relation, String on) {
        return new AddMapping(ID, source, target, relation, "same duty", date(on));
    }

    private static MappingAdded mapped(NormCode source, NormCode target, Relation relation, String on) {
        return new MappingAdded(ID, UN_GGE, TREATY, source, target, relation, "same duty", date(on));
    }

    @Test
    void createsACrosswalkBetweenTwoInstruments() {
        fixture.givenNoPriorActivity()
               .when(new CreateCrosswalk(ID, UN_GGE, TREATY, " GGE to draft "))
               .expectEvents(CREATED);
    }

    @Test
    void rejectsACrosswalkFromAnUnknownInstrument() {
        fixture.givenNoPriorActivity()
               .when(new CreateCrosswalk(ID, UNKNOWN_INSTRUMENT, TREATY, "x"))
               .expectException(rejectedOn("from", mentioning("not known")))
               .expectNoEvents();
    }

    @Test
    void rejectsACrosswalkOntoItself() {
        fixture.givenNoPriorActivity()
               .when(new CreateCrosswalk(ID, TREATY, TREATY, "x"))
               .expectException(rejectedOn("to"))
               .expectNoEvents();
    }

    @Test
    void addsAnEquivalentMapping() {
        fixture.given(CREATED)
               .when(map(N13D, ART1, Relation.EQUIVALENT, "2025-02-01"))
               .expectEvents(mapped(N13D, ART1, Relation.EQUIVALENT, "2025-02-01"));
    }

    @Test
    void rejectsAMappingOntoANormThatDoesNotExist() {
        fixture.given(CREATED)
               .when(map(N13D, NormCode.of("art99"), Relation.EQUIVALENT, "2025-02-01"))
               .expectException(rejectedOn("targetNorm", mentioning("not part of the instrument")))
               .expectNoEvents();
    }

    @Test
    void rejectsAMappingFromANormThatDoesNotExist() {
        fixture.given(CREATED)
               .when(map(NormCode.of("13z"), ART1, Relation.EQUIVALENT, "2025-02-01"))
               .expectException(rejectedOn("sourceNorm"))
               .expectNoEvents();
    }

    @Test
    void rejectsAMappingWithoutRelationOrInTheFuture() {
        fixture.given(CREATED)
               .when(new AddMapping(ID, N13D, ART1, null, null, TOMORROW))
               .expectException(rejectedOn("relation", "effectiveOn"))
               .expectNoEvents();
    }

    @Test
    void forbidsASecondMappingOfTheSamePairWhileOneIsInEffect() {
        fixture.given(CREATED, mapped(N13D, ART1, Relation.EQUIVALENT, "2025-02-01"))
               .when(map(N13D, ART1, Relation.RELATED, "2025-03-01"))
               .expectException(TransitionForbiddenException.class)
               .expectException(forbiddenWhile("MAPPED"))
               .expectNoEvents();
    }

    @Test
    void retiresAMapping() {
        fixture.given(CREATED, mapped(N13D, ART1, Relation.EQUIVALENT, "2025-02-01"))
               .when(new RetireMapping(ID, N13D, ART1, date("2025-04-01")))
               .expectEvents(new MappingRetired(ID, UN_GGE, TREATY, N13D, ART1, date("2025-04-01")));
    }

    @Test
    void forbidsRetiringAMappingNotInEffect() {
        fixture.given(CREATED)
               .when(new RetireMapping(ID, N13D, ART1, date("2025-04-01")))
               .expectException(forbiddenWhile("NOT_MAPPED"))
               .expectNoEvents();
    }

    @Test
    void rejectsARetirementBeforeTheMappingTookEffect() {
        fixture.given(CREATED, mapped(N13D, ART1, Relation.EQUIVALENT, "2025-02-01"))
               .when(new RetireMapping(ID, N13D, ART1, date("2025-01-01")))
               .expectException(rejectedOn("retiredOn"))
               .expectNoEvents();
    }

    @Test
    void mapsThePairAgainAfterRetirement() {
        fixture.given(CREATED, mapped(N13D, ART1, Relation.EQUIVALENT, "2025-02-01"),
                       new MappingRetired(ID, UN_GGE, TREATY, N13D, ART1, date("2025-04-01")))
               .when(map(N13D, ART1, Relation.BROADER, "2025-04-01"))
               .expectEvents(mapped(N13D, ART1, Relation.BROADER, "2025-04-01"));
    }
}
