package fr.marelle.billing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.marelle.contracts.ContractType;
import fr.marelle.platform.integration.IntegrationHeaders;
import fr.marelle.platform.test.MarelleServiceTest;
import fr.marelle.platform.test.ServiceApi;
import fr.marelle.platform.test.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * billing-service started whole (one Spring context for every test class extending this), with a clock the tests
 * move, the other contexts' facts published on Kafka from their contracts' example files, and billing's own public
 * events read back from its topic.
 */
@MarelleServiceTest
@Import(BillingTestSupport.Clocks.class)
public abstract class BillingTestSupport {


    static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaProducer<String, byte[]> producer;
    private static final List<Published> published = new CopyOnWriteArrayList<>();
    private static Thread reader;

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected TestClock clock;

    protected ServiceApi api() {
        return new ServiceApi(port);
    }

    /** A billing event as it left on Kafka. */
    public record Published(String key, String type, String eventId, JsonNode payload) {
    }

    /** Field values for an example, nulls allowed. */
    public static Map<String, Object> values(Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }

    /** Publishes the example of {@code type} with these values under a new event id; answers the event id. */
    public static String publish(ContractType<?> type, String key, Map<String, Object> values) {
        String eventId = UUID.randomUUID().toString();
        publish(type, key, eventId, values, 1);
        return eventId;
    }

    /** The same record {@code times} times: a redelivery. */
    public static synchronized void publish(ContractType<?> type, String key, String eventId,
                                            Map<String, Object> values, int times) {
        byte[] payload = payloadOf(type, values);
        try {
            for (int i = 0; i < times; i++) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), key, payload);
                header(record, IntegrationHeaders.EVENT_ID, eventId);
                header(record, IntegrationHeaders.EVENT_TYPE, type.qualifiedName());
                header(record, IntegrationHeaders.SOURCE, type.context() + "-service");
                header(record, IntegrationHeaders.OCCURRED_AT, Instant.now().toString());
                header(record, IntegrationHeaders.CORRELATION_ID, "test-" + eventId);
                producer().send(record).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish " + type.qualifiedName(), e);
        }
    }

    /** The contract's example (from the contracts test-jar) with these values; unknown fields are refused. */
    static byte[] payloadOf(ContractType<?> type, Map<String, Object> values) {
        ObjectNode example = example(type);
        values.forEach((name, value) -> {
            if (!example.has(name)) {
                throw new IllegalArgumentException(type.qualifiedName() + " has no field " + name);
            }
            example.set(name, JSON.valueToTree(value));
        });
        try {
            return JSON.writeValueAsBytes(example);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode example(ContractType<?> type) {
        try (InputStream in = BillingTestSupport.class.getClassLoader().getResourceAsStream(type.exampleResource())) {
            if (in == null) {
                throw new IllegalStateException("No example " + type.exampleResource());
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Billing's public events of a key (a family), as read from marelle.billing so far. */
    public static List<Published> publishedFor(String key) {
        startReader();
        return published.stream().filter(p -> key.equals(p.key())).toList();
    }

    private static synchronized void startReader() {
        if (reader != null) {
            return;
        }
        reader = new Thread(() -> {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
            config.put(ConsumerConfig.GROUP_ID_CONFIG, "billing-test-reader-" + UUID.randomUUID());
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500);
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer.subscribe(List.of("marelle.billing"));
                while (!Thread.currentThread().isInterrupted()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        published.add(new Published(record.key(), header(record, IntegrationHeaders.EVENT_TYPE),
                                header(record, IntegrationHeaders.EVENT_ID), JSON.readTree(record.value())));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                Thread.currentThread().interrupt();
            }
        }, "billing-events-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    TestKafka.bootstrapServers()), new StringSerializer(), new ByteArraySerializer());
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close, "close-test-producer"));
        }
        return producer;
    }

    /** A list of JSON objects for a contract's list field. */
    @SafeVarargs
    public static List<Map<String, Object>> list(Map<String, Object>... items) {
        return new ArrayList<>(List.of(items));
    }
}
