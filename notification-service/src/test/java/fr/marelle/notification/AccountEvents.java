package fr.marelle.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.marelle.contracts.ContractType;
import fr.marelle.platform.integration.IntegrationHeaders;
import fr.marelle.platform.test.TestKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Other services' public events as they reach notification-service on Kafka (accounts-service's first, hence the
 * name; the wallet's, planning's, children's and billing's too): each contract's example JSON (from the contracts
 * test-jar) with the ids and values a test sets, keyed as the producer keys it, with the headers the platform's
 * publisher puts on them.
 */
public final class AccountEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaProducer<String, byte[]> producer;

    private AccountEvents() {
    }

    /** Field values for an example, nulls allowed: {@code values("familyId", id, "firstName", null)}. */
    public static Map<String, Object> values(Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }

    /** Publishes the example of {@code type} with these values under a new event id, and answers that id. */
    public static String publish(ContractType<?> type, String key, Map<String, Object> values) {
        String eventId = UUID.randomUUID().toString();
        publish(type, key, eventId, values, 1);
        return eventId;
    }

    /** Publishes it {@code times} times with the same event id (a redelivery). */
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
                header(record, IntegrationHeaders.CORRELATION_ID, type.context() + "-" + eventId);
                producer().send(record).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish " + type.qualifiedName(), e);
        }
    }

    /** The contract's example with these values. */
    static byte[] payloadOf(ContractType<?> type, Map<String, Object> values) {
        try (InputStream in = AccountEvents.class.getClassLoader().getResourceAsStream(type.exampleResource())) {
            if (in == null) {
                throw new IllegalStateException("No example " + type.exampleResource() + " in the contracts test-jar");
            }
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

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                    new StringSerializer(), new ByteArraySerializer());
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close, "close-account-events"));
        }
        return producer;
    }
}
