package org.cybernorms.compliance.projection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch counts its rows and about how many bytes they hold, which bounds what the rebuild commits at once. */
class RowBatchTest {

    private static final Table BLOCKS = Table.of("rm_block", Column.text("state_code"), Column.bigint("block_no"),
            Column.bytes("facts"));

    @Test
    void aBatchCountsTheBytesOfItsBinaryValuesAndTextsAndEightForAnyOtherValue() {
        RowBatch batch = new RowBatch();
        batch.add(BLOCKS, "FRA", 3L, new byte[4_000]);
        batch.add(BLOCKS, "DEU", 4L, new byte[1_000]);

        assertThat(batch.size()).isEqualTo(2);
        assertThat(batch.bytes()).isEqualTo(3 + 8 + 4_000 + 3 + 8 + 1_000);
    }
}
