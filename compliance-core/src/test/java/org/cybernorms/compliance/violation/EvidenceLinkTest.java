package org.cybernorms.compliance.violation;

import org.cybernorms.compliance.violation.api.EvidenceKind;
import org.cybernorms.compliance.violation.api.EvidenceLink;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class EvidenceLinkTest {

    @ParameterizedTest
    @CsvSource({
            "https://example.org/advisory/1, LINK",
            "https://example.org/advisory/1.pdf, DOCUMENT",
            "https://example.org/Report.DOCX?download=1, DOCUMENT",
            "https://web.archive.org/web/2021/https://example.org/news, ARCHIVE",
            "https://archive.org/web/2021/https://example.org/news, ARCHIVE",
            "https://archive.org/details/something, LINK",
            "https://archive.ph/AbCdE, ARCHIVE",
            "https://www.youtube.com/watch?v=abc, VIDEO",
            "https://example.org/clip.mp4, VIDEO",
            "https://example.org/data/incidents.csv, DATASET",
            "https://example.org/screenshot.png, IMAGE",
            "https://example.org/pdf, LINK",
            "not a url at all, LINK"})
    void derivesTheKindFromTheAddressOnly(String url, EvidenceKind kind) {
        assertThat(EvidenceLink.of(url)).isEqualTo(new EvidenceLink(url, kind));
    }
}
