package fr.marelle.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryUpdateEmitter;

import java.util.List;

/**
 * Axon's metric registry, wired by Axon's own auto-configuration, handing out monitors that register their meters
 * once ({@link PayloadTypeMonitor} for the per-message-type counters and timers, {@link ProcessorLoadMonitor} for an
 * event processor's latency and capacity) where Axon's dimensional monitors look them up on every message.
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
            return new MultiMessageMonitor<EventMessage<?>>(List.of(
                    new PayloadTypeMonitor(EVENT_PROCESSOR_PREFIX, registry, processor),
                    new ProcessorLoadMonitor(EVENT_PROCESSOR_PREFIX, registry, processor)));
        }
        if (CommandBus.class.isAssignableFrom(componentType) || EventBus.class.isAssignableFrom(componentType)
                || QueryBus.class.isAssignableFrom(componentType)
                || QueryUpdateEmitter.class.isAssignableFrom(componentType)) {
            return new PayloadTypeMonitor(componentName, registry, Tags.empty());
        }
        return super.registerComponentWithDefaultTags(componentType, componentName);
    }
}
