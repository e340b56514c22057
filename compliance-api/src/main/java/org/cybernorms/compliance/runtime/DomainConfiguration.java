package org.cybernorms.compliance.runtime;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.cybernorms.compliance.assistance.AssistanceRequest;
import org.cybernorms.compliance.assistance.EventStorePartyDirectory;
import org.cybernorms.compliance.assistance.RegisteredOrganisation;
import org.cybernorms.compliance.commitment.Commitment;
import org.cybernorms.compliance.instrument.EventStoreNormCatalog;
import org.cybernorms.compliance.instrument.Instrument;
import org.cybernorms.compliance.participation.Participation;
import org.cybernorms.compliance.participation.Pledge;
import org.cybernorms.compliance.violation.ViolationReport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Registers the framework-free aggregates of compliance-core with Axon, and provides the resources their command
 * handlers take: the UTC clock, the norm catalog and the directory of parties to assistance.
 */
@Configuration(proxyBeanMethods = false)
public class DomainConfiguration {

    @Bean
    ConfigurerModule aggregates() {
        return configurer -> configurer
                .configureAggregate(Instrument.class)
                .configureAggregate(Participation.class)
                .configureAggregate(Pledge.class)
                .configureAggregate(Commitment.class)
                .configureAggregate(ViolationReport.class)
                .configureAggregate(RegisteredOrganisation.class)
                .configureAggregate(AssistanceRequest.class);
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
