package org.cybernorms.compliance.importing.eurepoc;

import org.cybernorms.compliance.importing.CountryNames;
import org.cybernorms.compliance.importing.Provenance;
import org.cybernorms.compliance.importing.RowOutcome;
import org.cybernorms.compliance.importing.eurepoc.EurepocPlanner.Create;
import org.cybernorms.compliance.importing.eurepoc.EurepocPlanner.PlannedViolation;
import org.cybernorms.compliance.importing.eurepoc.EurepocPlanner.Skip;
import org.cybernorms.compliance.instrument.NormCatalog;
import org.cybernorms.compliance.instrument.NormStanding;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.cybernorms.compliance.violation.api.Severity;
import org.cybernorms.compliance.violation.api.ViolationId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What each kind of incident becomes, decided without recording anything. */
class EurepocPlannerTest {

    /** The UN GGE 2015 norms, in force from 2015-07-22, as the seeded instrument has them. */
    static final NormCatalog UN_GGE_2015 = new NormCatalog() {
        @Override
        public NormStanding standing(InstrumentId instrument, NormCode norm, LocalDate on) {
            if (!instrument.equals(InstrumentId.UN_GGE_2015)) {
                return NormStanding.UNKNOWN_INSTRUMENT;
            }
            if (!norm.value().matches("13[a-k]")) {
                return NormStanding.UNKNOWN_NORM;
            }
            return on.isBefore(LocalDate.of(2015, 7, 22)) ? NormStanding.NOT_YET_IN_FORCE : NormStanding.IN_FORCE;
        }

        @Override
        public Optional<LocalDate> adoptedOn(InstrumentId instrument) {
            return Optional.of(LocalDate.of(2015, 7, 22));
        }
    };

    private final EurepocPlanner planner = new EurepocPlanner(CountryNames.standard(), UN_GGE_2015,
            LocalDate.of(2025, 1, 1));

