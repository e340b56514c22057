package org.cybernorms.compliance.importing.eurepoc;

import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.violation.api.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented norm and severity mappings (docs/import-eurepoc.md). */
class EurepocMappingTest {

    @Test
    void criticalInfrastructureReceiversGiveNorm13f() {
        EurepocIncident incident = incident(List.of("State institutions / political system", "Critical infrastructure"),
                List.of("Energy"), List.of("Human rights"), List.of("Supply Chain Compromise"));

        assertThat(NormMapping.choose(incident).norm()).isEqualTo(NormCode.of("13f"));
    }

    @Test
    void humanRightsBreachesGiveNorm13e() {
        EurepocIncident incident = incident(List.of("Media"), List.of(), List.of("Human rights", "Sovereignty"),
                List.of());

        assertThat(NormMapping.choose(incident).norm()).isEqualTo(NormCode.of("13e"));
    }

    @Test
    void activistsAndDissidentsAsReceiversGiveNorm13e() {
        assertThat(NormMapping.choose(incident(List.of("Social groups"),
                List.of("Advocacy / activists (e.g. human rights organizations)"), List.of(), List.of())).norm())
                .isEqualTo(NormCode.of("13e"));
        assertThat(NormMapping.choose(incident(List.of("Social groups"),
                List.of("Political opposition / dissidents / expats"), List.of(), List.of())).norm())
                .isEqualTo(NormCode.of("13e"));
    }

    @Test
    void supplyChainCompromiseGivesNorm13i() {
        EurepocIncident incident = incident(List.of("Corporate Targets"), List.of(), List.of("Sovereignty"),
                List.of("Supply Chain Compromise"));

        assertThat(NormMapping.choose(incident).norm()).isEqualTo(NormCode.of("13i"));
    }

    @Test
    void anythingElseGivesNorm13a() {
        EurepocIncident incident = incident(List.of("State institutions / political system"),
                List.of("Government / ministries"), List.of("Cyber espionage", "Sovereignty"), List.of("Phishing"));

        NormMapping.Choice choice = NormMapping.choose(incident);

        assertThat(choice.norm()).isEqualTo(NormCode.of("13a"));
        assertThat(choice.rule()).isEqualTo("no more specific norm applies");
    }

    @ParameterizedTest(name = "weighted_cyber_intensity {0} -> {1}")
    @CsvSource(value = {"0.0,LOW", "1.0,LOW", "1.99,LOW", "2.0,MEDIUM", "3.0,MEDIUM", "3.5,MEDIUM", "4.0,HIGH",
            "5.0,HIGH", "5.99,HIGH", "6.0,CRITICAL", "7.0,CRITICAL", "10.0,CRITICAL", "' 4 ',HIGH", "'',LOW",
            "Not available,LOW", "-1,LOW"})
    void severityFollowsTheIntensityThresholds(String intensity, Severity severity) {
        assertThat(SeverityMapping.of(intensity)).isEqualTo(severity);
    }

    @Test
    void aMissingIntensityIsLow() {
        assertThat(SeverityMapping.of(null)).isEqualTo(Severity.LOW);
    }

    static EurepocIncident incident(List<String> receivers, List<String> subcategories, List<String> breaches,
                                    List<String> initialAccess) {
        return new EurepocIncident(1, "1", "n", "d", "2020-01-01", receivers, subcategories,
                List.of("Russia"), List.of("State"), List.of(), List.of(), breaches, initialAccess, "1.0", List.of());
    }
}
