package org.cybernorms.compliance.treaty;

import org.cybernorms.compliance.instrument.api.TreatyTerms;
import org.cybernorms.compliance.treaty.ParticipationStep.Kind;
import org.cybernorms.compliance.treaty.TreatyStatus.ParticipantStanding;
import org.cybernorms.compliance.treaty.TreatyStatus.Standing;
import org.cybernorms.compliance.treaty.TreatyStatus.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked example of draft-binding-2025 and the edge cases of the rule, as tables. */
class TreatyStatusTest {

    private static final TreatyTerms TERMS = new TreatyTerms(3, 90, 30, 365, true, false);
    private static final Instant RECORDED = Instant.parse("2025-01-01T00:00:00Z");

    private static ParticipationStep step(String who, Kind kind, String date) {
        return ParticipationStep.step(who, kind, LocalDate.parse(date), RECORDED);
    }

    /** The participation of the worked example. */
    static List<ParticipationStep> workedExample() {
        List<ParticipationStep> steps = new ArrayList<>();
        for (String state : List.of("FRA", "DEU", "BRA", "CAN", "USA")) {
            steps.add(step(state, Kind.SIGNED, "2025-01-05"));
        }
        steps.add(step("DEU", Kind.RATIFIED, "2025-01-10"));
        steps.add(step("FRA", Kind.RATIFIED, "2025-02-01"));
        steps.add(step("KEN", Kind.ACCEDED, "2025-03-01"));
        steps.add(step("CAN", Kind.RATIFIED, "2025-04-20"));
        steps.add(step("BRA", Kind.RATIFIED, "2025-06-15"));
        steps.add(step("DEU", Kind.DENOUNCED, "2025-09-01"));
        return steps;
    }

    private static Status status(List<ParticipationStep> steps, String asOf) {
        return TreatyStatus.asOf(TERMS, steps, LocalDate.parse(asOf));
    }

    @ParameterizedTest(name = "as of {0}: {1}, {2} consents, entry into force {3}")
    @CsvSource(nullValues = "-", textBlock = """
            2025-01-04, NOT_IN_FORCE, 0, -
            2025-02-15, NOT_IN_FORCE, 2, -
            2025-03-01, NOT_IN_FORCE, 3, 2025-05-30
            2025-04-01, NOT_IN_FORCE, 3, 2025-05-30
            2025-04-20, NOT_IN_FORCE, 4, 2025-05-30
            2025-05-29, NOT_IN_FORCE, 4, 2025-05-30
            2025-05-30, IN_FORCE,     4, 2025-05-30
            2025-06-01, IN_FORCE,     4, 2025-05-30
            2025-08-01, IN_FORCE,     5, 2025-05-30
            2026-10-01, IN_FORCE,     5, 2025-05-30
            """)
    void theTreatyAsOf(String asOf, Standing standing, int consents, LocalDate entryIntoForce) {
        Status status = status(workedExample(), asOf);
        assertThat(status.standing()).isEqualTo(standing);
        assertThat(status.consents()).isEqualTo(consents);
        assertThat(status.entryIntoForce()).isEqualTo(entryIntoForce);
    }

    @ParameterizedTest(name = "as of {0}: {1} is {2}, in force for it from {3}, denunciation effective {4}")
    @CsvSource(nullValues = "-", textBlock = """
            2025-04-01, FRA, CONSENTED, 2025-05-30, -
            2025-04-01, USA, SIGNATORY, -,          -
            2025-04-01, CAN, SIGNATORY, -,          -
            2025-04-20, CAN, CONSENTED, 2025-05-30, -
            2025-06-01, FRA, PARTY,     2025-05-30, -
            2025-06-01, DEU, PARTY,     2025-05-30, -
            2025-06-01, KEN, PARTY,     2025-05-30, -
            2025-06-01, CAN, PARTY,     2025-05-30, -
            2025-06-01, BRA, SIGNATORY, -,          -
            2025-06-01, USA, SIGNATORY, -,          -
            2025-07-14, BRA, CONSENTED, 2025-07-15, -
            2025-08-01, BRA, PARTY,     2025-07-15, -
            2025-08-31, DEU, PARTY,     2025-05-30, -
            2026-06-01, DEU, PARTY,     2025-05-30, 2026-09-01
            2026-08-31, DEU, PARTY,     2025-05-30, 2026-09-01
            2026-09-01, DEU, DENOUNCED, 2025-05-30, 2026-09-01
            2026-10-01, DEU, DENOUNCED, 2025-05-30, 2026-09-01
            """)
    void eachParticipantAsOf(String asOf, String who, ParticipantStanding standing, LocalDate inForceFrom,
                             LocalDate denunciationEffectiveOn) {
        TreatyStatus.Participant row = status(workedExample(), asOf).participant(who).orElseThrow();
        assertThat(row.standing()).isEqualTo(standing);
        assertThat(row.inForceFrom()).isEqualTo(inForceFrom);
        assertThat(row.denunciationEffectiveOn()).isEqualTo(denunciationEffectiveOn);
    }

