package org.cybernorms.compliance.runtime.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * axon-micrometer's registry of message monitors, with the same meters under the same names and tags, except that
 * the capacity gauges ({@code eventProcessor.capacity}, {@code commandBus.capacity}, {@code queryBus.capacity}...)
 * come from a {@link WindowedCapacityMonitor}, whose memory does not grow with throughput, instead of Axon's
 * {@code CapacityMonitor}, which holds every handling time of the last ten minutes. The rest of each
 * component's monitors are Axon's own: the timers, counters and processor latency, in Axon's order.
 *
 * <p>Axon's Spring Boot auto-configuration wires this registry into every component through its
 * {@code MetricsConfigurerModule}, as it would its own: it steps aside for any {@link GlobalMetricRegistry} bean.
 */
public class BoundedMetricRegistry extends GlobalMetricRegistry {

    private static final Logger log = LoggerFactory.getLogger(BoundedMetricRegistry.class);
    private static final String EVENT_PROCESSOR = "eventProcessor";

    private final Duration capacityWindow;
    private final Clock clock;
    private final Map<String, WindowedCapacityMonitor> capacityMonitors = new ConcurrentHashMap<>();

    public BoundedMetricRegistry(MeterRegistry registry, Duration capacityWindow) {
        this(registry, capacityWindow, Clock.SYSTEM);
    }

    BoundedMetricRegistry(MeterRegistry registry, Duration capacityWindow, Clock clock) {
        super(registry);
        this.capacityWindow = capacityWindow;
        this.clock = clock;
    }

    /** The capacity monitors made so far, by component (processor name, or the bus's name). */
    public Map<String, WindowedCapacityMonitor> capacityMonitors() {
        return Map.copyOf(capacityMonitors);
    }

    @Override
    public MessageMonitor<? extends Message<?>> registerComponent(Class<?> componentType, String componentName) {
        return monitorOf(componentType, componentName, false);
    }

    @Override
    public MessageMonitor<? extends Message<?>> registerComponentWithDefaultTags(Class<?> componentType,
                                                                                String componentName) {
        return monitorOf(componentType, componentName, true);
    }

    private MessageMonitor<? extends Message<?>> monitorOf(Class<?> type, String name, boolean dimensional) {
        Function<Message<?>, Iterable<Tag>> payloadTags = dimensional ? TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION
                : message -> Tags.empty();
        if (EventProcessor.class.isAssignableFrom(type)) {
            if (!dimensional) {
                return registerEventProcessor(name);
            }
            return registerEventProcessor(EVENT_PROCESSOR, name,
                    message -> Tags.of("payloadType", message.getPayloadType().getSimpleName(), "processorName", name),
                    message -> Tags.of("processorName", name));
        }
        if (CommandBus.class.isAssignableFrom(type)) {
            return handlerMonitors(name, name, payloadTags);
        }
        if (EventBus.class.isAssignableFrom(type)) {
            return registerEventBus(name, payloadTags);
        }
        if (QueryBus.class.isAssignableFrom(type) || QueryUpdateEmitter.class.isAssignableFrom(type)) {
            return handlerMonitors(name, name, payloadTags);
        }
        log.warn("Cannot provide MessageMonitor for component [{}] of type [{}]. Returning No-Op instance.",
                name, type.getSimpleName());
        return NoOpMessageMonitor.instance();
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(String eventProcessorName) {
        return registerEventProcessor(eventProcessorName, eventProcessorName, message -> Tags.empty(),
                message -> Tags.empty());
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(
            String prefix, Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        return registerEventProcessor(prefix, prefix, tagsBuilder, tagsBuilder);
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(
            String prefix, Function<Message<?>, Iterable<Tag>> tagsBuilder,
            Function<Message<?>, Iterable<Tag>> latencyTagsBuilder) {
        return registerEventProcessor(prefix, prefix, tagsBuilder, latencyTagsBuilder);
    }

    private MessageMonitor<? super EventMessage<?>> registerEventProcessor(
            String prefix, String component, Function<Message<?>, Iterable<Tag>> tagsBuilder,
            Function<Message<?>, Iterable<Tag>> latencyTagsBuilder) {
        return new MultiMessageMonitor<>(List.of(
                MessageTimerMonitor.buildMonitor(prefix, getRegistry(), tagsBuilder),
                EventProcessorLatencyMonitor.builder().meterNamePrefix(prefix).meterRegistry(getRegistry())
                        .tagsBuilder(latencyTagsBuilder).build(),
                capacity(prefix, component, tagsBuilder),
                MessageCountingMonitor.buildMonitor(prefix, getRegistry(), tagsBuilder)));
    }

    @Override
    public MessageMonitor<? super CommandMessage<?>> registerCommandBus(String commandBusName) {
        return handlerMonitors(commandBusName, commandBusName, message -> Tags.empty());
    }

    @Override
    public MessageMonitor<? super CommandMessage<?>> registerCommandBus(
            String commandBusName, Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        return handlerMonitors(commandBusName, commandBusName, tagsBuilder);
    }

    @Override
    public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(String queryBusName) {
        return handlerMonitors(queryBusName, queryBusName, message -> Tags.empty());
    }

    @Override
    public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(
            String queryBusName, Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        return handlerMonitors(queryBusName, queryBusName, tagsBuilder);
    }

    /** What Axon gives a command bus, a query bus and a query update emitter: a timer, a capacity, a counter. */
    private MessageMonitor<Message<?>> handlerMonitors(String prefix, String component,
                                                       Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        return new MultiMessageMonitor<>(List.of(
                MessageTimerMonitor.buildMonitor(prefix, getRegistry(), tagsBuilder),
                capacity(prefix, component, tagsBuilder),
                MessageCountingMonitor.buildMonitor(prefix, getRegistry(), tagsBuilder)));
    }

    private WindowedCapacityMonitor capacity(String prefix, String component,
                                             Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        WindowedCapacityMonitor monitor = new WindowedCapacityMonitor(prefix, getRegistry(), capacityWindow, clock,
                tagsBuilder);
        capacityMonitors.put(component, monitor);
        return monitor;
    }
}
