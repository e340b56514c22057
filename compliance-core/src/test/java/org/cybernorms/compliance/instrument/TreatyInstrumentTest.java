package org.cybernorms.compliance.instrument;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.cybernorms.compliance.instrument.api.InstrumentCommands.CreateInstrument;
import org.cybernorms.compliance.instrument.api.InstrumentCommands.NormText;
import org.cybernorms.compliance.instrument.api.InstrumentEvents.InstrumentCreated;
import org.cybernorms.compliance.instrument.api.InstrumentEvents.NormAdded;
import org.cybernorms.compliance.instrument.api.InstrumentEvents.TreatyTermsAdopted;
import org.cybernorms.compliance.instrument.api.InstrumentKind;
import org.cybernorms.compliance.instrument.api.TreatyTerms;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cybernorms.compliance.testsupport.Fixtures.CLOCK;
import static org.cybernorms.compliance.testsupport.Fixtures.date;
import static org.cybernorms.compliance.testsupport.Rejections.mentioning;
import static org.cybernorms.compliance.testsupport.Rejections.rejectedOn;

/** Creating a treaty, and what an instrument recorded before treaties existed still means. */
class TreatyInstrumentTest {

    private static final InstrumentId TREATY = InstrumentId.of("draft-binding-2025");
    private static final TreatyTerms TERMS = new TreatyTerms(3, 90, 30, 365, false, false);
    private static final List<NormText> NORMS = List.of(
            new NormText(NormCode.of("art1"), "Cooperation against criminal use", null));

    private AggregateTestFixture<Instrument> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Instrument.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerIgnoredField(InstrumentNorms.class, "norms");
    }

    private static CreateInstrument treaty(TreatyTerms terms) {
        return new CreateInstrument(TREATY, "Draft binding", date("2025-01-01"), NORMS, InstrumentKind.TREATY, terms);
    }

    @Test
    void createsATreatyWithItsTermsBeforeItsProvisions() {
        fixture.givenNoPriorActivity()
               .when(treaty(TERMS))
               .expectEvents(new InstrumentCreated(TREATY, "Draft binding", date("2025-01-01")),
                       new TreatyTermsAdopted(TREATY, TERMS),
                       new NormAdded(TREATY, NormCode.of("art1"), "Cooperation against criminal use", null,
                               date("2025-01-01")));
    }

    @Test
    void createsAPoliticalInstrumentWithoutTerms() {
        fixture.givenNoPriorActivity()
               .when(new CreateInstrument(TREATY, "Draft", date("2025-01-01"), List.of(), InstrumentKind.POLITICAL,
                       null))
               .expectEvents(new InstrumentCreated(TREATY, "Draft", date("2025-01-01")));
    }

    @Test
    void rejectsNegativeDaysNamingEachField() {
        fixture.givenNoPriorActivity()
               .when(treaty(new TreatyTerms(0, -1, -2, -3, false, false)))
               .expectException(rejectedOn("consentsRequired", "daysAfterThreshold", "daysAfterLaterConsent",
                       "denunciationTakesEffectAfterDays"))
               .expectNoEvents();
    }

    @Test
    void rejectsATreatyWithoutTerms() {
        fixture.givenNoPriorActivity()
               .when(treaty(null))
               .expectException(rejectedOn("consentsRequired", mentioning("required")))
               .expectNoEvents();
    }

    @Test
    void rejectsTermsOnAPoliticalInstrument() {
        fixture.givenNoPriorActivity()
               .when(new CreateInstrument(TREATY, "Draft", date("2025-01-01"), List.of(), InstrumentKind.POLITICAL,
                       TERMS))
               .expectException(rejectedOn("kind"))
               .expectNoEvents();
    }

    @Test
    void rejectsCountingOrganisationsThatTheTreatyDoesNotAdmit() {
        fixture.givenNoPriorActivity()
               .when(treaty(new TreatyTerms(3, 90, 30, 365, false, true)))
               .expectException(rejectedOn("organisationsCount"))
               .expectNoEvents();
    }

    @Test
    void foldsTheTermsIntoTheInstrument() {
        InstrumentNorms norms = new InstrumentNorms(TREATY)
                .apply(new InstrumentCreated(TREATY, "Draft binding", date("2025-01-01")))
                .apply(new TreatyTermsAdopted(TREATY, TERMS));
        assertThat(norms.kind()).isEqualTo(InstrumentKind.TREATY);
        assertThat(norms.treatyTerms()).contains(TERMS);
    }

    @Test
    void listsProvisionsInNaturalOrder() {
        InstrumentNorms norms = new InstrumentNorms(TREATY)
                .apply(new InstrumentCreated(TREATY, "Draft binding", date("2025-01-01")));
        for (String code : List.of("art10", "art2", "art1")) {
            norms.apply(new NormAdded(TREATY, NormCode.of(code), code, null, date("2025-01-01")));
        }
        assertThat(norms.norms()).extracting(n -> n.code().value()).containsExactly("art1", "art2", "art10");
    }

    /** An InstrumentCreated stored before treaties existed (the seed of un-gge-2015, as exported) is political. */
    @Test
    void readsAStoredInstrumentCreatedAsPolitical() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        InstrumentCreated stored = json.readValue("""
                {"instrumentId":"un-gge-2015","title":"UN GGE 2015 report (A/70/174): norms of responsible state \
                behaviour in the use of ICTs","adoptedOn":"2015-07-22"}""", InstrumentCreated.class);

        InstrumentNorms norms = new InstrumentNorms(stored.instrumentId()).apply(stored);

        assertThat(stored.adoptedOn()).isEqualTo(date("2015-07-22"));
        assertThat(norms.kind()).isEqualTo(InstrumentKind.POLITICAL);
        assertThat(norms.treatyTerms()).isEmpty();
    }

    @Test
    void roundTripsTheTermsEvent() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        TreatyTermsAdopted event = new TreatyTermsAdopted(TREATY, TERMS);
        String text = json.writeValueAsString(event);
        assertThat(text).doesNotContain("terms\"");
        assertThat(json.readValue(text, TreatyTermsAdopted.class)).isEqualTo(event);
    }
}