    @Test
    void boundOnlyWhileInForceForTheParticipant() {
        TreatyStatus.Participant deu = status(workedExample(), "2026-10-01").participant("DEU").orElseThrow();
        assertThat(deu.boundOn(LocalDate.parse("2025-05-29"))).isFalse();
        assertThat(deu.boundOn(LocalDate.parse("2025-05-30"))).isTrue();
        assertThat(deu.boundOn(LocalDate.parse("2026-08-31"))).isTrue();
        assertThat(deu.boundOn(LocalDate.parse("2026-09-01"))).isFalse();
    }

    @Test
    void participantsWithoutAStepByTheDateAreNotListed() {
        assertThat(status(workedExample(), "2025-02-15").participants())
                .extracting(TreatyStatus.Participant::participant)
                .containsExactly("BRA", "CAN", "DEU", "FRA", "USA");
        assertThat(status(workedExample(), "2025-01-04").participants()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", textBlock = """
            same-day deposits are all original consents,           2025-03-01, 2025-03-01, 2025-05-30, 2025-05-30
            a consent after the threshold and before entry,       2025-03-01, 2025-03-02, 2025-05-30, 2025-05-30
            a consent late enough that its own 30 days are later, 2025-03-01, 2025-05-15, 2025-05-30, 2025-06-14
            a consent after entry into force,                     2025-03-01, 2025-07-01, 2025-05-30, 2025-07-31
            """)
    void theFourthConsent(String edge, String thirdOn, String fourthOn, LocalDate entryIntoForce,
                          LocalDate fourthInForceFrom) {
        List<ParticipationStep> steps = List.of(step("AAA", Kind.ACCEDED, "2025-01-01"),
                step("BBB", Kind.ACCEDED, "2025-02-01"), step("CCC", Kind.ACCEDED, thirdOn),
                step("DDD", Kind.ACCEDED, fourthOn));
        Status status = status(steps, "2025-12-31");
        assertThat(status.entryIntoForce()).as(edge).isEqualTo(entryIntoForce);
        assertThat(status.participant("DDD").orElseThrow().inForceFrom()).as(edge).isEqualTo(fourthInForceFrom);
        assertThat(status.consents()).isEqualTo(4);
    }

    @Test
    void aDenunciationBeforeEntryIntoForceForTheStateEndsItsConsent() {
        TreatyTerms quick = new TreatyTerms(1, 90, 30, 10, false, false);
        List<ParticipationStep> steps = List.of(step("AAA", Kind.ACCEDED, "2025-01-01"),
                step("AAA", Kind.DENOUNCED, "2025-02-01"));
        assertThat(TreatyStatus.asOf(quick, steps, LocalDate.parse("2025-02-05")).participant("AAA").orElseThrow()
                .standing()).isEqualTo(ParticipantStanding.CONSENTED);
        assertThat(TreatyStatus.asOf(quick, steps, LocalDate.parse("2025-02-11")).participant("AAA").orElseThrow()
                .standing()).isEqualTo(ParticipantStanding.DENOUNCED);
    }

    @Test
    void anOrganisationCountsOnlyWhereTheTermsSaySo() {
        List<ParticipationStep> steps = List.of(step("AAA", Kind.ACCEDED, "2025-01-01"),
                step("BBB", Kind.ACCEDED, "2025-02-01"), step("org:eu", Kind.SIGNED, "2025-01-05"),
                step("org:eu", Kind.APPROVED, "2025-03-01"));
        Status notCounted = TreatyStatus.asOf(TERMS, steps, LocalDate.parse("2025-12-31"));
        assertThat(notCounted.consents()).isEqualTo(2);
        assertThat(notCounted.standing()).isEqualTo(Standing.NOT_IN_FORCE);
        assertThat(notCounted.participant("org:eu").orElseThrow().organisation()).isTrue();
        assertThat(notCounted.participant("org:eu").orElseThrow().standing())
                .isEqualTo(ParticipantStanding.CONSENTED);

        Status counted = TreatyStatus.asOf(new TreatyTerms(3, 90, 30, 365, true, true), steps,
                LocalDate.parse("2025-12-31"));
        assertThat(counted.consents()).isEqualTo(3);
        assertThat(counted.entryIntoForce()).isEqualTo(LocalDate.parse("2025-05-30"));
        assertThat(counted.participant("org:eu").orElseThrow().standing()).isEqualTo(ParticipantStanding.PARTY);
    }

    @Test
    void keepsReservationsAndObjectionsWithTheirDates() {
        List<ParticipationStep> steps = new ArrayList<>(workedExample());
        steps.add(new ParticipationStep("DEU", Kind.RESERVED, LocalDate.parse("2025-01-10"), RECORDED, "art3", null,
                "Subject to the Basic Law"));
        steps.add(new ParticipationStep("FRA", Kind.OBJECTED, LocalDate.parse("2025-03-01"), RECORDED, "art3", "DEU",
                "Incompatible with the object and purpose"));
        Status status = status(steps, "2025-06-01");
        assertThat(status.participant("DEU").orElseThrow().reservations())
                .containsExactly(new TreatyStatus.Reservation("art3", LocalDate.parse("2025-01-10"),
                        "Subject to the Basic Law", null));
        assertThat(status.participant("FRA").orElseThrow().objections())
                .containsExactly(new TreatyStatus.Objection("DEU", "art3", LocalDate.parse("2025-03-01"),
                        "Incompatible with the object and purpose"));
    }
}
