package org.cybernorms.compliance.instrument;

import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.testsupport.TestNormCatalog;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The test catalog answers as the rules require: unknown instrument, unknown norm, not yet in force, retired. */
class InstrumentNormsTest {

    private final NormCatalog plain = TestNormCatalog.unGge2015();
    private final NormCatalog retired = TestNormCatalog.unGge2015With13kRetired();

    @Test
    void normIsInForceFromTheReportDate() {
        assertThat(plain.standing(UnGge2015.ID, NormCode.of("13a"), LocalDate.of(2015, 7, 22)))
                .isEqualTo(NormStanding.IN_FORCE);
        assertThat(plain.standing(UnGge2015.ID, NormCode.of("13a"), LocalDate.of(2015, 7, 21)))
                .isEqualTo(NormStanding.NOT_YET_IN_FORCE);
    }

    @Test
    void unknownNormAndInstrumentAreReported() {
        assertThat(plain.standing(UnGge2015.ID, NormCode.of("13z"), LocalDate.of(2020, 1, 1)))
                .isEqualTo(NormStanding.UNKNOWN_NORM);
        assertThat(plain.standing(InstrumentId.of("other"), NormCode.of("13a"), LocalDate.of(2020, 1, 1)))
                .isEqualTo(NormStanding.UNKNOWN_INSTRUMENT);
        assertThat(plain.adoptedOn(InstrumentId.of("other"))).isEmpty();
        assertThat(plain.adoptedOn(UnGge2015.ID)).contains(LocalDate.of(2015, 7, 22));
    }

    @Test
    void retiredNormIsOutOfForceFromItsRetirementDate() {
        assertThat(retired.standing(UnGge2015.ID, NormCode.of("13k"), LocalDate.of(2019, 12, 31)))
                .isEqualTo(NormStanding.IN_FORCE);
        assertThat(retired.standing(UnGge2015.ID, NormCode.of("13k"), LocalDate.of(2020, 1, 1)))
                .isEqualTo(NormStanding.RETIRED);
        assertThat(plain.standing(UnGge2015.ID, NormCode.of("13k"), LocalDate.of(2020, 1, 1)))
                .isEqualTo(NormStanding.IN_FORCE);
    }
}
