package org.cybernorms.compliance.assistance.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.cybernorms.compliance.assistance.api.AssistanceArea;
import org.cybernorms.compliance.assistance.api.AssistanceEvents.AssistanceRequested;
import org.cybernorms.compliance.assistance.api.AssistanceRequestId;
import org.cybernorms.compliance.assistance.api.Party;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.cybernorms.compliance.support.Api;
import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code TECHNOLOGY_TRANSFER} was added to {@link AssistanceArea} after requests were stored: an area is stored by
 * its constant, so the addition is additive. A request stored before it still reads through the application's own
 * event serializer, one with the new area reads too, and the API records and shows it.
 */
class AssistanceAreaHttpTest extends EmbeddedStoreTest {

    private static final SimpleSerializedType REQUESTED_REVISION_1 =
            new SimpleSerializedType(AssistanceRequested.class.getName(), "1");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An {@code AssistanceRequested} payload as the event store held it before the area was added. */
    private static final String STORED_BEFORE = """
            {"requestId":"7c9e6679-7425-40de-944b-e07fc1f90ae7","requester":"KEN","addressee":"org:itu",\
            "instrument":"un-gge-2015","norm":"13h","area":"INCIDENT_RESPONSE_TEAMS",\
            "description":"Help to set up and train a national CERT","requestedOn":"2023-01-10"}""";

    /** The same shape with the new area, open to all (no addressee stored). */
    private static final String STORED_WITH_THE_NEW_AREA = """
            {"requestId":"0b7f3a52-6f0e-4a8b-9d7c-2e5f1a4b6c8d","requester":"BTN","instrument":"un-gge-2015",\
            "norm":"13h","area":"TECHNOLOGY_TRANSFER","description":"Licences and training for a malware lab",\
            "requestedOn":"2024-05-02"}""";

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer eventSerializer;

    @Test
    void aRequestStoredBeforeTheNewAreaReadsAsItWasRecorded() throws Exception {
        AssistanceRequested read = stored(STORED_BEFORE);

        assertThat(read).isEqualTo(new AssistanceRequested(
                AssistanceRequestId.of("7c9e6679-7425-40de-944b-e07fc1f90ae7"), StateCode.of("KEN"),
                Party.of("org:itu"), InstrumentId.UN_GGE_2015, NormCode.of("13h"),
                AssistanceArea.INCIDENT_RESPONSE_TEAMS, "Help to set up and train a national CERT",
                LocalDate.of(2023, 1, 10)));
        assertThat(written(read)).as("the stored form is unchanged").isEqualTo(JSON.readTree(STORED_BEFORE));
    }

    @Test
    void aRequestForTechnologyTransferReadsThroughTheEventSerializer() throws Exception {
        AssistanceRequested read = stored(STORED_WITH_THE_NEW_AREA);

        assertThat(read.area()).isEqualTo(AssistanceArea.TECHNOLOGY_TRANSFER);
        assertThat(read.addressee()).isNull();
        assertThat(written(read)).isEqualTo(JSON.readTree(STORED_WITH_THE_NEW_AREA));
    }

    @Test
    void theApiRecordsAndShowsARequestForTechnologyTransfer() {
        Api.Response created = api.post("/api/assistance/requests", AssistanceClient.requestBody("BTN", null, "13h",
                "2024-05-02").replace("INCIDENT_RESPONSE_TEAMS", "TECHNOLOGY_TRANSFER"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);

        Api.Response view = api.get(created.header("Location"));

        assertThat(view.status()).isEqualTo(200);
        assertThat(view.json().get("requester").asText()).isEqualTo("BTN");
        assertThat(view.json().get("area").asText()).isEqualTo("TECHNOLOGY_TRANSFER");
    }

    private AssistanceRequested stored(String payload) {
        return eventSerializer.deserialize(new SimpleSerializedObject<>(payload.getBytes(StandardCharsets.UTF_8),
                byte[].class, REQUESTED_REVISION_1));
    }

    private JsonNode written(AssistanceRequested event) throws Exception {
        byte[] bytes = eventSerializer.serialize(event, byte[].class).getData();
        return JSON.readTree(bytes);
    }
}
