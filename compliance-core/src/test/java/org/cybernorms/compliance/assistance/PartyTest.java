package org.cybernorms.compliance.assistance;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.cybernorms.compliance.assistance.api.OrganisationId;
import org.cybernorms.compliance.assistance.api.Party;
import org.cybernorms.compliance.shared.StateCode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** A party is written as one plain string: "FRA" for a state, "org:itu" for an organisation. */
class PartyTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void readsAStateCodeAsAStateInUpperCase() {
        Party party = Party.of("ken");

        assertThat(party).isEqualTo(Party.state(StateCode.of("KEN")));
        assertThat(party.value()).isEqualTo("KEN");
        assertThat(party.isState(StateCode.of("KEN"))).isTrue();
    }

    @Test
    void readsAnOrganisationAfterItsPrefixInLowerCase() {
        Party party = Party.of("ORG:ITU");

        assertThat(party).isEqualTo(Party.organisation(OrganisationId.of("itu")));
        assertThat(party.value()).isEqualTo("org:itu");
        assertThat(party.toString()).isEqualTo("org:itu");
        assertThat(party.isState(StateCode.of("KEN"))).isFalse();
    }

    @Test
    void refusesWhatIsNeitherAnAssignedStateNorAWellFormedOrganisation() {
        assertThatIllegalArgumentException().isThrownBy(() -> Party.of("XXX")).withMessageContaining("org:<id>");
        assertThatIllegalArgumentException().isThrownBy(() -> Party.of("org:"));
        assertThatIllegalArgumentException().isThrownBy(() -> Party.of("org:not valid"));
        assertThatIllegalArgumentException().isThrownBy(() -> Party.of("un:itu")).withMessageContaining("not a party");
        assertThatIllegalArgumentException().isThrownBy(() -> Party.of(null));
    }

    @Test
    void anOrganisationPartyFitsTheSixtyFourCharactersOfACode() {
        String longest = "a".repeat(60);

        assertThat(Party.of("org:" + longest).value()).hasSize(64);
        assertThatIllegalArgumentException().isThrownBy(() -> Party.of("org:" + longest + "a"))
                .withMessageContaining("1 to 60");
    }

    @Test
    void ordersStatesBeforeOrganisationsEachByCode() {
        List<Party> parties = new ArrayList<>(List.of(Party.of("org:au"), Party.of("KEN"), Party.of("org:abc"),
                Party.of("EST")));
        Collections.sort(parties);

        assertThat(parties).extracting(Party::value).containsExactly("EST", "KEN", "org:abc", "org:au");
    }

    @Test
    void serialisesAsAPlainStringAndReadsBack() throws Exception {
        assertThat(json.writeValueAsString(Party.of("KEN"))).isEqualTo("\"KEN\"");
        assertThat(json.writeValueAsString(Party.of("org:itu"))).isEqualTo("\"org:itu\"");
        assertThat(json.readValue("\"org:itu\"", Party.class)).isEqualTo(Party.of("org:itu"));
        assertThat(json.readValue("\"gha\"", Party.class)).isEqualTo(Party.of("GHA"));
    }
}
