package org.cybernorms.compliance.runtime.commands;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.cybernorms.compliance.assistance.api.OrganisationCommands;
import org.cybernorms.compliance.instrument.api.InstrumentCommands;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command bus: {@link GroupCommitCommandBus} unless {@code compliance.commands.group-commit.enabled} is false
 * (then Axon's auto-configured {@link SimpleCommandBus}, one transaction per command). Both buses inside it are built
 * as Axon's auto-configuration builds its own (span factory, message monitor, duplicate handler resolver, correlation
 * data of every command copied onto its events); only the one that handles a command alone has the transaction
 * manager, the other runs inside the group's transaction. See docs/operations.md, "Performance settings".
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "compliance.commands.group-commit.enabled", havingValue = "true", matchIfMissing = true)
public class CommandBusConfiguration {

    @Bean(destroyMethod = "close")
    @Qualifier("localSegment")
    GroupCommitCommandBus commandBus(TransactionManager transactionManager,
                                     org.axonframework.config.Configuration axon,
                                     DuplicateCommandHandlerResolver duplicates,
                                     @Value("${compliance.commands.group-commit.max-size:64}") int maxGroup,
                                     @Value("${compliance.commands.group-commit.queue-capacity:10000}") int capacity,
                                     @Value("${compliance.commands.group-commit.writers:2}") int writers,
                                     ObjectProvider<MeterRegistry> meters) {
        SimpleCommandBus grouped = simpleBus(axon, duplicates).build();
        SimpleCommandBus alone = simpleBus(axon, duplicates).transactionManager(transactionManager).build();
        GroupCommitCommandBus bus = new GroupCommitCommandBus(grouped, alone, transactionManager, maxGroup, capacity,
                CommandBusConfiguration::readBack, writers);
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
        meters.ifAvailable(registry -> {
            DistributionSummary sizes = DistributionSummary.builder("compliance.commands.group.size")
                    .description("Commands committed together in one transaction (groups of two or more)")
                    .baseUnit("commands")
                    .register(registry);
            bus.onGroupCommitted(sizes::record);
        });
        return bus;
    }

    /**
     * Commands to the instrument (its norms, read through {@code EventStoreNormCatalog}) and to registered
     * organisations (read through {@code EventStorePartyDirectory}): other commands' handlers read their events back
     * from the store, so they are never grouped.
     */
    static boolean readBack(CommandMessage<?> command) {
        Class<?> enclosing = command.getPayloadType().getEnclosingClass();
        return enclosing == InstrumentCommands.class || enclosing == OrganisationCommands.class;
    }

    private static SimpleCommandBus.Builder simpleBus(org.axonframework.config.Configuration axon,
                                                      DuplicateCommandHandlerResolver duplicates) {
        return SimpleCommandBus.builder()
                .duplicateCommandHandlerResolver(duplicates)
                .spanFactory(axon.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"));
    }
}
