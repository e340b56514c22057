package org.cybernorms.compliance.runtime;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A waiter is woken by a processor's move, never misses one made before it waits, and gives up at its bound. */
class ProcessorProgressTest {

    private final ProcessorProgress progress = new ProcessorProgress();

    @Test
    void aMoveWakesAWaiterLongBeforeItsBound() throws Exception {
        long seen = progress.changes();
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Boolean> woken = CompletableFuture.supplyAsync(() -> {
            waiting.countDown();
            try {
                return progress.awaitChangeAfter(seen, TimeUnit.MINUTES.toMillis(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        waiting.await();

        progress.listenerFor("scorecards").onEventTrackerStatusChange(Map.of());

        assertThat(woken.get(5, TimeUnit.MINUTES)).as("woken by the move, not by the ten-minute bound").isTrue();
        assertThat(progress.moves("scorecards")).isEqualTo(1);
        assertThat(progress.moves("instruments")).isZero();
    }

    @Test
    void aMoveBetweenTheLookAndTheWaitIsNotMissed() throws Exception {
        long seen = progress.changes();
        progress.listenerFor("instruments").onEventTrackerStatusChange(Map.of());

        assertThat(progress.awaitChangeAfter(seen, TimeUnit.MINUTES.toMillis(10))).isTrue();
    }

    @Test
    void withoutAMoveTheWaitEndsAtItsBound() throws Exception {
        assertThat(progress.awaitChangeAfter(progress.changes(), 5)).isFalse();
    }

    @Test
    void positionsCountAsMoves() {
        assertThat(progress.listenerFor("assistance").validatePositions()).isTrue();
    }
}
