package org.cybernorms.compliance.scorecard.view;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code scorecards} processing group propagates handler errors instead of Axon's default of logging and skipping
 * the event: a skipped fact would silently change scores, and a fact row kept without its version count would let a
 * stale cached answer be served. The processor rolls the transaction back and retries the event.
 */
@Configuration(proxyBeanMethods = false)
class ScorecardProcessing {

    @Bean
    ConfigurerModule scorecardsPropagateErrors() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                ScorecardFactsProjection.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
