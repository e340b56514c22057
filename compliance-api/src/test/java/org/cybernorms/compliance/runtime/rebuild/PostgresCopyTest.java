package org.cybernorms.compliance.runtime.rebuild;

import org.cybernorms.compliance.projection.Column;
import org.cybernorms.compliance.projection.Table;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Tag("store-independent")
class PostgresCopyTest {

    @Test
    void writesARowInCopyTextFormatWithNullsAndEscapes() {
        StringBuilder text = new StringBuilder();

        PostgresCopy.append(text, new Object[]{"a\tb\\c\nd\re", 42L, 7, null, LocalDate.parse("2021-03-05"),
                Instant.parse("2021-03-05T10:00:00.123456Z")});

        assertThat(text).hasToString("a\\tb\\\\c\\nd\\re\t42\t7\t\\N\t2021-03-05\t2021-03-05T10:00:00.123456Z\n");
    }

    @Test
    void namesTheTableAndItsColumnsInOrder() {
        Table table = Table.of("rm_x", Column.text("id"), Column.bigint("log_position"), Column.date("valid_on"));

        assertThat(PostgresCopy.sql(table)).isEqualTo("copy rm_x (id, log_position, valid_on) from stdin");
    }

    @Test
    void refusesAValueItHasNoTextFormFor() {
        assertThatThrownBy(() -> PostgresCopy.append(new StringBuilder(), new Object[]{new Object()}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
