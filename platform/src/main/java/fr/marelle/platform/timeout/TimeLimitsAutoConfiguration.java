package fr.marelle.platform.timeout;

import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.MessageHandlerInterceptorSupport;
import org.axonframework.messaging.timeout.TaskTimeoutSettings;
import org.axonframework.springboot.TimeoutProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.Duration;

/**
 * Axon's transaction time limits (command bus, query bus, deadline manager, event processors), with their own
 * settings ({@code axon.timeout.transaction.*}, same defaults: interrupted after 60 s, warnings from 10 s every
 * second), kept by the platform's {@link TimeLimits} watchdog. The platform's defaults switch Axon's implementation off
 * ({@code axon.timeout.enabled=false}); Axon's handler-level time limits were already off there. ADR 25.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.axonframework.springboot.TimeoutProperties") // the gateway runs no Axon
@ConditionalOnProperty(prefix = "marelle.time-limits", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(TimeoutProperties.class)
public class TimeLimitsAutoConfiguration {

    @Bean(destroyMethod = "close")
    public TimeLimits timeLimits(@Value("${marelle.time-limits.tick:100ms}") Duration tick) {
        return new TimeLimits(tick);
    }

    @Bean
    public ConfigurerModule timeLimitsConfigurerModule(TimeLimits limits, TimeoutProperties properties) {
        TimeoutProperties.TransactionTimeoutProperties transaction = properties.getTransaction();
        return new ConfigurerModule() {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.eventProcessing().registerDefaultHandlerInterceptor((configuration, processor) -> {
                    TaskTimeoutSettings limit = transaction.getEventProcessor()
                            .getOrDefault(processor, transaction.getEventProcessors());
                    return TimeLimits.active(limit)
                            ? new TimeLimitInterceptor(limits, "EventProcessor " + processor, limit)
                            : (unitOfWork, chain) -> chain.proceed();
                });
                // on start, as Axon does: building the configuration earlier would create the buses too soon
                configurer.onStart(Integer.MIN_VALUE, () -> {
                    Configuration configuration = configurer.buildConfiguration();
                    limit(limits, configuration.commandBus(), transaction.getCommandBus());
                    limit(limits, configuration.queryBus(), transaction.getQueryBus());
                    limit(limits, configuration.deadlineManager(), transaction.getDeadline());
                });
            }

            @Override
            public int order() {
                return Integer.MIN_VALUE;
            }
        };
    }

    /** Watches the component's units of work with these settings, named after its class as Axon names them. */
    private static void limit(TimeLimits limits, MessageHandlerInterceptorSupport<?> component,
                              TaskTimeoutSettings settings) {
        if (TimeLimits.active(settings)) {
            component.registerHandlerInterceptor(
                    new TimeLimitInterceptor(limits, component.getClass().getSimpleName(), settings));
        }
    }
}
