package org.cybernorms.compliance.runtime;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.common.transaction.TransactionManager;
import org.cybernorms.compliance.support.EmbeddedStoreTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The read models' processors are the tracking processors {@code compliance.processors.*} describes. */
class ProcessorConfigurationTest extends EmbeddedStoreTest {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ProcessorConfiguration.Settings settings;
    @Autowired
    TokenStore tokens;
    @Autowired
    TransactionManager transactions;
    @Autowired
    ProcessorProgress progress;

    @Test
    void everyReadModelIsKeptByATrackingProcessorWithTheConfiguredSegmentsAndThreads() {
        for (String name : ProcessorConfiguration.PROCESSORS) {
            assertThat(processing.eventProcessor(name)).as(name).get().isInstanceOf(TrackingEventProcessor.class);
            TrackingEventProcessor processor = (TrackingEventProcessor) processing.eventProcessor(name).orElseThrow();
            assertThat(processor.maxCapacity()).as(name + " threads").isEqualTo(settings.threads());
            assertThat(processor.getMessageSource()).as(name + " reads the store through")
                    .isInstanceOf(StopAwareEventSource.class);
            assertThat(transactions.fetchInTransaction(() -> tokens.fetchSegments(name))).as(name + " segments")
                    .hasSize(settings.segments());
        }
    }

    @Test
    void everyReadModelProcessorReportsItsMovesSoThatAWaitingWriteIsWoken() {
        Map<String, Long> before = new HashMap<>();
        ProcessorConfiguration.PROCESSORS.forEach(name -> before.put(name, progress.moves(name)));

        api.create("/api/states/TUV/pledges", """
                {"instrument":"un-gge-2015","norm":"13e","pledgedOn":"2024-05-02","statement":"Reported moves"}""",
                "pledgeId");

        for (String name : ProcessorConfiguration.PROCESSORS) {
            assertThat(progress.moves(name)).as(name + ", which handles a pledge or passes it by")
                    .isGreaterThan(before.get(name));
        }
    }

    @Test
    void anIdleProcessorExtendsItsClaimOnceASecondAsInAxon() {
        TrackingEventProcessorConfiguration configuration = settings.tracking(new ProcessorProgress().listenerFor("test"));

        assertThat(configuration.getEventAvailabilityTimeout()).isEqualTo(1_000);
        assertThat(configuration.getBatchSize()).isEqualTo(100);
        assertThat(configuration.getMaxThreadCount()).isEqualTo(2);
        assertThat(configuration.getTokenClaimInterval()).isEqualTo(5_000);
    }

    @Test
    void aSettingThatCannotWorkIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new ProcessorConfiguration.Settings(0, 2, 100, Duration.ofSeconds(5),
                Duration.ofMillis(200))).hasMessageContaining("segments");
        assertThatThrownBy(() -> new ProcessorConfiguration.Settings(1, 2, 100, Duration.ofSeconds(5),
                Duration.ZERO)).hasMessageContaining("event-availability-timeout");
    }
}
