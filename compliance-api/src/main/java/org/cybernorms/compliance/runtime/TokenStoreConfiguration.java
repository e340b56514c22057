package org.cybernorms.compliance.runtime;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * The token store of the streaming processors: Axon's JPA token store in the application's database (H2 or
 * PostgreSQL, also under the profile axonserver), as Axon's auto-configuration would make it, with one addition:
 * {@code compliance.node-id} names the owner of this node's token claims. By default Axon names it after the JVM
 * ({@code pid@host}), which is unique per container or machine; two nodes in one JVM (tests) need their own names.
 */
@Configuration(proxyBeanMethods = false)
public class TokenStoreConfiguration {

    @Bean
    TokenStore tokenStore(Serializer serializer, EntityManagerProvider entityManagerProvider,
                          @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout,
                          @Value("${compliance.node-id:}") String nodeId) {
        JpaTokenStore.Builder builder = JpaTokenStore.builder()
                .entityManagerProvider(entityManagerProvider)
                .serializer(serializer)
                .claimTimeout(claimTimeout);
        if (!nodeId.isBlank()) {
            builder.nodeId(nodeId);
        }
        return builder.build();
    }
}
