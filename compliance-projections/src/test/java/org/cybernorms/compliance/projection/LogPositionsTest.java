package org.cybernorms.compliance.projection;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LogPositionsTest {

    private final LogPositions positions = new LogPositions();

    @Test
    void anEventReadInOrderHasItsTokensPosition() {
        assertThat(positions.of("e-44", GapAwareTrackingToken.newInstance(44, List.of()))).isEqualTo(44);
    }

    @Test
    void anEventReadIntoAGapHasItsOwnPositionNotTheTokensHighest() {
        positions.late("e-43", 43);

        assertThat(positions.of("e-43", GapAwareTrackingToken.newInstance(44, List.of()))).isEqualTo(43);
        assertThat(positions.of("e-45", GapAwareTrackingToken.newInstance(45, List.of()))).isEqualTo(45);
    }

    @Test
    void withoutATokenThereIsNoPosition() {
        assertThat(positions.of("e-1", null)).isEqualTo(-1);
    }

    @Test
    void onlyTheLatestLateEventsAreKept() {
        for (int i = 0; i <= LogPositions.CAPACITY; i++) {
            positions.late("e-" + i, i);
        }

        GapAwareTrackingToken highest = GapAwareTrackingToken.newInstance(1_000_000, List.of());
        assertThat(positions.of("e-0", highest)).as("the oldest gave way").isEqualTo(1_000_000);
        assertThat(positions.of("e-1", highest)).isEqualTo(1);
        assertThat(positions.of("e-" + LogPositions.CAPACITY, highest)).isEqualTo(LogPositions.CAPACITY);
    }

    @Test
    void anEventRecordedTwiceIsKeptOnce() {
        positions.late("e-7", 7);
        positions.late("e-7", 7);
        for (int i = 0; i < LogPositions.CAPACITY - 1; i++) {
            positions.late("f-" + i, 100 + i);
        }

        assertThat(positions.of("e-7", GapAwareTrackingToken.newInstance(50, List.of()))).isEqualTo(7);
    }
}
