package org.cybernorms.compliance.runtime.commands;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.cybernorms.compliance.assistance.api.OrganisationCommands.RegisterOrganisation;
import org.cybernorms.compliance.assistance.api.OrganisationId;
import org.cybernorms.compliance.instrument.UnGge2015;
import org.cybernorms.compliance.instrument.api.InstrumentCommands.RetireNorm;
import org.cybernorms.compliance.participation.api.ParticipationCommands.PledgeNorm;
import org.cybernorms.compliance.participation.api.PledgeId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CommandBusConfigurationTest {

    @Test
    void commandsToTheNormCatalogAndToOrganisationsAreNeverGrouped() {
        assertThat(CommandBusConfiguration.readBack(GenericCommandMessage.asCommandMessage(
                new RetireNorm(UnGge2015.ID, NormCode.of("13k"), LocalDate.of(2024, 1, 1))))).isTrue();
        assertThat(CommandBusConfiguration.readBack(GenericCommandMessage.asCommandMessage(
                new RegisterOrganisation(OrganisationId.of("ORG-1"), "CERT network", LocalDate.of(2024, 1, 1)))))
                .isTrue();
    }

    @Test
    void commandsThatOnlyReadTheCatalogAreGrouped() {
        assertThat(CommandBusConfiguration.readBack(GenericCommandMessage.asCommandMessage(
                new PledgeNorm(PledgeId.random(), StateCode.of("FRA"), UnGge2015.ID, NormCode.of("13a"),
                        LocalDate.of(2024, 1, 1), "pledge")))).isFalse();
    }
}
