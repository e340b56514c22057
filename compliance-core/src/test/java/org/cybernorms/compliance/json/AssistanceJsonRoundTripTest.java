package org.cybernorms.compliance.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.cybernorms.compliance.assistance.api.AssistanceArea;
import org.cybernorms.compliance.assistance.api.AssistanceEvents.AssistanceDelivered;
import org.cybernorms.compliance.assistance.api.AssistanceEvents.AssistanceOffered;
import org.cybernorms.compliance.assistance.api.AssistanceEvents.AssistanceRequested;
import org.cybernorms.compliance.assistance.api.AssistanceRequestId;
import org.cybernorms.compliance.assistance.api.OfferId;
import org.cybernorms.compliance.assistance.api.OfferTerms;
import org.cybernorms.compliance.assistance.api.OrganisationEvents.OrganisationRegistered;
import org.cybernorms.compliance.assistance.api.OrganisationId;
import org.cybernorms.compliance.assistance.api.Party;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Assistance events serialise with parties as plain strings ("KEN", "org:itu") and read back equal. */
class AssistanceJsonRoundTripTest {

    private static final AssistanceRequestId REQUEST = AssistanceRequestId.of("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    private static final OfferId OFFER = OfferId.of("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void requestAddressedToAnOrganisationRoundTrips() throws Exception {
        AssistanceRequested event = new AssistanceRequested(REQUEST, StateCode.of("KEN"), Party.of("org:itu"),
                InstrumentId.UN_GGE_2015, NormCode.of("13h"), AssistanceArea.INCIDENT_RESPONSE_TEAMS,
                "Help to set up a national CERT", LocalDate.of(2023, 2, 1));

        String json = mapper.writeValueAsString(event);
        JsonNode tree = mapper.readTree(json);

        assertThat(tree.get("requester").asText()).isEqualTo("KEN");
        assertThat(tree.get("addressee").asText()).isEqualTo("org:itu");
        assertThat(tree.get("area").asText()).isEqualTo("INCIDENT_RESPONSE_TEAMS");
        assertThat(tree.get("requestedOn").asText()).isEqualTo("2023-02-01");
        assertThat(tree.has("validOn")).isFalse();
        assertThat(mapper.readValue(json, AssistanceRequested.class)).isEqualTo(event);
    }

    @Test
    void requestOpenToAllRoundTripsWithoutAddressee() throws Exception {
        AssistanceRequested event = new AssistanceRequested(REQUEST, StateCode.of("KEN"), null,
                InstrumentId.UN_GGE_2015, NormCode.of("13h"), AssistanceArea.OTHER, "d", LocalDate.of(2023, 2, 1));

        String json = mapper.writeValueAsString(event);

        assertThat(mapper.readValue(json, AssistanceRequested.class)).isEqualTo(event);
        assertThat(mapper.readValue(json.replace(",\"addressee\":null", ""), AssistanceRequested.class))
                .isEqualTo(event);
    }

    @Test
    void offerAndDeliveryByAStateRoundTrip() throws Exception {
        AssistanceOffered offered = new AssistanceOffered(REQUEST, StateCode.of("KEN"), OFFER, Party.of("GHA"),
                OfferTerms.CONDITIONAL, "Staff must attend training in Accra", LocalDate.of(2023, 3, 1));
        AssistanceDelivered delivered = new AssistanceDelivered(REQUEST, StateCode.of("KEN"), OFFER,
                Party.of("GHA"), 2, LocalDate.of(2023, 5, 1), "Second training week", "Attendance list");

        String offeredJson = mapper.writeValueAsString(offered);
        String deliveredJson = mapper.writeValueAsString(delivered);

        assertThat(offeredJson).contains("\"offeror\":\"GHA\"").contains("\"terms\":\"CONDITIONAL\"");
        assertThat(deliveredJson).contains("\"part\":2").contains("\"offerId\":\"" + OFFER + "\"");
        assertThat(mapper.readValue(offeredJson, AssistanceOffered.class)).isEqualTo(offered);
        assertThat(mapper.readValue(deliveredJson, AssistanceDelivered.class)).isEqualTo(delivered);
    }

    @Test
    void organisationRegisteredRoundTrips() throws Exception {
        OrganisationRegistered event = new OrganisationRegistered(OrganisationId.of("itu"),
                "International Telecommunication Union", LocalDate.of(1865, 5, 17));

        String json = mapper.writeValueAsString(event);

        assertThat(json).contains("\"organisationId\":\"itu\"").contains("\"registeredOn\":\"1865-05-17\"");
        assertThat(mapper.readValue(json, OrganisationRegistered.class)).isEqualTo(event);
    }
}
