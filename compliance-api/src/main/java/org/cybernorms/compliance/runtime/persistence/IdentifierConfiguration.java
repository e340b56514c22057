package org.cybernorms.compliance.runtime.persistence;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sets whether Axon's message identifiers are time-ordered ({@link TimeOrderedIdentifiers}) from
 * {@code compliance.event-store.time-ordered-identifiers} (true; false under the profile {@code axon-defaults}).
 */
@Configuration(proxyBeanMethods = false)
public class IdentifierConfiguration {

    @Bean
    InitializingBean messageIdentifiers(
            @Value("${compliance.event-store.time-ordered-identifiers:true}") boolean timeOrdered) {
        return () -> TimeOrderedIdentifiers.timeOrdered(timeOrdered);
    }
}
