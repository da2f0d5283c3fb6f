package fr.marelle.benchmarks;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;

/**
 * The smallest Marelle service the benchmarks need: the platform's event store (Flyway tables, Axon's JDBC storage
 * engine, Jackson, the audited command gateway) and the benchmark aggregates. No web server, no event processor, no
 * Kafka publisher or consumer.
 */
@SpringBootApplication
public class BenchApplication {

    /** The cache of {@link fr.marelle.benchmarks.append.CachedBookingStream} (optional modes only). */
    @Bean
    public Cache benchAggregateCache() {
        return new WeakReferenceCache();
    }

    /** Diagnostic mode: every JDBC call of both paths timed by kind (see {@link JdbcTiming}). */
    @Bean
    @ConditionalOnProperty(name = "bench.jdbc-timing", havingValue = "true")
    public static BeanPostProcessor benchJdbcTiming() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !JdbcTiming.isWrapped(dataSource)
                        ? JdbcTiming.wrap(dataSource) : bean;
            }
        };
    }
}
