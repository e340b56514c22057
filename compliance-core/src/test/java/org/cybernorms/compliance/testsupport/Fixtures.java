package org.cybernorms.compliance.testsupport;

import org.cybernorms.compliance.instrument.NormCatalog;
import org.cybernorms.compliance.instrument.UnGge2015;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.StateCode;
import org.axonframework.test.aggregate.AggregateTestFixture;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Shared constants and fixture set-up for the aggregate tests. */
public final class Fixtures {

    /** The fixed "now" of every test: 2025-06-30 12:00 UTC. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-30T12:00:00Z"), ZoneOffset.UTC);
    public static final LocalDate TODAY = LocalDate.of(2025, 6, 30);
    public static final LocalDate TOMORROW = TODAY.plusDays(1);

    public static final InstrumentId UN_GGE = UnGge2015.ID;
    /** An instrument that the catalog does not know. */
    public static final InstrumentId UNKNOWN_INSTRUMENT = InstrumentId.of("un-oewg-2099");

    public static final StateCode FRA = StateCode.of("FRA");
    public static final StateCode DEU = StateCode.of("DEU");

    private Fixtures() {
    }

    /** A fixture for {@code aggregateType} with the fixed clock and the given catalog as injectable resources. */
    public static <T> AggregateTestFixture<T> fixture(Class<T> aggregateType, NormCatalog catalog) {
        AggregateTestFixture<T> fixture = new AggregateTestFixture<>(aggregateType);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(catalog);
        return fixture;
    }

    public static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
