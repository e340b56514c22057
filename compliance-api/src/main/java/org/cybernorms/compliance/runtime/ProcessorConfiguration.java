package org.cybernorms.compliance.runtime;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatusChangeListener;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.cybernorms.compliance.assistance.view.AssistanceProjection;
import org.cybernorms.compliance.instrument.view.InstrumentDirectoryProjection;
import org.cybernorms.compliance.scorecard.view.ScorecardFactsProjection;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The read models' streaming processors: one tracking processor per processing group, all set alike by
 * {@code compliance.processors.*} ({@link Settings}).
 *
 * <p>Registered here rather than through Axon's {@code axon.eventhandling.processors.<name>} properties for two
 * reasons. Those properties cannot set how long an idle processor thread waits for new events before it looks again
 * (Axon's {@code eventAvailabilityTimeout}). And each processor reads the event store through a
 * {@link StopAwareEventSource}, so that an idle thread's wait ends as soon as its processor is asked to stop. A
 * tracking processor notices a shutdown only when that wait ends, and a rebuild of the read models starts by shutting
 * every processor down: with Axon's second it took about a second of every rebuild (docs/benchmarks.md, "Replay: why
 * the bulk rebuild exists"). A committed event wakes a waiting thread at once, so read-your-writes is not affected by
 * either. The same source never lets a stream leave out the event types its processor ignores (Axon Server would),
 * so that every token moves past every event and stays a position in the log (docs/operations.md, "Every processor
 * receives every event"). Each processor reports every move to {@link ProcessorProgress}, which wakes the writes that
 * wait for the read models.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProcessorConfiguration.Settings.class)
public class ProcessorConfiguration {

    /** The processing groups of the read models, each run by its own processor of the same name. */
    public static final List<String> PROCESSORS = List.of(InstrumentDirectoryProjection.PROCESSING_GROUP,
            ScorecardFactsProjection.PROCESSING_GROUP, AssistanceProjection.PROCESSING_GROUP);

    /**
     * How every read-model processor runs.
     *
     * @param segments                 segments made when a processor's tokens are first created (1 on the embedded
     *                                 store, which one node owns; 2 under {@code postgres} and {@code axonserver},
     *                                 where nodes split them through token claims)
     * @param threads                  threads per processor, each working one segment at a time
     * @param batchSize                events handled per transaction at most
     * @param tokenClaimInterval       how often a thread without a segment tries to claim one
     * @param eventAvailabilityTimeout how long an idle thread waits for new events before it extends its token claim
     *                                 and looks again (a shutdown ends the wait at once)
     */
    @ConfigurationProperties("compliance.processors")
    public record Settings(int segments, int threads, int batchSize, Duration tokenClaimInterval,
                           Duration eventAvailabilityTimeout) {

        public Settings {
            if (segments < 1 || threads < 1 || batchSize < 1) {
                throw new IllegalArgumentException("compliance.processors: segments, threads and batch-size must be "
                        + "at least 1");
            }
            if (tokenClaimInterval == null || tokenClaimInterval.isNegative() || tokenClaimInterval.isZero()
                    || eventAvailabilityTimeout == null || eventAvailabilityTimeout.isNegative()
                    || eventAvailabilityTimeout.isZero()) {
                throw new IllegalArgumentException("compliance.processors: token-claim-interval and "
                        + "event-availability-timeout must be positive");
            }
        }

        TrackingEventProcessorConfiguration tracking(EventTrackerStatusChangeListener progress) {
            return TrackingEventProcessorConfiguration.forParallelProcessing(threads)
                    .andEventTrackerStatusChangeListener(progress)
                    .andBatchSize(batchSize)
                    .andInitialSegmentsCount(segments)
                    .andTokenClaimInterval(tokenClaimInterval.toMillis(), TimeUnit.MILLISECONDS)
                    .andEventAvailabilityTimeout(eventAvailabilityTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Bean
    ConfigurerModule readModelProcessors(Settings settings, ProcessorProgress progress) {
        return configurer -> {
            for (String name : PROCESSORS) {
                configurer.eventProcessing().registerTrackingEventProcessor(name,
                        c -> new StopAwareEventSource(c.eventStore(), () -> c.eventProcessingConfiguration()
                                .eventProcessor(name).map(EventProcessor::isRunning).orElse(true)),
                        c -> settings.tracking(progress.listenerFor(name)));
            }
        };
    }
}
