package org.cybernorms.compliance.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.cybernorms.compliance.commitment.api.CommitmentEvents.CommitmentMade;
import org.cybernorms.compliance.commitment.api.CommitmentId;
import org.cybernorms.compliance.instrument.api.InstrumentEvents.NormAdded;
import org.cybernorms.compliance.participation.api.ParticipationEvents.NormPledged;
import org.cybernorms.compliance.participation.api.PledgeId;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.cybernorms.compliance.violation.api.EvidenceLink;
import org.cybernorms.compliance.violation.api.Severity;
import org.cybernorms.compliance.violation.api.ViolationEvents.ViolationReported;
import org.cybernorms.compliance.violation.api.ViolationId;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Events serialise with flat string ids and ISO dates, and read back equal. */
class JacksonRoundTripTest {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void violationReportedRoundTrips() throws Exception {
        ViolationReported event = new ViolationReported(ViolationId.of("9d3c2b1a-0f1e-4d2c-8b3a-7e6f5d4c3b2a"),
                StateCode.of("fra"), InstrumentId.UN_GGE_2015, NormCode.of("13F"), LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 3, 5), Severity.HIGH, "summary",
                List.of(EvidenceLink.of("https://example.org/a"), EvidenceLink.of("https://example.org/b.pdf")),
                "CERT-EU");

        String json = mapper.writeValueAsString(event);
        JsonNode tree = mapper.readTree(json);

        assertThat(tree.get("violationId").isTextual()).isTrue();
        assertThat(tree.get("violationId").asText()).isEqualTo("9d3c2b1a-0f1e-4d2c-8b3a-7e6f5d4c3b2a");
        assertThat(tree.get("state").asText()).isEqualTo("FRA");
        assertThat(tree.get("instrument").asText()).isEqualTo("un-gge-2015");
        assertThat(tree.get("norm").asText()).isEqualTo("13f");
        assertThat(tree.get("occurredOn").asText()).isEqualTo("2025-03-01");
        assertThat(tree.get("reportedOn").asText()).isEqualTo("2025-03-05");
        assertThat(tree.get("severity").asText()).isEqualTo("HIGH");
        assertThat(json).contains("\"state\":\"FRA\"").contains("\"occurredOn\":\"2025-03-01\"")
                .contains("\"evidence\":[{\"url\":\"https://example.org/a\",\"kind\":\"LINK\"},"
                        + "{\"url\":\"https://example.org/b.pdf\",\"kind\":\"DOCUMENT\"}]");

        assertThat(mapper.readValue(json, ViolationReported.class)).isEqualTo(event);
    }

    @Test
    void commitmentMadeRoundTrips() throws Exception {
        CommitmentMade event = new CommitmentMade(CommitmentId.of("0f8e4a7c-3b2d-4e1f-8a9b-6c5d4e3f2a10"),
                StateCode.of("DEU"), InstrumentId.UN_GGE_2015, NormCode.of("13g"), "description",
                LocalDate.of(2021, 3, 1), LocalDate.of(2023, 3, 1));

        String json = mapper.writeValueAsString(event);
        JsonNode tree = mapper.readTree(json);

        assertThat(tree.get("commitmentId").asText()).isEqualTo("0f8e4a7c-3b2d-4e1f-8a9b-6c5d4e3f2a10");
        assertThat(tree.get("state").isTextual()).isTrue();
        assertThat(json).contains("\"state\":\"DEU\"").contains("\"instrument\":\"un-gge-2015\"")
                .contains("\"norm\":\"13g\"").contains("\"madeOn\":\"2021-03-01\"").contains("\"dueOn\":\"2023-03-01\"");

        assertThat(mapper.readValue(json, CommitmentMade.class)).isEqualTo(event);
    }

    @Test
    void normPledgedAndNormAddedRoundTrip() throws Exception {
        NormPledged pledged = new NormPledged(PledgeId.of("5b0c6f3e-7d6a-4c59-9a51-2f1d0b7e8c11"), StateCode.of("FRA"),
                InstrumentId.UN_GGE_2015, NormCode.of("13f"), LocalDate.of(2020, 5, 5), "statement");
        NormAdded added = new NormAdded(InstrumentId.UN_GGE_2015, NormCode.of("13l"), "title", null,
                LocalDate.of(2021, 3, 10));

        String pledgedJson = mapper.writeValueAsString(pledged);
        String addedJson = mapper.writeValueAsString(added);

        assertThat(pledgedJson).contains("\"pledgeId\":\"5b0c6f3e-7d6a-4c59-9a51-2f1d0b7e8c11\"")
                .contains("\"pledgedOn\":\"2020-05-05\"");
        assertThat(addedJson).contains("\"instrumentId\":\"un-gge-2015\"").contains("\"effectiveOn\":\"2021-03-10\"");
        assertThat(mapper.readValue(pledgedJson, NormPledged.class)).isEqualTo(pledged);
        assertThat(mapper.readValue(addedJson, NormAdded.class)).isEqualTo(added);
    }

    @Test
    void readsLowerCaseStateCodeAndNormalisesIt() throws Exception {
        String json = "{\"commitmentId\":\"0f8e4a7c-3b2d-4e1f-8a9b-6c5d4e3f2a10\",\"state\":\"fra\","
                + "\"instrument\":\"un-gge-2015\",\"norm\":\"13G\",\"description\":\"d\","
                + "\"madeOn\":\"2021-03-01\",\"dueOn\":\"2023-03-01\"}";

        CommitmentMade event = mapper.readValue(json, CommitmentMade.class);

        assertThat(event.state()).isEqualTo(StateCode.of("FRA"));
        assertThat(event.norm()).isEqualTo(NormCode.of("13g"));
        assertThat(event.madeOn()).isEqualTo(LocalDate.of(2021, 3, 1));
    }
}
