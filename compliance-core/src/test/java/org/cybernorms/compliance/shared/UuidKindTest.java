package org.cybernorms.compliance.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.cybernorms.compliance.commitment.api.CommitmentId;
import org.cybernorms.compliance.violation.api.ViolationId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every UUID identifier of records does, through one of them: kept canonical, parsed safely, JSON as text. */
class UuidKindTest {

    private static final String ID = "0f8e4a7c-3b2d-4e1f-8a9b-6c5d4e3f2a10";

    @Test
    void keepsTheCanonicalLowerCaseForm() {
        assertThat(CommitmentId.of(ID.toUpperCase()).value()).isEqualTo(ID);
        assertThat(CommitmentId.of(ID)).isEqualTo(CommitmentId.of(ID.toUpperCase()));
        assertThat(CommitmentId.of(ID)).hasToString(ID);
    }

    @Test
    void refusesAMissingOrMalformedIdNamingItsKind() {
        assertThatThrownBy(() -> CommitmentId.of(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("commitment id is required");
        assertThatThrownBy(() -> ViolationId.of(null)).hasMessage("violation report id is required");
        assertThatThrownBy(() -> CommitmentId.of("not-a-uuid")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesAnIdFromAPathOrAnswersEmptyNeverThrows() {
        assertThat(CommitmentId.parse(ID.toUpperCase())).contains(CommitmentId.of(ID));
        assertThat(CommitmentId.parse(null)).isEmpty();
        assertThat(CommitmentId.parse("1-2-3-4-5")).isEmpty();
        assertThat(CommitmentId.parse("zf8e4a7c-3b2d-4e1f-8a9b-6c5d4e3f2a10")).isEmpty();
        assertThat(CommitmentId.parse(ID + "0")).isEmpty();
    }

    @Test
    void drawsDistinctCanonicalIds() {
        CommitmentId one = CommitmentId.random();

        assertThat(one).isNotEqualTo(CommitmentId.random());
        assertThat(CommitmentId.parse(one.value())).contains(one);
    }

    @Test
    void isWrittenAndReadInJsonAsItsText() throws Exception {
        ObjectMapper json = new ObjectMapper();

        assertThat(json.writeValueAsString(CommitmentId.of(ID))).isEqualTo("\"" + ID + "\"");
        assertThat(json.readValue("\"" + ID + "\"", CommitmentId.class)).isEqualTo(CommitmentId.of(ID));
    }
}
