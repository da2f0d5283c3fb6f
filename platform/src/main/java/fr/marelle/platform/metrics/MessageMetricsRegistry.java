package fr.marelle.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.CapacityMonitor;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryUpdateEmitter;

import java.util.List;

/**
 * Axon's metric registry, wired by Axon's own auto-configuration, handing out {@link PayloadTypeMonitor}s for the
 * per-message counters and timers that its dimensional monitors would look up on every message. The event
 * processors keep Axon's latency and capacity monitors, tagged by processor only, as Axon does.
 */
public class MessageMetricsRegistry extends GlobalMetricRegistry {

    static final String EVENT_PROCESSOR_PREFIX = "eventProcessor";
    static final String PROCESSOR_NAME_TAG = "processorName";

    public MessageMetricsRegistry(MeterRegistry registry) {
        super(registry);
    }

    @Override
    public MessageMonitor<? extends Message<?>> registerComponentWithDefaultTags(Class<?> componentType,
                                                                                String componentName) {
        MeterRegistry registry = getRegistry();
        if (EventProcessor.class.isAssignableFrom(componentType)) {
            Tags processor = Tags.of(PROCESSOR_NAME_TAG, componentName);
            return new MultiMessageMonitor<>(List.of(
                    new PayloadTypeMonitor(EVENT_PROCESSOR_PREFIX, registry, processor),
                    EventProcessorLatencyMonitor.builder().meterNamePrefix(EVENT_PROCESSOR_PREFIX)
                            .meterRegistry(registry).tagsBuilder(message -> processor).build(),
                    CapacityMonitor.buildMonitor(EVENT_PROCESSOR_PREFIX, registry, message -> processor)));
        }
        if (CommandBus.class.isAssignableFrom(componentType) || EventBus.class.isAssignableFrom(componentType)
                || QueryBus.class.isAssignableFrom(componentType)
                || QueryUpdateEmitter.class.isAssignableFrom(componentType)) {
            return new PayloadTypeMonitor(componentName, registry, Tags.empty());
        }
        return super.registerComponentWithDefaultTags(componentType, componentName);
    }
}
