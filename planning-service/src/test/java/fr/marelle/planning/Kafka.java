package fr.marelle.planning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.marelle.contracts.ContractType;
import fr.marelle.platform.integration.IntegrationHeaders;
import fr.marelle.platform.test.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The other contexts' events as they reach planning-service (each contract's example JSON from the contracts
 * test-jar, with the values a test sets), and planning's own public events as consumers read them.
 */
public final class Kafka {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaProducer<String, byte[]> producer;
    private static final List<ConsumerRecord<String, byte[]>> PLANNING = new CopyOnWriteArrayList<>();
    private static Thread reader;

    private Kafka() {
    }

    /** Publishes the contract's example with these values (field, value, field, value…) under a new event id. */
    public static synchronized void publish(ContractType<?> type, String key, Object... values) {
        try (InputStream in = Kafka.class.getClassLoader().getResourceAsStream(type.exampleResource())) {
            ObjectNode example = (ObjectNode) JSON.readTree(in);
            for (int i = 0; i < values.length; i += 2) {
                String name = (String) values[i];
                if (!example.has(name)) {
                    throw new IllegalArgumentException(type.qualifiedName() + " has no field " + name);
                }
                example.set(name, JSON.valueToTree(values[i + 1]));
            }
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), key,
                    JSON.writeValueAsBytes(example));
            String eventId = UUID.randomUUID().toString();
            header(record, IntegrationHeaders.EVENT_ID, eventId);
            header(record, IntegrationHeaders.EVENT_TYPE, type.qualifiedName());
            header(record, IntegrationHeaders.SOURCE, type.context() + "-service");
            header(record, IntegrationHeaders.OCCURRED_AT, Instant.now().toString());
            header(record, IntegrationHeaders.CORRELATION_ID, "test-" + eventId);
            producer().send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish " + type.qualifiedName(), e);
        }
    }

    /** planning's public events of this type read so far, as JSON. */
    public static List<JsonNode> published(ContractType<?> type) {
        startReading();
        List<JsonNode> found = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : PLANNING) {
            Header header = record.headers().lastHeader(IntegrationHeaders.EVENT_TYPE);
            if (header != null && type.qualifiedName().equals(new String(header.value(), StandardCharsets.UTF_8))) {
                try {
                    found.add(JSON.readTree(record.value()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return found;
    }

    public static synchronized void startReading() {
        if (reader != null) {
            return;
        }
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "planning-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        consumer.subscribe(List.of("marelle.planning"));
        reader = new Thread(() -> {
            while (true) {
                consumer.poll(Duration.ofMillis(200)).forEach(PLANNING::add);
            }
        }, "planning-events-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        }
        return producer;
    }
}
