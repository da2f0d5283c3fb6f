package fr.marelle.platform.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import com.zaxxer.hikari.HikariDataSource;
import fr.marelle.platform.audit.AuditCorrelationDataProvider;
import fr.marelle.platform.audit.CommandAuditInterceptor;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.saga.repository.jdbc.GenericSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.flywaydb.core.Flyway;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The event store of a service: Axon's JDBC storage engine and token store on the service's own PostgreSQL
 * database, in tables created by Flyway, with the Jackson serializer. Axon Server replaces the storage engine when
 * {@code axon.axonserver.enabled=true} (the optional deployment profile).
 */
@AutoConfiguration(before = {JdbcAutoConfiguration.class, AxonAutoConfiguration.class})
@ConditionalOnClass({JdbcEventStorageEngine.class, Flyway.class})
@EnableConfigurationProperties({EventStoreProperties.class, TokenStoreProperties.class})
public class EventStoreAutoConfiguration {

    /** Event payloads, metadata, tokens and sagas are JSON; never XStream, never Java serialization. */
    public static ObjectMapper eventObjectMapper() {
        return new ObjectMapper()
                .registerModule(new ParameterNamesModule())
                .registerModule(new Jdk8Module())
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                // a tolerant reader: fields added by a newer revision are ignored by older code
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static JacksonSerializer jackson(RevisionResolver revisionResolver) {
        return JacksonSerializer.builder()
                .objectMapper(eventObjectMapper())
                .revisionResolver(revisionResolver)
                .converter(new ChainingConverter(EventStoreAutoConfiguration.class.getClassLoader()))
                .build();
    }

    @Bean
    @Primary
    public Serializer serializer(RevisionResolver revisionResolver) {
        return jackson(revisionResolver);
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(RevisionResolver revisionResolver) {
        return jackson(revisionResolver);
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(RevisionResolver revisionResolver) {
        return jackson(revisionResolver);
    }

    @Bean
    public static BeanPostProcessor marelleDatabaseTimeouts(EventStoreProperties properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
                if (bean instanceof HikariDataSource hikari) {
                    properties.validate();
                    hikari.setConnectionInitSql("SET statement_timeout = "
                            + properties.getStatementTimeout().toMillis()
                            + "; SET idle_in_transaction_session_timeout = "
                            + properties.getIdleInTransactionTimeout().toMillis());
                }
                return bean;
            }
        };
    }

    /**
     * The platform's tables (Axon's, processed messages) have their own migration history, applied before the
     * service's own migrations; the service's history baselines at version 0 on a database the platform touched.
     */
    @Bean
    @ConditionalOnMissingBean
    public FlywayMigrationStrategy marelleFlywayMigrationStrategy() {
        return flyway -> {
            Flyway.configure()
                    .dataSource(flyway.getConfiguration().getDataSource())
                    .locations("classpath:db/platform")
                    .table("platform_schema_history")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            flyway.migrate();
        };
    }

    @Bean
    @ConditionalOnMissingBean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new PostgresDuplicateKeyResolver();
    }

    @Bean
    @ConditionalOnMissingBean
    public EventSchema eventSchema() {
        return AxonSchemas.events();
    }

    @Bean
    @ConditionalOnMissingBean
    public TokenSchema tokenSchema() {
        return AxonSchemas.tokens();
    }

    @Bean
    @ConditionalOnMissingBean
    public SagaSqlSchema sagaSqlSchema() {
        return new GenericSagaSqlSchema(AxonSchemas.sagas());
    }

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    public EventStorageEngine eventStorageEngine(Serializer serializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 EventSchema eventSchema,
                                                 EventStoreProperties properties) {
        properties.validate();
        return new MarelleJdbcEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .dataType(byte[].class)
                .batchSize(properties.getBatchSize())
                .gapTimeout(Math.toIntExact(properties.getGapTimeout().toMillis()))
                .appendEvents(new AuditColumnsAppends())
                .readEventDataWithGaps(new IndexBoundedGapReads()));
    }

    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                         EventStoreProperties properties) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .fetchDelay(properties.getFetchDelay().toMillis())
                .build();
    }

    @Bean
    @ConditionalOnMissingBean(TokenStore.class)
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer,
                                 TokenSchema tokenSchema, TokenStoreProperties tokenStoreProperties) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(tokenSchema)
                .serializer(serializer)
                .contentType(byte[].class)
                .claimTimeout(tokenStoreProperties.getClaimTimeout())
                .build();
    }

    @Bean
    public CorrelationDataProvider auditCorrelationDataProvider() {
        return new AuditCorrelationDataProvider();
    }

    @Bean(destroyMethod = "shutdown")
    public ScheduledExecutorService marelleCommandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    public CommandGateway commandGateway(CommandBus commandBus,
                                         @Qualifier("marelleCommandRetryExecutor") ScheduledExecutorService retries) {
        commandBus.registerDispatchInterceptor(new CommandAuditInterceptor());
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConcurrencyRetryScheduler(retries, 3, 20))
                .build();
    }
}
