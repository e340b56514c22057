package org.cybernorms.plainaxon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.cybernorms.compliance.benchmark.HttpWriteLoad;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness's plain Axon baseline is what it claims: Axon's defaults (none of the tracker's configuration, which is
 * on the same classpath), one tracking processor, one event per write, and every write of its mix accepted.
 */
class PlainAxonApplicationTest {

    @Test
    void takesWritesOverHttpWithOneEventEachCountedByATrackingProcessor() throws InterruptedException {
        try (PlainAxonApplication app = PlainAxonApplication.start()) {
            assertThat(app.context().getEnvironment().getProperty("axon.serializer.general"))
                    .as("the tracker's application.yml is not read").isNull();
            assertThat(app.context().getBean(EventProcessingConfiguration.class).eventProcessor("counter"))
                    .get().isInstanceOf(TrackingEventProcessor.class);

            HttpWriteLoad.Interval run = new HttpWriteLoad(app.port(), null, 2, Duration.ofSeconds(30))
                    .run(app::mix, Duration.ofSeconds(3), Duration.ofSeconds(3), interval -> { });

            assertThat(run.errors()).as("first error: %s", run.firstError()).isZero();
            assertThat(run.writes()).isPositive();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (app.eventsCounted() < run.writes() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(app.eventsCounted()).as("one event per write").isEqualTo(run.writes());
        }
    }
}
