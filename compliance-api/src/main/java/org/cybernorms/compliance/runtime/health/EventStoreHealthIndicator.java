package org.cybernorms.compliance.runtime.health;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Health contributor {@code eventStore} (in the readiness group): the event store answers where the head of the log
 * is, within a bound. On the JPA stores that is one query on the event table; on Axon Server one call to the server.
 */
@Component("eventStoreHealthIndicator")
public class EventStoreHealthIndicator implements HealthIndicator, DisposableBean {

    private final EventStore eventStore;
    private final Duration timeout;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-store-health");
        thread.setDaemon(true);
        return thread;
    });

    public EventStoreHealthIndicator(EventStore eventStore,
                                     @Value("${compliance.health.event-store-timeout:3s}") Duration timeout) {
        this.eventStore = eventStore;
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        Future<TrackingToken> head = executor.submit(eventStore::createHeadToken);
        try {
            TrackingToken token = head.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Health.Builder up = Health.up().withDetail("store", eventStore.getClass().getSimpleName());
            if (token != null && token.position().isPresent()) {
                up.withDetail("head", token.position().getAsLong());
            }
            return up.build();
        } catch (TimeoutException e) {
            head.cancel(true);
            return Health.down().withDetail("store", eventStore.getClass().getSimpleName())
                    .withDetail("error", "no answer within " + timeout).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return Health.down().withDetail("store", eventStore.getClass().getSimpleName())
                    .withDetail("error", cause.getClass().getSimpleName()).build();
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
