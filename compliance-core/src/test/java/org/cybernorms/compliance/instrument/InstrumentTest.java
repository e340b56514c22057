package org.cybernorms.compliance.instrument;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.cybernorms.compliance.instrument.api.InstrumentCommands.AddNorm;
import org.cybernorms.compliance.instrument.api.InstrumentCommands.CreateInstrument;
import org.cybernorms.compliance.instrument.api.InstrumentCommands.NormText;
import org.cybernorms.compliance.instrument.api.InstrumentCommands.RetireNorm;
import org.cybernorms.compliance.instrument.api.InstrumentCommands.ReviseNorm;
import org.cybernorms.compliance.instrument.api.InstrumentEvents.InstrumentCreated;
import org.cybernorms.compliance.instrument.api.InstrumentEvents.NormAdded;
import org.cybernorms.compliance.instrument.api.InstrumentEvents.NormRetired;
import org.cybernorms.compliance.instrument.api.InstrumentEvents.NormRevised;
import org.cybernorms.compliance.shared.FactRejectedException;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.TransitionForbiddenException;
import org.cybernorms.compliance.testsupport.TestNormCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cybernorms.compliance.testsupport.Fixtures.CLOCK;
import static org.cybernorms.compliance.testsupport.Fixtures.TODAY;
import static org.cybernorms.compliance.testsupport.Fixtures.TOMORROW;
import static org.cybernorms.compliance.testsupport.Fixtures.UN_GGE;
import static org.cybernorms.compliance.testsupport.Fixtures.date;
import static org.cybernorms.compliance.testsupport.Rejections.forbiddenWhile;
import static org.cybernorms.compliance.testsupport.Rejections.mentioning;
import static org.cybernorms.compliance.testsupport.Rejections.rejectedOn;

class InstrumentTest {

    private static final NormCode N13F = NormCode.of("13f");
    private static final NormCode N13K = NormCode.of("13k");
    private static final InstrumentId TEST_INSTRUMENT = InstrumentId.of("test-instrument");

