package org.cybernorms.compliance.assistance.view;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the {@code assistance} processing group runs: it propagates handler errors instead of Axon's default of logging
 * and skipping the event, as the {@code scorecards} group does. A skipped fact would silently change ledgers, and a
 * fact row kept without its version count would let a stale cached ledger be served. The processor rolls the
 * transaction back and retries the event.
 */
@Configuration(proxyBeanMethods = false)
class AssistanceProcessing {

    @Bean
    ConfigurerModule assistanceErrorHandling() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                AssistanceProjection.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
