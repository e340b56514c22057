package org.cybernorms.compliance.runtime.persistence;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.cybernorms.compliance.projection.LogPositions;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JPA event storage engine of the relational stores (H2, PostgreSQL), as Axon's auto-configuration makes it, but
 * with {@link IndexedGapsJpaEventStorageEngine}'s tracking query (Axon's own with
 * {@code compliance.event-store.indexed-gap-query=false}) and its record of the positions of events read into a gap.
 * Not under Axon Server, where the events live.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!${axon.axonserver.enabled:false}")
public class EventStorageConfiguration {

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          EntityManagerProvider entityManagerProvider,
                                          TransactionManager transactionManager,
                                          @Value("${compliance.event-store.indexed-gap-query:true}")
                                          boolean indexedGapQuery, LogPositions positions) {
        return new IndexedGapsJpaEventStorageEngine(JpaEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager), indexedGapQuery, positions);
    }
}
