package org.cybernorms.compliance.assistance.ledger;

import org.cybernorms.compliance.assistance.api.Party;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cybernorms.compliance.assistance.ledger.LedgerFacts.LONG_AFTER;

/**
 * Delivery parts, by hand: Ghana 3 (2 on offer 1 to Kenya, 1 on offer 5 to Singapore); Estonia 3 (offer 6 to Kenya);
 * Kenya 1 (offer 3 to Estonia); the ITU 1 (offer 4 to Singapore), dated 2023-09-01. Kenya received 5, Singapore 2,
 * Estonia 1.
 */
class AssistanceRankingsTest {

    private final LedgerFacts facts = new LedgerFacts()
            .delivered(1, "KEN", 1, "GHA", 1, "2023-03-11")
            .delivered(1, "KEN", 1, "GHA", 2, "2023-04-10")
            .delivered(5, "SGP", 5, "GHA", 1, "2023-05-01")
            .delivered(3, "EST", 3, "KEN", 1, "2023-05-01")
            .delivered(6, "KEN", 6, "EST", 1, "2023-06-01")
            .delivered(6, "KEN", 6, "EST", 2, "2023-06-02")
            .delivered(6, "KEN", 6, "EST", 3, "2023-06-03")
            .delivered(4, "SGP", 4, "org:itu", 1, "2023-09-01");

    private AssistanceRankings.Rankings at(String asOf, Instant knownAt) {
        return AssistanceRankings.rank(facts.deliveries(), LocalDate.parse(asOf), knownAt);
    }

    @Test
    void ranksDonorsByPartsDeliveredSharingRanksOnTiesThenByPartyAsWritten() {
        AssistanceRankings.Rankings rankings = at("2023-12-31", LONG_AFTER);

        assertThat(rankings.donors()).containsExactly(
                new RankedParty(Party.of("EST"), 3, 1, 1),
                new RankedParty(Party.of("GHA"), 3, 2, 1),
                new RankedParty(Party.of("KEN"), 1, 1, 3),
                new RankedParty(Party.of("org:itu"), 1, 1, 3));
    }

    @Test
    void ranksRecipientsByPartsReceived() {
        AssistanceRankings.Rankings rankings = at("2023-12-31", LONG_AFTER);

        assertThat(rankings.recipients()).containsExactly(
                new RankedParty(Party.of("KEN"), 5, 2, 1),
                new RankedParty(Party.of("SGP"), 2, 2, 2),
                new RankedParty(Party.of("EST"), 1, 1, 3));
    }

    @Test
    void countsOnlyPartsDatedByAsOf() {
        AssistanceRankings.Rankings rankings = at("2023-06-01", LONG_AFTER);

        assertThat(rankings.donors()).containsExactly(
                new RankedParty(Party.of("GHA"), 3, 2, 1),
                new RankedParty(Party.of("EST"), 1, 1, 2),
                new RankedParty(Party.of("KEN"), 1, 1, 2));
        assertThat(rankings.recipients()).containsExactly(
                new RankedParty(Party.of("KEN"), 3, 2, 1),
                new RankedParty(Party.of("EST"), 1, 1, 2),
                new RankedParty(Party.of("SGP"), 1, 1, 2));
    }

    @Test
    void countsOnlyPartsRecordedByKnownAt() {
        // the first four parts were recorded at 00:00, 00:01, 00:02 and 00:03
        AssistanceRankings.Rankings rankings = at("2023-12-31", Instant.parse("2024-01-01T00:03:00Z"));

        assertThat(rankings.donors()).containsExactly(
                new RankedParty(Party.of("GHA"), 3, 2, 1),
                new RankedParty(Party.of("KEN"), 1, 1, 2));
    }

    @Test
    void beforeAnyDeliveryBothRankingsAreEmpty() {
        AssistanceRankings.Rankings rankings = at("2023-03-10", LONG_AFTER);

        assertThat(rankings.donors()).isEmpty();
        assertThat(rankings.recipients()).isEmpty();
        assertThat(rankings.asOf()).isEqualTo(LocalDate.parse("2023-03-10"));
    }
}
