package fr.marelle.platform.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.marelle.platform.eventstore.EventStoreAutoConfiguration;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Integration events on Kafka: publishing from a streaming processor, idempotent consumption with a dead-letter
 * topic per topic and consumer after the retries.
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, EventStoreAutoConfiguration.class,
        DataSourceAutoConfiguration.class})
@ConditionalOnClass({KafkaTemplate.class, EventStore.class})
@EnableConfigurationProperties(IntegrationProperties.class)
public class IntegrationAutoConfiguration {

    /** Payloads of integration events: the same JSON conventions as the event store. */
    public static ObjectMapper integrationObjectMapper() {
        return EventStoreAutoConfiguration.eventObjectMapper();
    }

    static String serviceName(IntegrationProperties properties, Environment environment) {
        if (properties.getServiceName() != null) {
            return properties.getServiceName();
        }
        return environment.getRequiredProperty("spring.application.name");
    }

    @Bean
    public ProducerFactory<String, byte[]> integrationProducerFactory(KafkaProperties kafka) {
        Map<String, Object> config = kafka.buildProducerProperties(null);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8_000);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new DefaultKafkaProducerFactory<>(config);
    }

    @Bean
    public KafkaTemplate<String, byte[]> integrationKafkaTemplate(
            ProducerFactory<String, byte[]> integrationProducerFactory) {
        return new KafkaTemplate<>(integrationProducerFactory);
    }

    @Bean
    @ConditionalOnBean(IntegrationEventMapper.class)
    public KafkaIntegrationPublisher kafkaIntegrationPublisher(List<IntegrationEventMapper> mappers,
                                                               KafkaTemplate<String, byte[]> integrationKafkaTemplate,
                                                               IntegrationProperties properties,
                                                               Environment environment) {
        return new KafkaIntegrationPublisher(mappers, integrationKafkaTemplate, integrationObjectMapper(),
                serviceName(properties, environment), properties.getSendTimeout());
    }

    /** One segment keeps a service's public events in the order they were stored. */
    @Bean
    public ConfigurerModule integrationPublisherProcessor() {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                KafkaIntegrationPublisher.PROCESSING_GROUP,
                (config, builder) -> builder.initialSegmentCount(1).batchSize(500));
    }

    @Bean
    public KafkaAdmin.NewTopics integrationTopics(IntegrationProperties properties,
                                                  ObjectProvider<IntegrationSubscriptions> subscriptions,
                                                  Environment environment) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : properties.getPublishTopics()) {
            // a context's topic is its public history: consumers rebuild their local read models from it
            topics.add(new NewTopic(topic, properties.getTopicPartitions(), properties.getTopicReplicas())
                    .configs(Map.of("retention.ms", "-1", "cleanup.policy", "delete")));
        }
        String consumer = serviceName(properties, environment);
        subscriptions.ifAvailable(s -> s.topics().forEach(topic -> topics.add(new NewTopic(
                IntegrationProperties.deadLetterTopic(topic, consumer), 1, properties.getTopicReplicas()))));
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    @ConditionalOnBean(DataSource.class)
    public ProcessedMessages processedMessages(DataSource dataSource) {
        return new ProcessedMessages(JdbcClient.create(dataSource));
    }

    @Bean
    @ConditionalOnBean(IntegrationSubscriptions.class)
    public ConcurrentMessageListenerContainer<String, byte[]> integrationListenerContainer(
            IntegrationSubscriptions subscriptions, ProcessedMessages processedMessages,
            PlatformTransactionManager transactionManager, KafkaProperties kafka,
            KafkaTemplate<String, byte[]> integrationKafkaTemplate, IntegrationProperties properties,
            Environment environment) {
        String consumer = serviceName(properties, environment);
        Map<String, Object> config = kafka.buildConsumerProperties(null);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, consumer);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");

        ContainerProperties containerProperties = new ContainerProperties(
                subscriptions.topics().toArray(String[]::new));
        containerProperties.setMessageListener(new IntegrationEventListener(subscriptions, processedMessages,
                new TransactionTemplate(transactionManager), integrationObjectMapper(), consumer));
        containerProperties.setAckMode(ContainerProperties.AckMode.BATCH);

        ConcurrentMessageListenerContainer<String, byte[]> container = new ConcurrentMessageListenerContainer<>(
                new DefaultKafkaConsumerFactory<>(config), containerProperties);
        container.setConcurrency(properties.getListenerConcurrency());
        container.setCommonErrorHandler(errorHandler(integrationKafkaTemplate, properties, consumer));
        container.setBeanName("integration-listener");
        return container;
    }

    static DefaultErrorHandler errorHandler(KafkaTemplate<String, byte[]> template, IntegrationProperties properties,
                                            String consumer) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(
                        IntegrationProperties.deadLetterTopic(record.topic(), consumer), -1));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(
                Math.max(0, properties.getMaxAttempts() - 1));
        backOff.setInitialInterval(properties.getRetryInitialInterval().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(properties.getRetryMaxInterval().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(IntegrationEventListener.UnprocessableIntegrationEventException.class);
        return handler;
    }
}
