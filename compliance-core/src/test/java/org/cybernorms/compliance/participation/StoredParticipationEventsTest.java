package org.cybernorms.compliance.participation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.cybernorms.compliance.participation.api.ParticipationCommands.RecordParticipation;
import org.cybernorms.compliance.participation.api.ParticipationEvents.InstrumentAcceded;
import org.cybernorms.compliance.participation.api.ParticipationEvents.InstrumentRatified;
import org.cybernorms.compliance.participation.api.ParticipationEvents.InstrumentSigned;
import org.cybernorms.compliance.participation.api.ParticipationEvents.InstrumentWithdrawnFrom;
import org.cybernorms.compliance.testsupport.TestNormCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cybernorms.compliance.participation.api.ParticipationAction.ACCEDED;
import static org.cybernorms.compliance.participation.api.ParticipationAction.WITHDREW;
import static org.cybernorms.compliance.testsupport.Fixtures.FRA;
import static org.cybernorms.compliance.testsupport.Fixtures.UN_GGE;
import static org.cybernorms.compliance.testsupport.Fixtures.date;
import static org.cybernorms.compliance.testsupport.Fixtures.fixture;

/**
 * Participation events as the store holds them since revision 1 (the payloads below are in the form the Jackson
 * serializer wrote them): they read into the same classes and keep their meaning under the extended rules.
 */
class StoredParticipationEventsTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void readsStoredSignatureRatificationAndWithdrawal() throws Exception {
        InstrumentSigned signed = json.readValue(
                "{\"state\":\"FRA\",\"instrument\":\"un-gge-2015\",\"signedOn\":\"2016-01-10\"}", InstrumentSigned.class);
        InstrumentRatified ratified = json.readValue(
                "{\"state\":\"FRA\",\"instrument\":\"un-gge-2015\",\"ratifiedOn\":\"2016-06-01\"}",
                InstrumentRatified.class);
        InstrumentWithdrawnFrom withdrawn = json.readValue(
                "{\"state\":\"FRA\",\"instrument\":\"un-gge-2015\",\"withdrawnOn\":\"2019-01-01\"}",
                InstrumentWithdrawnFrom.class);

        assertThat(signed).isEqualTo(new InstrumentSigned(FRA, UN_GGE, date("2016-01-10")));
        assertThat(ratified.validOn()).isEqualTo(date("2016-06-01"));

        // a stored withdrawal from a political instrument still lets the state accede again
        fixture(Participation.class, TestNormCatalog.unGge2015())
                .given(signed, ratified, withdrawn)
                .when(new RecordParticipation(FRA, UN_GGE, ACCEDED, date("2021-01-01")))
                .expectEvents(new InstrumentAcceded(FRA, UN_GGE, date("2021-01-01")));
    }

    @Test
    void aStoredAccessionIsStillAPartyThatMayWithdraw() throws Exception {
        InstrumentAcceded acceded = json.readValue(
                "{\"state\":\"FRA\",\"instrument\":\"un-gge-2015\",\"accededOn\":\"2017-03-03\"}",
                InstrumentAcceded.class);
        fixture(Participation.class, TestNormCatalog.unGge2015())
                .given(acceded)
                .when(new RecordParticipation(FRA, UN_GGE, WITHDREW, date("2020-02-02")))
                .expectEvents(new InstrumentWithdrawnFrom(FRA, UN_GGE, date("2020-02-02")));
    }
}
