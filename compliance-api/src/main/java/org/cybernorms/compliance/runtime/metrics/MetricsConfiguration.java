package org.cybernorms.compliance.runtime.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Axon's meters with capacity gauges of bounded memory ({@link BoundedMetricRegistry}). Axon's auto-configuration
 * builds its {@code MetricsConfigurerModule} on this registry instead of its own.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    /**
     * @param capacityWindow the span {@code eventProcessor_capacity} and the other capacity gauges average over
     *                       ({@code compliance.metrics.capacity-window}, 10 minutes as in Axon)
     */
    @Bean
    GlobalMetricRegistry boundedMetricRegistry(MeterRegistry meterRegistry,
                                               @Value("${compliance.metrics.capacity-window:10m}")
                                               Duration capacityWindow) {
        return new BoundedMetricRegistry(meterRegistry, capacityWindow);
    }
}
