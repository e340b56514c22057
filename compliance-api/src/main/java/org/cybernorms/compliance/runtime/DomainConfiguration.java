package org.cybernorms.compliance.runtime;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.cybernorms.compliance.assistance.AssistanceRequest;
import org.cybernorms.compliance.assistance.EventStorePartyDirectory;
import org.cybernorms.compliance.assistance.RegisteredOrganisation;
import org.cybernorms.compliance.commitment.Commitment;
import org.cybernorms.compliance.crosswalk.Crosswalk;
import org.cybernorms.compliance.participation.OrganisationParticipation;
import org.cybernorms.compliance.instrument.EventStoreNormCatalog;
import org.cybernorms.compliance.instrument.Instrument;
import org.cybernorms.compliance.participation.Participation;
import org.cybernorms.compliance.participation.Pledge;
import org.cybernorms.compliance.violation.ViolationReport;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Registers the framework-free aggregates of compliance-core with Axon, and provides the resources their command
 * handlers take: the UTC clock, the norm catalog and the directory of parties to assistance.
 */
@Configuration(proxyBeanMethods = false)
public class DomainConfiguration {

    /**
     * Every aggregate type, each with its own {@link AggregateCache} unless {@code compliance.aggregate-cache.mode} is
     * {@code off} (docs/operations.md, "Performance settings").
     */
    @Bean
    ConfigurerModule aggregates(AggregateCaches caches) {
        return configurer -> List.of(Instrument.class, Participation.class, Pledge.class, Commitment.class,
                        ViolationReport.class, RegisteredOrganisation.class, AssistanceRequest.class,
                        Crosswalk.class, OrganisationParticipation.class)
                .forEach(type -> configurer.configureAggregate(aggregate(type, caches)));
    }

    private static <A> AggregateConfigurer<A> aggregate(Class<A> type, AggregateCaches caches) {
        AggregateConfigurer<A> aggregate = AggregateConfigurer.defaultConfiguration(type);
        if (caches.enabled()) {
            aggregate.configureCache(configuration -> caches.create(configuration::eventStore));
        }
        return aggregate;
    }

    @Bean
    AggregateCaches aggregateCaches(
            @Value("${compliance.aggregate-cache.mode:verified}") String mode,
            @Value("${compliance.aggregate-cache.size:10000}") int size) {
        return new AggregateCaches(AggregateCache.Mode.valueOf(mode.trim().toUpperCase(Locale.ROOT)), size);
    }

    /** The aggregate caches of this node, so that a restore can empty them. */
    public static final class AggregateCaches {
        private final AggregateCache.Mode mode;
        private final int size;
        private final List<AggregateCache> caches = new CopyOnWriteArrayList<>();

        AggregateCaches(AggregateCache.Mode mode, int size) {
            this.mode = mode;
            this.size = size;
        }

        boolean enabled() {
            return mode != AggregateCache.Mode.OFF;
        }

        public AggregateCache.Mode mode() {
            return mode;
        }

        AggregateCache create(Supplier<EventStore> eventStore) {
            AggregateCache cache = new AggregateCache(size, eventStore, mode);
            caches.add(cache);
            return cache;
        }

        /** Forgets every cached aggregate, for when the log was replaced underneath (a restore). */
        public void forget() {
            caches.forEach(AggregateCache::removeAll);
        }
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventStoreNormCatalog normCatalog(EventStore eventStore) {
        return new EventStoreNormCatalog(eventStore);
    }

    @Bean
    EventStorePartyDirectory partyDirectory(EventStore eventStore) {
        return new EventStorePartyDirectory(eventStore);
    }
}
