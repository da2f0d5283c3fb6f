package fr.marelle.platform.processing;

import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Every processing group runs in a pooled streaming processor whose token lives in the service's database, so a
 * read-model update and its token move in one transaction and replicas share segments. A failing handler stops its
 * segment, which is retried with a growing back-off: an event is never logged and skipped.
 */
@AutoConfiguration
@ConditionalOnClass(EventStore.class)
@EnableConfigurationProperties(ProcessorProperties.class)
public class EventProcessingAutoConfiguration {

    @Bean
    public ProcessorErrors processorErrors() {
        return new ProcessorErrors(Clock.systemUTC());
    }

    @Bean
    public ConfigurerModule marellePooledProcessors(ProcessorProperties properties, ProcessorErrors errors) {
        return configurer -> configurer.eventProcessing(processing -> {
            processing.usingPooledStreamingEventProcessors((config, builder) -> builder
                            .initialSegmentCount(properties.getInitialSegmentCount())
                            .batchSize(properties.getBatchSize())
                            .tokenClaimInterval(properties.getTokenClaimInterval().toMillis())
                            .workerExecutor(name -> {
                                ScheduledExecutorService workers = Executors.newScheduledThreadPool(
                                        properties.getWorkerThreads(), new AxonThreadFactory("Worker[" + name + "]"));
                                config.onShutdown(workers::shutdown);
                                return workers;
                            }))
                    .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance())
                    .registerDefaultErrorHandler(config -> errors.recordingThenPropagating())
                    .registerDefaultHandlerInterceptor((config, name) -> errors.clearOnSuccess(name));
            properties.getSegments().forEach((name, segments) ->
                    processing.registerPooledStreamingEventProcessorConfiguration(name,
                            (config, builder) -> builder.initialSegmentCount(segments)));
        });
    }
}
