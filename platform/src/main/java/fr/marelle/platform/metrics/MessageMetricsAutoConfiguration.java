package fr.marelle.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Gives Axon's metrics auto-configuration the {@link MessageMetricsRegistry}: the same meters as Axon's dimensional
 * ones, registered once per message type instead of looked up on every message. The property
 * {@code axon.metrics.auto-configuration.enabled=false} still switches Axon's metrics off.
 */
@AutoConfiguration(before = MicrometerMetricsAutoConfiguration.class,
        after = {CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class})
@ConditionalOnClass(GlobalMetricRegistry.class)
public class MessageMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(GlobalMetricRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    public GlobalMetricRegistry globalMetricRegistry(MeterRegistry registry) {
        return new MessageMetricsRegistry(registry);
    }
}
