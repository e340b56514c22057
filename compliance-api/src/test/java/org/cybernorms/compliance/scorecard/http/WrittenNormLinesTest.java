package org.cybernorms.compliance.scorecard.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.cybernorms.compliance.assistance.api.Party;
import org.cybernorms.compliance.assistance.ledger.AssistanceLedger;
import org.cybernorms.compliance.scorecard.http.ScorecardBodies.NormLine;
import org.cybernorms.compliance.scorecard.http.ScorecardBodies.ScorecardBody;
import org.cybernorms.compliance.scorecard.methodology.CommitmentCounts;
import org.cybernorms.compliance.scorecard.methodology.FactRef;
import org.cybernorms.compliance.scorecard.methodology.NormScore;
import org.cybernorms.compliance.scorecard.methodology.NormStatus;
import org.cybernorms.compliance.scorecard.methodology.Scorecard;
import org.cybernorms.compliance.scorecard.methodology.ViolationCounts;
import org.cybernorms.compliance.shared.InstrumentId;
import org.cybernorms.compliance.shared.NormCode;
import org.cybernorms.compliance.shared.StateCode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Norm lines written once give, in a scorecard's JSON, exactly the text Jackson writes for them each time. */
@Tag("store-independent")
class WrittenNormLinesTest {

    /** As Spring Boot configures it here: dates as ISO text, null fields left out unless a field says otherwise. */
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();
    private final WrittenNormLines.Writer writer = new WrittenNormLines.Writer(json);

    private static Scorecard card(Instant knownAt) {
        List<FactRef> basis = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            basis.add(new FactRef("e" + i, "CommitmentMade", LocalDate.of(2023, 1, 1 + i),
                    Instant.parse("2024-02-20T09:30:00.123456789Z").plusSeconds(i)));
        }
        NormScore scored = new NormScore(NormCode.of("13g"), "Protect one's \"own\" infrastructure — é",
                NormStatus.SCORED, new BigDecimal("47.7"), true, new CommitmentCounts(3, 1, 0, 2, 0, 0),
                new ViolationCounts(0, 0, 0, 0, 0), basis, 25);
        NormScore reserved = new NormScore(NormCode.of("13h"), null, NormStatus.RESERVED, null, false,
                new CommitmentCounts(0, 0, 0, 0, 0, 0), new ViolationCounts(1, 0, 0, 0, 0), List.of());
        return new Scorecard(StateCode.of("FRA"), InstrumentId.UN_GGE_2015, "v1", LocalDate.of(2024, 12, 31),
                knownAt, new BigDecimal("47.7"), List.of(scored, reserved));
    }

    @Test
    void aScorecardWithWrittenNormLinesIsTheSameJsonAsOneWrittenField() throws Exception {
        Scorecard card = card(Instant.parse("2025-01-01T00:00:00Z"));
        var ledger = AssistanceLedger.of(Party.state(StateCode.of("FRA")), List.of(), card.asOf(), card.knownAt());

        String plain = json.writeValueAsString(ScorecardBody.of(card, ledger));
        String written = json.writeValueAsString(ScorecardBody.of(card, writer.of(card.norms()), ledger));

        assertThat(written).isEqualTo(plain).contains("\"basisTotal\":25").contains("\"score\":null")
                .contains("\"recordedAt\":\"2024-02-20T09:30:00.123456789Z\"");
        assertThat(json.readTree(written).get("norms")).hasSize(2);
    }

    @Test
    void theLinesOfOneListAreWrittenOnceAndServeEveryKnownAt() throws Exception {
        Scorecard first = card(Instant.parse("2025-01-01T00:00:00Z"));
        Scorecard later = new Scorecard(first.state(), first.instrument(), first.methodology(), first.asOf(),
                Instant.parse("2025-06-01T00:00:00Z"), first.score(), first.norms());
        var ledger = AssistanceLedger.of(Party.state(StateCode.of("FRA")), List.of(), later.asOf(), later.knownAt());

        List<NormLine> lines = writer.of(first.norms());

        assertThat(later.norms()).as("a copy with another knownAt shares the immutable list").isSameAs(first.norms());
        assertThat(writer.of(later.norms())).isSameAs(lines);
        assertThat(lines).isEqualTo(first.norms().stream().map(NormLine::of).toList());
        assertThat(json.writeValueAsString(ScorecardBody.of(later, lines, ledger)))
                .isEqualTo(json.writeValueAsString(ScorecardBody.of(later, ledger)))
                .contains("\"knownAt\":\"2025-06-01T00:00:00Z\"");
        assertThat(writer.of(card(first.knownAt()).norms())).as("another list, even if equal, is written anew")
                .isNotSameAs(lines).isEqualTo(lines);
    }
}
