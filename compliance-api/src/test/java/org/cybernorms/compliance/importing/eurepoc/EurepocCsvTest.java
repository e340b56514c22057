package org.cybernorms.compliance.importing.eurepoc;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading the file format: the project's own sample, shaped like the EuRepoC Global Database 1.1. */
class EurepocCsvTest {

    static final String HEADER = String.join(",", EurepocCsv.REQUIRED_COLUMNS);

    @Test
    void readsEveryRowOfTheSample() throws IOException {
        List<EurepocRow> rows = sample();

        assertThat(rows).hasSize(13);
        assertThat(rows).extracting(EurepocRow::row).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L,
                12L, 13L);
        EurepocIncident second = ((EurepocRow.Readable) rows.get(1)).incident();
        assertThat(second.incidentId()).isEqualTo("900002");
        assertThat(second.startDate()).isEqualTo("2019-03-01");
        assertThat(second.attributedCountries())
                .containsExactly("China", "Korea, Democratic People's Republic of");
        assertThat(second.attributedCategories()).containsExactly("State", "State");
        assertThat(second.attributionDates()).containsExactly("2019-01-01", "2020-06-01");
        assertThat(second.receiverCategories()).containsExactly("Social groups");
        assertThat(second.receiverSubcategories())
                .containsExactly("Advocacy / activists (e.g. human rights organizations)");
        assertThat(second.sourceUrls()).containsExactly("https://example.org/eurepoc-test/900002");
        EurepocIncident first = ((EurepocRow.Readable) rows.get(0)).incident();
        assertThat(first.sourceUrls()).containsExactly("https://example.org/eurepoc-test/900001",
                "http://example.net/a\u00a0https://example.net/b");
    }

    @Test
    void keepsRowsItCannotReadAsUnreadableAndGoesOn() throws IOException {
        List<EurepocRow> rows = sample();

        assertThat(rows.get(9)).isInstanceOfSatisfying(EurepocRow.Unreadable.class, row -> {
            assertThat(row.incidentId()).isEqualTo("900010");
            assertThat(row.reason()).contains("4 cells");
        });
        assertThat(rows.get(12)).isInstanceOfSatisfying(EurepocRow.Unreadable.class,
                row -> assertThat(row.reason()).contains("sources_url", "unterminated string"));
        assertThat(rows.get(10)).isInstanceOf(EurepocRow.Readable.class);
    }

    @Test
    void refusesAFileWithoutTheColumnsItNeeds() {
        assertThatThrownBy(() -> EurepocCsv.read(new StringReader("ID,name,start_date\n1,a,2020-01-01\n")))
                .isInstanceOfSatisfying(EurepocFormatException.class, e -> assertThat(e.problems())
                        .contains("missing column 'attributed_initiator_country' of the EuRepoC Global Database format")
                        .hasSize(EurepocCsv.REQUIRED_COLUMNS.size() - 3));
    }

    @Test
    void refusesAnEmptyBody() {
        assertThatThrownBy(() -> EurepocCsv.read(new StringReader("")))
                .isInstanceOf(EurepocFormatException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void refusesABrokenQuoteAsAWhole() {
        String csv = HEADER + "\n" + row("1") + "\n" + "2,\"unterminated" + ",x".repeat(14) + "\n";

        assertThatThrownBy(() -> EurepocCsv.read(new StringReader(csv)))
                .isInstanceOf(EurepocFormatException.class)
                .hasMessageContaining("the CSV breaks after data row 1");
    }

    @Test
    void ignoresAByteOrderMarkAndColumnsItDoesNotUse() {
        String csv = "\uFEFF" + HEADER + ",extra\n" + row("7") + ",ignored\n";

        List<EurepocRow> rows = EurepocCsv.read(new StringReader(csv));

        assertThat(rows).singleElement().isInstanceOfSatisfying(EurepocRow.Readable.class,
                row -> assertThat(row.incidentId()).isEqualTo("7"));
    }

    @Test
    void refusesARowWithoutId() {
        List<EurepocRow> rows = EurepocCsv.read(new StringReader(HEADER + "\n" + row("") + "\n"));

        assertThat(rows).singleElement().isInstanceOfSatisfying(EurepocRow.Unreadable.class,
                row -> assertThat(row.reason()).isEqualTo("the row has no ID"));
    }

    /** A row of the required columns in their order, mostly empty. */
    static String row(String id) {
        return id + ",".repeat(EurepocCsv.REQUIRED_COLUMNS.size() - 1);
    }

    static List<EurepocRow> sample() throws IOException {
        try (Reader reader = new InputStreamReader(
                EurepocCsvTest.class.getResourceAsStream("/eurepoc/sample.csv"), StandardCharsets.UTF_8)) {
            return EurepocCsv.read(reader);
        }
    }
}
