package org.cybernorms.compliance.benchmark;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** How figures are printed, judged against their targets, and compared across sizes. */
@Tag("store-independent")
class FigureTest {

    @Test
    void printsAFigureWithItsBaselineRatioTargetAndVerdict() {
        Figure replay = Figure.of("replay 1,000,000 events", 95_000, "ev/s")
                .withBaseline("raw read", 180_000)
                .withTarget(Figure.Target.ratioAtLeast(0.5));

        assertThat(replay.line()).isEqualTo("replay 1,000,000 events: 95,000 ev/s | baseline raw read 180,000 ev/s"
                + " | ratio 0.53 | target ratio ≥0.50 | MET");
    }

    @Test
    void judgesATargetOnTheValue() {
        Figure slow = Figure.of("scorecard p99", 12.5, "ms").withTarget(Figure.Target.valueAtMost(10));
        Figure fast = Figure.of("scorecard p99", 7.25, "ms").withTarget(Figure.Target.valueAtMost(10));

        assertThat(slow.verdict()).isEqualTo("MISSED");
        assertThat(fast.line()).isEqualTo("scorecard p99: 7.25 ms | target ≤10.0 ms | MET");
    }

    @Test
    void comparesFlatFiguresAtASizeWithATenthOfIt(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Results results = new Results();
        results.add("h2", 100_000, "reads", Figure.of("scorecard p99", 6.0, "ms").asFlat());
        results.add("h2", 1_000_000, "reads", Figure.of("scorecard p99", 10.2, "ms").asFlat());
        results.add("h2", 1_000_000, "reads", Figure.of("not flat", 1, "ms"));

        results.compareAcrossSizes();
        Path file = results.write(dir, "test");

        Figure flat = results.rows().get(results.rows().size() - 1).figure();
        assertThat(flat.line()).isEqualTo("scorecard p99 at 1,000,000: 10.2 ms | baseline at 100,000 6.00 ms"
                + " | ratio 1.70 | target ratio ≤1.50 | MISSED");
        assertThat(results.rows()).hasSize(4);
        assertThat(Files.readString(file)).contains("| h2 1,000,000 | flat reads | scorecard p99 at 1,000,000 |")
                .contains("load average");
    }
}