    @Test
    void aStateAttributionBecomesOneReportWithItsProvenance() {
        Create plan = (Create) planner.plan(incident("Russia", "State", "2022-05-10 00:00:00")
                .withReceivers(List.of("Critical infrastructure")).withIntensity("6.0")
                .withSources(List.of("https://example.org/a", "http://example.net/b\u00a0https://example.net/c"))
                .build());

        assertThat(plan.violations()).hasSize(1);
        PlannedViolation violation = plan.violations().get(0);
        assertThat(violation.state()).isEqualTo(StateCode.of("RUS"));
        assertThat(violation.report().norm()).isEqualTo(NormCode.of("13f"));
        assertThat(violation.report().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(violation.report().instrument()).isEqualTo(InstrumentId.UN_GGE_2015);
        assertThat(violation.report().occurredOn()).isEqualTo(LocalDate.of(2022, 2, 24));
        assertThat(violation.report().reportedOn()).isEqualTo(LocalDate.of(2022, 5, 10));
        assertThat(violation.decidedOn()).isEqualTo(LocalDate.of(2022, 5, 10));
        assertThat(violation.report().reportingBody()).isEqualTo("EuRepoC Global Database 1.1");
        assertThat(violation.report().evidence())
                .containsExactly("https://example.org/a", "http://example.net/b", "https://example.net/c");
        assertThat(violation.report().summary()).isEqualTo("Test incident: an invented incident");
        assertThat(violation.provenance())
                .containsEntry(Provenance.DATASET, "EuRepoC Global Database")
                .containsEntry(Provenance.DATASET_VERSION, "1.1")
                .containsEntry(Provenance.INCIDENT_ID, "4711")
                .containsEntry(Provenance.COUNTRY_NAME, "Russia")
                .containsEntry(Provenance.SOURCE_URLS,
                        List.of("https://example.org/a", "http://example.net/b\u00a0https://example.net/c"));
        assertThat(violation.finding()).contains("Russia (RUS)", "incident 4711");
        assertThat(plan.evidenceLinksDropped()).isZero();
    }

    @Test
    void derivesTheViolationIdFromDatasetVersionIncidentAndState() {
        ViolationId expected = new ViolationId(UUID.nameUUIDFromBytes(
                "EuRepoC Global Database|1.1|4711|RUS".getBytes(StandardCharsets.UTF_8)).toString());

        Create first = (Create) planner.plan(incident("Russia", "State", "").build());
        Create again = (Create) planner.plan(incident("Russia", "State", "").build());

        assertThat(first.violations().get(0).violationId()).isEqualTo(expected);
        assertThat(again.violations().get(0).violationId()).isEqualTo(expected);
        assertThat(EurepocDataset.violationId("4711", StateCode.of("CHN"))).isNotEqualTo(expected);
        assertThat(EurepocDataset.violationId("4712", StateCode.of("RUS"))).isNotEqualTo(expected);
    }

    @Test
    void givesOneReportPerDistinctState() {
        Create plan = (Create) planner.plan(incident("China; Korea, Democratic People's Republic of; China",
                "State; State; State", "2020-06-01; 2020-04-01; 2020-05-01").withStart("2020-01-01").build());

        assertThat(plan.violations()).extracting(PlannedViolation::state)
                .containsExactly(StateCode.of("CHN"), StateCode.of("PRK"));
        // each state's report is dated by its own earliest attribution
        assertThat(plan.violations()).extracting(PlannedViolation::decidedOn)
                .containsExactly(LocalDate.of(2020, 5, 1), LocalDate.of(2020, 4, 1));
    }

    @Test
    void takesOnlyTheStatesOfAttributionsOfCategoryState() {
        Create plan = (Create) planner.plan(incident("Iran, Islamic Republic of; Russia",
                "Non-state actor, state-affiliation suggested; State", "").build());

        assertThat(plan.violations()).extracting(PlannedViolation::state).containsExactly(StateCode.of("RUS"));
    }

    @Test
    void datesTheReportOnTheStartDateWhenTheAttributionIsMissingOrEarlier() {
        PlannedViolation undated = ((Create) planner.plan(incident("Russia", "State", "").build()))
                .violations().get(0);
        PlannedViolation yearOnly = ((Create) planner.plan(incident("Russia", "State", "2022-01-01 00:00:00")
                .build())).violations().get(0);

        assertThat(undated.report().reportedOn()).isEqualTo(LocalDate.of(2022, 2, 24));
        assertThat(yearOnly.report().reportedOn()).isEqualTo(LocalDate.of(2022, 2, 24));
        assertThat(yearOnly.decidedOn()).isEqualTo(LocalDate.of(2022, 2, 24));
    }

    @Test
    void keepsOnlyWebAddressesAsEvidenceAndCountsTheRest() {
        Create plan = (Create) planner.plan(incident("Russia", "State", "")
                .withSources(List.of("https://example.org/a", "not a link", "ftp://example.org/b",
                        "https://example.org/a", "https://example.org/" + "x".repeat(2100)))
                .build());

        assertThat(plan.violations().get(0).report().evidence()).containsExactly("https://example.org/a");
        assertThat(plan.evidenceLinksDropped()).isEqualTo(3);
    }

    @Test
    void keepsAtMostOneHundredLinks() {
        List<String> sources = java.util.stream.IntStream.range(0, 102)
                .mapToObj(i -> "https://example.org/" + i).toList();

        Create plan = (Create) planner.plan(incident("Russia", "State", "").withSources(sources).build());

        assertThat(plan.violations().get(0).report().evidence()).hasSize(100);
        assertThat(plan.evidenceLinksDropped()).isEqualTo(2);
    }

    @Test
    void skipsRowsWithoutAttribution() {
        assertSkip(incident("Unknown", "Unknown - not attributed", ""), RowOutcome.NO_ATTRIBUTION);
        assertSkip(incident("", "", ""), RowOutcome.NO_ATTRIBUTION);
        assertSkip(incident("China; Korea, Republic of", "", ""), RowOutcome.NO_ATTRIBUTION);
    }

    @Test
    void skipsNonStateInitiators() {
        assertSkip(incident("Turkey", "Non-state-group", ""), RowOutcome.NON_STATE_INITIATOR);
        assertSkip(incident("Unknown; Unknown", "Individual hacker(s); Unknown - not attributed", ""),
                RowOutcome.NON_STATE_INITIATOR);
        assertSkip(incident("Iran, Islamic Republic of", "Non-state actor, state-affiliation suggested", ""),
                RowOutcome.STATE_AFFILIATION_ONLY);
    }

    @Test
    void skipsStateAttributionsThatNameNoCountry() {
        assertSkip(incident("Unknown", "State", ""), RowOutcome.NO_STATE_NAMED);
        assertSkip(incident("", "State; Non-state actor, state-affiliation suggested", ""), RowOutcome.NO_STATE_NAMED);
    }

    @Test
    void reportsNamesNoSourceKnowsInsteadOfGuessing() {
        Skip skip = assertSkip(incident("Atlantis; Asia (region)", "State; State", ""), RowOutcome.UNKNOWN_COUNTRY);

        assertThat(skip.unresolvedCountries()).containsExactly("Atlantis", "Asia (region)");

        Create partly = (Create) planner.plan(incident("Russia; Kosovo", "State; State", "").build());
        assertThat(partly.violations()).extracting(PlannedViolation::state).containsExactly(StateCode.of("RUS"));
        assertThat(partly.unresolvedCountries()).containsExactly("Kosovo");
    }

    @Test
    void skipsRowsWithoutAUsableDate() {
        assertSkip(incident("Russia", "State", "").withStart(""), RowOutcome.INVALID_DATE);
        assertSkip(incident("Russia", "State", "").withStart("NaT"), RowOutcome.INVALID_DATE);
        assertSkip(incident("Russia", "State", "").withStart("2022-02-30"), RowOutcome.INVALID_DATE);
        assertSkip(incident("Russia", "State", "").withStart("2025-06-01"), RowOutcome.INVALID_DATE);
        assertSkip(incident("Russia", "State", "2025-06-01"), RowOutcome.INVALID_DATE);
    }

    @Test
    void skipsIncidentsBeforeTheNormWasInForce() {
        Skip skip = assertSkip(incident("Russia", "State", "").withStart("2015-07-21"), RowOutcome.NORM_NOT_IN_FORCE);

        assertThat(skip.detail()).contains("13a", "2015-07-21");
        assertThat(planner.plan(incident("Russia", "State", "").withStart("2015-07-22").build()))
                .isInstanceOf(Create.class);
    }

    @Test
    void pairsNamesWithCategoriesWhenEveryClaimIsAState() {
        Create plan = (Create) planner.plan(incident("China; Russia", "State", "").build());

        assertThat(plan.violations()).extracting(PlannedViolation::state)
                .containsExactly(StateCode.of("CHN"), StateCode.of("RUS"));
        assertSkip(incident("China; Russia", "State; Non-state-group; State", ""), RowOutcome.MALFORMED_ROW);
    }

    @Test
    void skipsUnreadableRows() {
        Skip skip = (Skip) planner.plan(new EurepocRow.Unreadable(3, "9", "the row has no ID"));

        assertThat(skip.reason()).isEqualTo(RowOutcome.MALFORMED_ROW);
    }

    private Skip assertSkip(Builder incident, RowOutcome reason) {
        EurepocPlanner.Plan plan = planner.plan(incident.build());
        assertThat(plan).isInstanceOf(Skip.class);
        assertThat(((Skip) plan).reason()).isEqualTo(reason);
        return (Skip) plan;
    }

    static Builder incident(String countries, String categories, String dates) {
        return new Builder(countries, categories, dates);
    }

    static final class Builder {
        private final String countries;
        private final String categories;
        private final String dates;
        private String start = "2022-02-24";
        private List<String> receivers = List.of("State institutions / political system");
        private String intensity = "1.0";
        private List<String> sources = List.of("https://example.org/eurepoc-test/4711");

        Builder(String countries, String categories, String dates) {
            this.countries = countries;
            this.categories = categories;
            this.dates = dates;
        }

        Builder withStart(String start) {
            this.start = start;
            return this;
        }

        Builder withReceivers(List<String> receivers) {
            this.receivers = receivers;
            return this;
        }

        Builder withIntensity(String intensity) {
            this.intensity = intensity;
            return this;
        }

        Builder withSources(List<String> sources) {
            this.sources = sources;
            return this;
        }

        EurepocIncident build() {
            return new EurepocIncident(1, "4711", "Test incident", "an invented incident", start,
                    receivers, List.of(), Cells.semicolonList(countries),
                    Cells.semicolonList(categories), Cells.semicolonList(dates), List.of(), List.of(), List.of(),
                    intensity, sources);
        }
    }
}
