package org.cybernorms.compliance.testsupport;

import org.cybernorms.compliance.assistance.PartyDirectory;
import org.cybernorms.compliance.assistance.api.OrganisationId;
import org.cybernorms.compliance.assistance.api.Party;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/** A {@link PartyDirectory} for tests that knows two organisations, {@link #ITU} and {@link #OAS}. */
public final class TestPartyDirectory implements PartyDirectory {

    /** Registered on {@link #ITU_REGISTERED_ON}. */
    public static final Party.Organisation ITU = Party.organisation(OrganisationId.of("itu"));
    public static final LocalDate ITU_REGISTERED_ON = LocalDate.of(2010, 1, 1);
    /** Registered on {@link #OAS_REGISTERED_ON}. */
    public static final Party.Organisation OAS = Party.organisation(OrganisationId.of("oas"));
    public static final LocalDate OAS_REGISTERED_ON = LocalDate.of(2022, 6, 1);
    /** Never registered. */
    public static final Party.Organisation UNKNOWN = Party.organisation(OrganisationId.of("nobody"));

    private final Map<OrganisationId, LocalDate> registered =
            Map.of(ITU.id(), ITU_REGISTERED_ON, OAS.id(), OAS_REGISTERED_ON);

    @Override
    public Optional<LocalDate> registeredOn(OrganisationId organisation) {
        return Optional.ofNullable(registered.get(organisation));
    }
}
