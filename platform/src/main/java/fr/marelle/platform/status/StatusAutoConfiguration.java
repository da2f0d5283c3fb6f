package fr.marelle.platform.status;

import fr.marelle.platform.integration.IntegrationAutoConfiguration;
import fr.marelle.platform.integration.IntegrationSubscriptions;
import fr.marelle.platform.processing.EventProcessingAutoConfiguration;
import fr.marelle.platform.processing.ProcessorErrors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;
import fr.marelle.platform.audit.history.AuditController;
import fr.marelle.platform.audit.history.ChainVerifier;
import fr.marelle.platform.audit.history.EventHistory;
import fr.marelle.platform.audit.history.ReadModelReplayer;
import fr.marelle.platform.audit.history.TimeTravelView;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import javax.sql.DataSource;
import java.time.Clock;

/** Status of a service's event processors and Kafka consumers. */
@AutoConfiguration(after = {IntegrationAutoConfiguration.class, AxonAutoConfiguration.class,
        EventProcessingAutoConfiguration.class,
        DataSourceAutoConfiguration.class})
@ConditionalOnWebApplication
@ConditionalOnClass(EventStore.class)
public class StatusAutoConfiguration {

    @Bean
    public ProcessorStatusReader processorStatusReader(ObjectProvider<EventProcessingConfiguration> processing,
                                                       ObjectProvider<EventStore> eventStore,
                                                       ProcessorErrors errors) {
        return new ProcessorStatusReader(processing, eventStore, errors);
    }

    @Bean
    public StatusController statusController(Environment environment,
                                             ObjectProvider<ProcessorStatusReader> processors,
                                             ObjectProvider<KafkaLagReader> kafka) {
        return new StatusController(environment.getProperty("spring.application.name", "service"), processors,
                kafka);
    }

    /** Event processors in error (a handler failing, Kafka unreachable for the publisher) show in health. */
    @Bean
    public HealthIndicator eventProcessorsHealthIndicator(ProcessorStatusReader reader) {
        return () -> {
            var processors = reader.read();
            Health.Builder health = Health.up();
            processors.forEach(p -> health.withDetail(p.name(),
                    p.error() == null ? "lag " + p.lag() : "error: " + p.error()));
            return health.build();
        };
    }

    /** The audit API: stored events, hash chains, read-model rebuilds. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(DataSource.class)
    static class Audit {
        @Bean
        EventHistory eventHistory(DataSource dataSource, Environment environment) {
            return new EventHistory(JdbcClient.create(dataSource), serviceName(environment));
        }

        @Bean
        ChainVerifier chainVerifier(DataSource dataSource, Environment environment) {
            return new ChainVerifier(JdbcClient.create(dataSource), serviceName(environment));
        }

        @Bean
        ReadModelReplayer readModelReplayer(ApplicationContext context, EventStore eventStore,
                                            org.axonframework.config.Configuration axon, DataSource dataSource,
                                            PlatformTransactionManager transactions, Environment environment) {
            return new ReadModelReplayer(context, eventStore, axon, JdbcClient.create(dataSource),
                    new TransactionTemplate(transactions), serviceName(environment), Clock.systemUTC());
        }

        @Bean
        AuditController auditController(EventHistory history, ChainVerifier chains, ReadModelReplayer replayer,
                                        ObjectProvider<TimeTravelView> views) {
            return new AuditController(history, chains, replayer, views.orderedStream().toList());
        }

        /** The bounded context the service is ({@code marelle.context}), as the audit console names it. */
        private static String serviceName(Environment environment) {
            return environment.getProperty("marelle.context",
                    environment.getProperty("spring.application.name", "service"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(KafkaAdmin.class)
    static class KafkaLag {
        @Bean
        @ConditionalOnBean({KafkaAdmin.class, IntegrationSubscriptions.class})
        KafkaLagReader kafkaLagReader(KafkaAdmin admin, Environment environment) {
            String group = environment.getProperty("marelle.integration.service-name",
                    environment.getProperty("spring.application.name", "service"));
            return new KafkaLagReader(admin.getConfigurationProperties(), group);
        }
    }
}
