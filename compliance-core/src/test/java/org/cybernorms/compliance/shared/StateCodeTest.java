package org.cybernorms.compliance.shared;

import org.cybernorms.compliance.commitment.api.CommitmentId;
import org.cybernorms.compliance.participation.api.PledgeId;
import org.cybernorms.compliance.violation.api.ViolationId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plain value-object rules: state codes, norm codes, instrument ids and the UUID-based ids. */
class StateCodeTest {

    @Test
    void acceptsAnAssignedAlpha3Code() {
        assertThat(StateCode.of("FRA").value()).isEqualTo("FRA");
    }

    @Test
    void normalisesLowerCaseToUpperCase() {
        assertThat(StateCode.of("fra")).isEqualTo(StateCode.of("FRA"));
        assertThat(StateCode.of(" fra ").value()).isEqualTo("FRA");
        assertThat(StateCode.isAssigned("deu")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"XXX", "FR", "ANT", "FRANCE", "", "F1A"})
    void rejectsCodesThatAreNotAssignedAlpha3Codes(String code) {
        assertThatThrownBy(() -> StateCode.of(code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an assigned ISO 3166-1 alpha-3 code");
        assertThat(StateCode.isAssigned(code)).isFalse();
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> StateCode.of(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a state code is required");
        assertThat(StateCode.isAssigned(null)).isFalse();
    }

    @Test
    void assignedCodesAreTheJdkAlpha3List() {
        assertThat(StateCode.assignedCodes()).contains("FRA", "DEU", "USA", "SSD").doesNotContain("ANT", "XXX");
    }

    @Test
    void normCodeIsLowerCasedAndTrimmed() {
        assertThat(NormCode.of("13F").value()).isEqualTo("13f");
        assertThat(NormCode.of(" 13F ")).isEqualTo(NormCode.of("13f"));
        assertThat(NormCode.of("Art.2-1").value()).isEqualTo("art.2-1");
    }

    @Test
    void normCodeRejectsBadShapes() {
        assertThatThrownBy(() -> NormCode.of(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NormCode.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NormCode.of("13 f")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NormCode.of("abcdefghijklmnopq")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void instrumentIdIsLowerCaseLettersDigitsAndHyphens() {
        assertThat(InstrumentId.of("un-gge-2015")).isEqualTo(InstrumentId.UN_GGE_2015);
        assertThatThrownBy(() -> InstrumentId.of("UN-GGE")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InstrumentId.of("-gge")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InstrumentId.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void uuidIdsParse() {
        String uuid = "0f8e4a7c-3b2d-4e1f-8a9b-6c5d4e3f2a10";
        assertThat(CommitmentId.parse(uuid)).contains(CommitmentId.of(uuid));
        assertThat(CommitmentId.parse(uuid.toUpperCase())).contains(CommitmentId.of(uuid));
        assertThat(ViolationId.parse(uuid)).contains(ViolationId.of(uuid));
        assertThat(PledgeId.parse(uuid)).contains(PledgeId.of(uuid));
        assertThat(CommitmentId.random().value()).hasSize(36);
    }

    @Test
    void uuidIdsRejectWhatIsNotAUuid() {
        assertThat(CommitmentId.parse("not-a-uuid")).isEmpty();
        assertThat(ViolationId.parse(null)).isEmpty();
        assertThat(PledgeId.parse("0f8e4a7c-3b2d-4e1f-8a9b-6c5d4e3f2a1")).isEmpty();
        assertThat(PledgeId.parse("zf8e4a7c-3b2d-4e1f-8a9b-6c5d4e3f2a10")).isEmpty();
        assertThatThrownBy(() -> ViolationId.of("nope")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommitmentId.of(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
