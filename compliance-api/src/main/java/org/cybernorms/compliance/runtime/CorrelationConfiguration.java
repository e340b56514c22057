package org.cybernorms.compliance.runtime;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.cybernorms.compliance.importing.Provenance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.HashMap;
import java.util.Map;

/**
 * Makes the provenance of an imported fact land on the events it stores. Axon copies onto every event that a command
 * handler applies the metadata that its correlation data providers pick from the command; by default it has only
 * the {@link MessageOriginProvider} (correlation and trace ids), and Spring Boot's auto-configuration drops that
 * default as soon as any provider is declared, so both are declared here.
 */
@Configuration(proxyBeanMethods = false)
public class CorrelationConfiguration {

    /** Axon's default: {@code correlationId} and {@code traceId}. */
    @Bean
    CorrelationDataProvider originCorrelation() {
        return new MessageOriginProvider();
    }

    /** Every metadata entry whose key starts with {@value Provenance#PREFIX}. */
    @Bean
    CorrelationDataProvider provenanceCorrelation() {
        return new ProvenanceProvider();
    }

    static final class ProvenanceProvider implements CorrelationDataProvider {
        @Override
        public Map<String, ?> correlationDataFor(Message<?> message) {
            Map<String, Object> provenance = new HashMap<>();
            message.getMetaData().forEach((key, value) -> {
                if (key.startsWith(Provenance.PREFIX)) {
                    provenance.put(key, value);
                }
            });
            return provenance;
        }
    }
}
