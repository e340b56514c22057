package org.cybernorms.compliance.scorecard.view;

import org.cybernorms.compliance.violation.api.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FactBlocksTest {

    private static final Instant RECORDED = Instant.parse("2024-03-01T10:15:30.123456789Z");

    private static FactRow everyField(String eventId, long position) {
        return new FactRow(eventId, position, RECORDED, "ViolationReported", "un-gge-2015", "FRA",
                LocalDate.of(2024, 2, 15), "13g", "violation-1", "A title with ü and \t", LocalDate.of(2025, 1, 1),
                LocalDate.of(2024, 2, 1), Severity.HIGH);
    }

    private static FactRow fewFields(String eventId, long position) {
        return new FactRow(eventId, position, RECORDED, "InstrumentSigned", "un-gge-2015", "FRA",
                LocalDate.of(2024, 2, 15), null, null, null, null, null, null);
    }

    @Test
    void aBlockGivesBackEveryFieldOfEveryFactInLogOrder() {
        List<FactRow> facts = List.of(everyField("e-3", 4_100), fewFields("e-1", 4_097), everyField("e-2", 4_097));

        List<FactRow> decoded = FactBlocks.decode(FactBlocks.encode(facts), "un-gge-2015", "FRA");

        assertThat(decoded).extracting(FactRow::eventId).containsExactly("e-1", "e-2", "e-3");
        assertThat(decoded.get(1)).usingRecursiveComparison().isEqualTo(everyField("e-2", 4_097));
        assertThat(decoded.get(0)).usingRecursiveComparison().isEqualTo(fewFields("e-1", 4_097));
        assertThat(decoded.get(1).recordedAt()).as("to the nanosecond").isEqualTo(RECORDED);
    }

    private static FactRow titled(String title) {
        return new FactRow("e-1", 1, RECORDED, "ViolationReported", "un-gge-2015", "FRA", LocalDate.of(2024, 2, 15),
                null, null, title, null, null, null);
    }

    @Test
    void aTextIsItsUtf8BytesAfterTheirNumberWhateverItsCharacters() {
        for (String title : List.of("plain ASCII", "Zürich – 東京 – \uD83D\uDD12 locked", "")) {
            byte[] utf8 = title.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] block = FactBlocks.encode(List.of(titled(title)));
            byte[] without = FactBlocks.encode(List.of(titled(null)));

            assertThat(block).as(title).hasSize(without.length + 2 + utf8.length);
            // the title follows the norm's and subject's absent markers; its length first, then its bytes
            int at = 1 + 4 + 8 + (2 + 3) + (2 + "ViolationReported".length()) + 8 + 8 + 4 + 1 + 1 + 1;
            assertThat(((block[at] & 0xFF) << 8) | (block[at + 1] & 0xFF)).isEqualTo(utf8.length);
            assertThat(java.util.Arrays.copyOfRange(block, at + 2, at + 2 + utf8.length)).isEqualTo(utf8);
            assertThat(FactBlocks.decode(block, "un-gge-2015", "FRA").get(0).title()).isEqualTo(title);
        }
    }

    @Test
    void aTextOfMoreThan65535BytesIsRefused() {
        assertThatThrownBy(() -> FactBlocks.encode(List.of(titled("ü".repeat(40_000)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65,535");
    }

    @Test
    void theSameFactsInAnyOrderGiveTheSameBytes() {
        byte[] one = FactBlocks.encode(List.of(everyField("a", 10), fewFields("b", 11), fewFields("c", 12)));
        byte[] other = FactBlocks.encode(List.of(fewFields("c", 12), everyField("a", 10), fewFields("b", 11)));

        assertThat(other).isEqualTo(one);
    }

    @Test
    void aFactsBlockDependsOnItsPositionAlone() {
        assertThat(FactBlocks.blockOf(0)).isZero();
        assertThat(FactBlocks.blockOf(FactBlocks.POSITIONS_PER_BLOCK - 1)).isZero();
        assertThat(FactBlocks.blockOf(FactBlocks.POSITIONS_PER_BLOCK)).isEqualTo(1);
        assertThat(FactBlocks.blockOf(10L * FactBlocks.POSITIONS_PER_BLOCK + 5)).isEqualTo(10);
    }

    @Test
    void aValueOfAnUnknownFormatIsRefusedNotGuessedAt() {
        byte[] value = FactBlocks.encode(List.of(fewFields("a", 1)));
        value[0] = 2;

        assertThatThrownBy(() -> FactBlocks.decode(value, "un-gge-2015", "FRA"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("format 2");
    }

    @Test
    void aValueCutShortIsRefused() {
        byte[] value = FactBlocks.encode(List.of(everyField("a", 1)));

        assertThatThrownBy(() -> FactBlocks.decode(java.util.Arrays.copyOf(value, value.length - 3), "un-gge-2015",
                "FRA")).isInstanceOf(IllegalStateException.class).hasMessageContaining("ends before");
    }

    @Test
    void theBulkRowOfABlockCountsItsFactsAndTheirLatestPositionAndInstant() {
        FactRow earlier = new FactRow("a", 20, RECORDED.plusSeconds(60), "InstrumentSigned", "un-gge-2015", "FRA",
                LocalDate.of(2024, 2, 15), null, null, null, null, null, null);
        Object[] row = ScorecardFactsBulk.block(List.of("un-gge-2015", "FRA"), 0,
                List.of(fewFields("b", 30), earlier));

        assertThat(row).containsExactly("un-gge-2015", "FRA", 0L, 2, 30L, RECORDED.plusSeconds(60),
                FactBlocks.encode(List.of(earlier, fewFields("b", 30))));
    }

    @Test
    void aFactAppendedAfterEveryOtherGivesTheBytesOfTheWholeBlockEncodedAgain() {
        List<FactRow> there = List.of(everyField("a", 10), fewFields("b", 11));
        FactRow later = everyField("c", 12);

        byte[] appended = FactBlocks.append(FactBlocks.encode(there), later);

        assertThat(appended).isEqualTo(FactBlocks.encode(List.of(there.get(0), there.get(1), later)));
        assertThat(FactBlocks.decode(FactBlocks.append(appended, fewFields("d", 13)), "un-gge-2015", "FRA"))
                .extracting(FactRow::eventId).containsExactly("a", "b", "c", "d");
    }

    @Test
    void aFactIsNotAppendedToAValueOfAnotherFormat() {
        byte[] value = FactBlocks.encode(List.of(fewFields("a", 1)));
        value[0] = 2;

        assertThatThrownBy(() -> FactBlocks.append(value, fewFields("b", 2)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("another format");
        assertThatThrownBy(() -> FactBlocks.append(new byte[] {FactBlocks.FORMAT, 0}, fewFields("b", 2)))
                .isInstanceOf(IllegalStateException.class);
    }
}
