package org.cybernorms.compliance.security;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The audit trail: every command carries who sent it ({@code actor}, the principal's name, never a token) and in
 * which role ({@code actorRole}), and Axon copies both onto every event the command causes. Commands sent by the
 * tracker itself, such as the seeding of un-gge-2015, carry {@code system}.
 */
@Configuration(proxyBeanMethods = false)
public class ActorMetadata {

    public static final String ACTOR = "actor";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String SYSTEM = "system";

    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> actorOnCommands() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                    List<? extends CommandMessage<?>> messages) {
                Map<String, Object> actor = current();
                return (index, command) -> command.getMetaData().containsKey(ACTOR)
                        ? command
                        : command.andMetaData(actor);
            }
        };
    }

    @Bean
    CorrelationDataProvider actorOnEvents() {
        return new SimpleCorrelationDataProvider(ACTOR, ACTOR_ROLE);
    }

    /** The actor of the current thread's request, or {@code system}. */
    public static Map<String, Object> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Map<String, Object> actor = new HashMap<>();
        String role = Roles.roleOf(authentication).orElse(null);
        if (role == null) {
            actor.put(ACTOR, SYSTEM);
            actor.put(ACTOR_ROLE, SYSTEM);
        } else {
            actor.put(ACTOR, authentication.getName());
            actor.put(ACTOR_ROLE, role);
        }
        return actor;
    }
}
