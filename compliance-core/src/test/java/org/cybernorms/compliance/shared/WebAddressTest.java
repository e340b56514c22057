package org.cybernorms.compliance.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class WebAddressTest {

    @Test
    void acceptsAbsoluteHttpAndHttpsUrls() {
        assertThat(WebAddress.isValid("https://example.org/advisory/1")).isTrue();
        assertThat(WebAddress.isValid("HTTP://example.org")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "example.org/a", "ftp://example.org/a", "mailto:a@example.org", "https:///path",
            "https://example.org/a b", "javascript:alert(1)"})
    void refusesAnythingElse(String value) {
        assertThat(WebAddress.isValid(value)).isFalse();
    }
}
