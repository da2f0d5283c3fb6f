package fr.marelle.wallet.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Other contexts' public events as they reach wallet-service on Kafka (with the headers the platform's publisher puts
 * on them), and what wallet-service publishes on its own topic.
 */
public final class Published {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static KafkaProducer<String, byte[]> producer;
    private static KafkaConsumer<String, byte[]> consumer;
    private static final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    private Published() {
    }

    /** Publishes a contract payload under a new event id; answers the id. */
    public static String publish(ContractType<?> type, String key, Object payload) {
        String eventId = UUID.randomUUID().toString();
        publish(type, key, eventId, payload, 1);
        return eventId;
    }

    /** Publishes it {@code times} times with the same event id: a redelivery. */
    public static synchronized void publish(ContractType<?> type, String key, String eventId, Object payload,
                                            int times) {
        try {
            byte[] bytes = payload instanceof byte[] raw ? raw : JSON.writeValueAsBytes(payload);
            for (int i = 0; i < times; i++) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), key, bytes);
                header(record, IntegrationHeaders.EVENT_ID, eventId);
                header(record, IntegrationHeaders.EVENT_TYPE, type.qualifiedName());
                header(record, IntegrationHeaders.SOURCE, type.context() + "-service");
                header(record, IntegrationHeaders.OCCURRED_AT, Instant.now().toString());
                header(record, IntegrationHeaders.CORRELATION_ID, type.context() + "-" + eventId);
                producer().send(record).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish " + type.qualifiedName(), e);
        }
    }

    /** The contract's example file (from the contracts test-jar) with these fields replaced. */
    public static byte[] example(ContractType<?> type, Map<String, Object> values) {
        try (InputStream in = Published.class.getClassLoader().getResourceAsStream(type.exampleResource())) {
            ObjectNode example = (ObjectNode) JSON.readTree(in);
            values.forEach((name, value) -> {
                if (!example.has(name)) {
                    throw new IllegalArgumentException(type.qualifiedName() + " has no field " + name);
                }
                example.set(name, JSON.valueToTree(value));
            });
            return JSON.writeValueAsBytes(example);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The field names of a contract's example file. */
    public static List<String> exampleFields(ContractType<?> type) {
        try (InputStream in = Published.class.getClassLoader().getResourceAsStream(type.exampleResource())) {
            List<String> names = new ArrayList<>();
            JSON.readTree(in).fieldNames().forEachRemaining(names::add);
            return names;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One record of wallet-service's topic: its type header and JSON payload. */
    public record Out(String key, String type, String eventId, JsonNode payload) {
    }

    /** Everything on {@code marelle.wallet} so far for this family, in order. */
    public static synchronized List<Out> walletEventsOf(String familyId) {
        KafkaConsumer<String, byte[]> c = consumer();
        for (int i = 0; i < 3; i++) {
            c.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        List<Out> out = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : seen) {
            if (familyId.equals(record.key())) {
                try {
                    out.add(new Out(record.key(), header(record, IntegrationHeaders.EVENT_TYPE),
                            header(record, IntegrationHeaders.EVENT_ID), JSON.readTree(record.value())));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }

    public static List<Out> walletEventsOf(String familyId, ContractType<?> type) {
        return walletEventsOf(familyId).stream().filter(o -> o.type().equals(type.qualifiedName())).toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                    ProducerConfig.ACKS_CONFIG, "all"));
        }
        return producer;
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        if (consumer == null) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "wallet-test-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
            consumer.subscribe(List.of("marelle.wallet"));
        }
        return consumer;
    }
}
