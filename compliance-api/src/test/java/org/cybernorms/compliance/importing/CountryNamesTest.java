package org.cybernorms.compliance.importing;

import org.cybernorms.compliance.shared.StateCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Country names resolve through nv-i18n and the JDK's display names, never through a guess. */
class CountryNamesTest {

    private final CountryNames names = CountryNames.standard();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // ISO 3166 short names, as nv-i18n has them
            "Korea, Democratic People's Republic of|PRK",
            "Korea, Republic of|KOR",
            "Iran, Islamic Republic of|IRN",
            "Czech Republic|CZE",
            "United States|USA",
            "Congo, the Democratic Republic of the|COD",
            // common names, as the JDK's CLDR display names have them
            "Russia|RUS",
            "Syria|SYR",
            "Vietnam|VNM",
            "Taiwan|TWN",
            "United Kingdom|GBR",
            "Czechia|CZE",
            "North Korea|PRK",
            // the part of a library name before its comma, where it names one country only
            "Palestine|PSE",
            "Iran|IRN",
            "Venezuela|VEN",
            "Moldova|MDA",
            // case, accents, apostrophes and spaces do not matter
            "  russia |RUS",
            "KOREA, DEMOCRATIC PEOPLE’S REPUBLIC OF|PRK",
            "Cote d'Ivoire|CIV",
            "Côte d’Ivoire|CIV"})
    void resolvesTheFormsDatasetsUse(String name, String code) {
        assertThat(names.resolve(name)).contains(StateCode.of(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Kosovo", "Asia (region)", "Middle East (region)", "ISIS", "Atlantis", "Unknown",
            "Korea", "Virgin Islands", "Soviet Union", "", " "})
    void leavesUnknownAndAmbiguousNamesUnresolved(String name) {
        assertThat(names.resolve(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Netherlands Antilles", "Yugoslavia", "Burma", "East Timor"})
    void answersOnlyCodesThatAreAssignedToday(String formerName) {
        assertThat(names.resolve(formerName)).isEmpty();
    }
}