    private AggregateTestFixture<Instrument> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Instrument.class);
        fixture.registerInjectableResource(CLOCK);
        // InstrumentNorms.Norm has identity equality, so the fixture's illegal-state-change check (which compares
        // the aggregate handled by the command with one sourced from the events) would always see the map of norms
        // as different. The fold itself is covered by InstrumentNormsTest; every other field is still compared.
        fixture.registerIgnoredField(InstrumentNorms.class, "norms");
    }

    private static List<Object> unGge2015() {
        return TestNormCatalog.unGge2015Events();
    }

    private static List<Object> unGge2015And(Object... more) {
        List<Object> events = new ArrayList<>(unGge2015());
        events.addAll(List.of(more));
        return events;
    }

    // ---- CreateInstrument ----

    @Test
    void createsUnGge2015WithElevenNormsInForceFromTheReportDate() {
        List<String> codes = List.of("13a", "13b", "13c", "13d", "13e", "13f", "13g", "13h", "13i", "13j", "13k");
        List<NormText> texts = UnGge2015.norms();
        assertThat(texts).extracting(t -> t.norm().value()).containsExactlyElementsOf(codes);

        List<Object> expected = new ArrayList<>();
        expected.add(new InstrumentCreated(UN_GGE, UnGge2015.TITLE, LocalDate.of(2015, 7, 22)));
        for (int i = 0; i < codes.size(); i++) {
            expected.add(new NormAdded(UN_GGE, NormCode.of(codes.get(i)), texts.get(i).title(),
                    texts.get(i).summary(), LocalDate.of(2015, 7, 22)));
        }
        assertThat(expected).hasSize(12);

        fixture.givenNoPriorActivity()
               .when(UnGge2015.createCommand())
               .expectSuccessfulHandlerExecution()
               .expectEvents(expected.toArray());
    }

    @Test
    void createsInstrumentWithStrippedTitlesAndNormsEffectiveOnAdoption() {
        LocalDate adopted = date("2021-05-12");
        fixture.givenNoPriorActivity()
               .when(new CreateInstrument(TEST_INSTRUMENT, "  Test instrument ", adopted,
                       List.of(new NormText(NormCode.of("1"), " First ", "one"),
                               new NormText(NormCode.of("2"), "Second", null))))
               .expectEvents(new InstrumentCreated(TEST_INSTRUMENT, "Test instrument", adopted),
                       new NormAdded(TEST_INSTRUMENT, NormCode.of("1"), "First", "one", adopted),
                       new NormAdded(TEST_INSTRUMENT, NormCode.of("2"), "Second", null, adopted));
    }

    @Test
    void createsInstrumentWithoutNorms() {
        fixture.givenNoPriorActivity()
               .when(new CreateInstrument(TEST_INSTRUMENT, "Empty", TODAY, null))
               .expectEvents(new InstrumentCreated(TEST_INSTRUMENT, "Empty", TODAY));
    }

    @Test
    void rejectsInstrumentAdoptedInTheFuture() {
        fixture.givenNoPriorActivity()
               .when(new CreateInstrument(TEST_INSTRUMENT, "Later", TOMORROW, List.of()))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("adoptedOn", mentioning("future")))
               .expectNoEvents();
    }

    @Test
    void rejectsInstrumentWithoutTitleOrAdoptionDate() {
        fixture.givenNoPriorActivity()
               .when(new CreateInstrument(TEST_INSTRUMENT, " ", null, List.of()))
               .expectException(rejectedOn("title", "adoptedOn"))
               .expectNoEvents();
    }

    @Test
    void rejectsDuplicateNormCodesInCreateInstrument() {
        fixture.givenNoPriorActivity()
               .when(new CreateInstrument(TEST_INSTRUMENT, "Dup", date("2020-01-01"),
                       List.of(new NormText(NormCode.of("13a"), "A", "a"),
                               new NormText(NormCode.of("13b"), "B", "b"),
                               new NormText(NormCode.of("13A"), "A again", "a"))))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("norms[2].norm", mentioning("appears twice")))
               .expectNoEvents();
    }

    @Test
    void rejectsNormWithoutTitleInCreateInstrument() {
        fixture.givenNoPriorActivity()
               .when(new CreateInstrument(TEST_INSTRUMENT, "T", date("2020-01-01"),
                       List.of(new NormText(NormCode.of("13a"), "A", "a"), new NormText(NormCode.of("13b"), "", "b"))))
               .expectException(rejectedOn("norms[1].title"))
               .expectNoEvents();
    }

    @Test
    void rejectsNormWithoutCodeInCreateInstrument() {
        fixture.givenNoPriorActivity()
               .when(new CreateInstrument(TEST_INSTRUMENT, "T", date("2020-01-01"),
                       List.of(new NormText(null, "No code", "s"))))
               .expectException(rejectedOn("norms[0].norm"))
               .expectNoEvents();
    }

    // ---- AddNorm ----

    @Test
    void addsNormWithStrippedTitle() {
        fixture.given(unGge2015())
               .when(new AddNorm(UN_GGE, NormCode.of("13L"), " Twelfth norm ", "summary", date("2021-03-10")))
               .expectEvents(new NormAdded(UN_GGE, NormCode.of("13l"), "Twelfth norm", "summary",
                       date("2021-03-10")));
    }

    @Test
    void addsNormEffectiveOnTheAdoptionDay() {
        fixture.given(unGge2015())
               .when(new AddNorm(UN_GGE, NormCode.of("13l"), "L", null, date("2015-07-22")))
               .expectEvents(new NormAdded(UN_GGE, NormCode.of("13l"), "L", null, date("2015-07-22")));
    }

    @Test
    void rejectsAddedNormEffectiveBeforeAdoption() {
        fixture.given(unGge2015())
               .when(new AddNorm(UN_GGE, NormCode.of("13l"), "L", null, date("2015-07-21")))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("effectiveOn", mentioning("adoption")))
               .expectNoEvents();
    }

    @Test
    void rejectsAddedNormEffectiveInTheFuture() {
        fixture.given(unGge2015())
               .when(new AddNorm(UN_GGE, NormCode.of("13l"), "L", null, TOMORROW))
               .expectException(rejectedOn("effectiveOn", mentioning("future")))
               .expectNoEvents();
    }

    @Test
    void acceptsAddedNormEffectiveToday() {
        fixture.given(unGge2015())
               .when(new AddNorm(UN_GGE, NormCode.of("13l"), "L", null, TODAY))
               .expectEvents(new NormAdded(UN_GGE, NormCode.of("13l"), "L", null, TODAY));
    }

    @Test
    void forbidsAddingAnExistingNormCode() {
        fixture.given(unGge2015())
               .when(new AddNorm(UN_GGE, NormCode.of("13F"), "Again", null, date("2020-01-01")))
               .expectException(TransitionForbiddenException.class)
               .expectException(forbiddenWhile("EXISTS"))
               .expectNoEvents();
    }

    @Test
    void rejectsAddedNormWithoutCode() {
        fixture.given(unGge2015())
               .when(new AddNorm(UN_GGE, null, "No code", null, date("2020-01-01")))
               .expectException(rejectedOn("norm"))
               .expectNoEvents();
    }

    // ---- ReviseNorm ----

    @Test
    void revisesNormWithStrippedTitle() {
        fixture.given(unGge2015())
               .when(new ReviseNorm(UN_GGE, N13F, " Critical infrastructure ", "new summary", date("2021-03-10")))
               .expectEvents(new NormRevised(UN_GGE, N13F, "Critical infrastructure", "new summary",
                       date("2021-03-10")));
    }

    @Test
    void revisesNormOnTheDayOfItsLastWording() {
        fixture.given(unGge2015And(new NormRevised(UN_GGE, N13F, "T", "S", date("2021-03-10"))))
               .when(new ReviseNorm(UN_GGE, N13F, "T2", "S2", date("2021-03-10")))
               .expectEvents(new NormRevised(UN_GGE, N13F, "T2", "S2", date("2021-03-10")));
    }

    @Test
    void rejectsRevisionDatedBeforeTheNormTookEffect() {
        fixture.given(unGge2015())
               .when(new ReviseNorm(UN_GGE, N13F, "T", "S", date("2015-07-21")))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("revisedOn", mentioning("last wording")))
               .expectNoEvents();
    }

    @Test
    void rejectsRevisionDatedBeforeTheLastRevision() {
        fixture.given(unGge2015And(new NormRevised(UN_GGE, N13F, "T", "S", date("2021-03-10"))))
               .when(new ReviseNorm(UN_GGE, N13F, "T2", "S2", date("2021-03-09")))
               .expectException(rejectedOn("revisedOn", mentioning("2021-03-10")))
               .expectNoEvents();
    }

    @Test
    void rejectsRevisionInTheFuture() {
        fixture.given(unGge2015())
               .when(new ReviseNorm(UN_GGE, N13F, "T", "S", TOMORROW))
               .expectException(rejectedOn("revisedOn", mentioning("future")))
               .expectNoEvents();
    }

    @Test
    void rejectsRevisionOfUnknownNorm() {
        fixture.given(unGge2015())
               .when(new ReviseNorm(UN_GGE, NormCode.of("13z"), "T", "S", date("2021-03-10")))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("norm", mentioning("not part of the instrument")))
               .expectNoEvents();
    }

    @Test
    void forbidsRevisingARetiredNorm() {
        fixture.given(unGge2015And(new NormRetired(UN_GGE, N13K, date("2020-01-01"))))
               .when(new ReviseNorm(UN_GGE, N13K, "T", "S", date("2021-01-01")))
               .expectException(TransitionForbiddenException.class)
               .expectException(forbiddenWhile("RETIRED"))
               .expectNoEvents();
    }

    // ---- RetireNorm ----

    @Test
    void retiresNorm() {
        fixture.given(unGge2015())
               .when(new RetireNorm(UN_GGE, N13K, date("2020-01-01")))
               .expectEvents(new NormRetired(UN_GGE, N13K, date("2020-01-01")));
    }

    @Test
    void rejectsRetirementDatedBeforeTheLastWording() {
        fixture.given(unGge2015And(new NormRevised(UN_GGE, N13K, "T", "S", date("2021-03-10"))))
               .when(new RetireNorm(UN_GGE, N13K, date("2021-03-01")))
               .expectException(FactRejectedException.class)
               .expectException(rejectedOn("retiredOn", mentioning("last wording")))
               .expectNoEvents();
    }

    @Test
    void rejectsRetirementBeforeTheNormTookEffect() {
        fixture.given(unGge2015())
               .when(new RetireNorm(UN_GGE, N13K, date("2015-07-21")))
               .expectException(rejectedOn("retiredOn"))
               .expectNoEvents();
    }

    @Test
    void rejectsRetirementInTheFuture() {
        fixture.given(unGge2015())
               .when(new RetireNorm(UN_GGE, N13K, TOMORROW))
               .expectException(rejectedOn("retiredOn", mentioning("future")))
               .expectNoEvents();
    }

    @Test
    void rejectsRetirementOfUnknownNorm() {
        fixture.given(unGge2015())
               .when(new RetireNorm(UN_GGE, NormCode.of("13z"), date("2020-01-01")))
               .expectException(rejectedOn("norm"))
               .expectNoEvents();
    }

    @Test
    void forbidsRetiringARetiredNorm() {
        fixture.given(unGge2015And(new NormRetired(UN_GGE, N13K, date("2020-01-01"))))
               .when(new RetireNorm(UN_GGE, N13K, date("2021-01-01")))
               .expectException(TransitionForbiddenException.class)
               .expectException(forbiddenWhile("RETIRED"))
               .expectExceptionMessage("norm '13k' was already retired on 2020-01-01")
               .expectNoEvents();
    }
}
