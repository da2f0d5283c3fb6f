package fr.marelle.platform.test;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

import java.util.HashMap;
import java.util.Map;

/**
 * Gives a test context its own empty database on the real PostgreSQL server, the JVM's embedded Kafka broker,
 * the test service-token keys, and short timings so that processors and consumers react quickly.
 */
public class MarelleTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Seals secrets at rest in tests (accounts-service's second-factor seeds). */
    public static final String TEST_SECRET_KEY = fr.marelle.platform.crypto.SecretBox.generateKey();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = context.getEnvironment().getProperty("spring.application.name", "service");
        // applications without Kafka (the gateway) get no broker
        String kafka = ClassUtils.isPresent("org.springframework.kafka.test.EmbeddedKafkaKraftBroker", null)
                && ClassUtils.isPresent("org.springframework.kafka.core.KafkaTemplate", null)
                ? TestKafka.bootstrapServers() : "127.0.0.1:1";
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("marelle-test",
                properties(name, TestDatabases.create(name), kafka)));
    }

    public static Map<String, Object> properties(String name, String databaseUrl, String kafka) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", databaseUrl);
        properties.put("spring.datasource.username", TestDatabases.user());
        properties.put("spring.datasource.password", TestDatabases.password());
        properties.put("spring.kafka.bootstrap-servers", kafka);
        properties.put("marelle.service-token.public-key", TestServiceTokens.publicKey());
        properties.put("marelle.accounts.secret-key", TEST_SECRET_KEY);
        // notification-service may call accounts-service for single-use links
        properties.put("marelle.service-token.peers.notification", TestServiceTokens.peerPublicKey("notification"));
        properties.put("marelle.processors.token-claim-interval", "300ms");
        properties.put("marelle.eventstore.fetch-delay", "100ms");
        properties.put("marelle.integration.retry-initial-interval", "100ms");
        properties.put("marelle.integration.retry-max-interval", "500ms");
        properties.put("spring.kafka.consumer.properties.metadata.max.age.ms", "1000");
        properties.put("spring.kafka.listener.idle-between-polls", "0");
        return properties;
    }
}
