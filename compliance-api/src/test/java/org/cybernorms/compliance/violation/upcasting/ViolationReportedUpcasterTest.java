package org.cybernorms.compliance.violation.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ViolationReportedUpcasterTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void turnsEvidenceAddressesIntoTypedLinksAndKeepsEverythingElse() throws Exception {
        JsonNode revision1 = json.readTree("""
                {"violationId":"3f8163f8-f01b-40c8-ab42-44fd82d8c1ed","state":"ARG","severity":"HIGH",
                 "evidence":["https://example.org/r.pdf","https://example.org/news"],"reportingBody":null}""");

        JsonNode revision2 = ViolationReportedUpcaster.evidenceAsLinks(revision1);

        assertThat(revision2.toString()).isEqualTo("{\"violationId\":\"3f8163f8-f01b-40c8-ab42-44fd82d8c1ed\","
                + "\"state\":\"ARG\",\"severity\":\"HIGH\",\"evidence\":[{\"url\":\"https://example.org/r.pdf\","
                + "\"kind\":\"DOCUMENT\"},{\"url\":\"https://example.org/news\",\"kind\":\"LINK\"}],"
                + "\"reportingBody\":null}");
        assertThat(revision1.get("evidence").get(0).isTextual()).as("the input is not changed").isTrue();
    }

    @Test
    void readsAMissingOrNullListAsNoEvidence() throws Exception {
        assertThat(ViolationReportedUpcaster.evidenceAsLinks(json.readTree("{\"state\":\"ARG\"}")).toString())
                .isEqualTo("{\"state\":\"ARG\",\"evidence\":[]}");
        assertThat(ViolationReportedUpcaster.evidenceAsLinks(json.readTree("{\"evidence\":null}")).toString())
                .isEqualTo("{\"evidence\":[]}");
    }

    @Test
    void upcastsOnlyRevisionOneOfViolationReported() {
        assertThat(ViolationReportedUpcaster.REVISION_1.getName())
                .isEqualTo("org.cybernorms.compliance.violation.api.ViolationEvents$ViolationReported");
        assertThat(ViolationReportedUpcaster.REVISION_2.getRevision()).isEqualTo("2");
    }
}
