package fr.marelle.systemtests.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.marelle.platform.integration.IntegrationHeaders;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * The portal's Kafka broker, on which a journey publishes a service's public facts in their contract's shape and
 * headers, as the platform's publisher sends them: what a journey cannot make happen through the pages (the register
 * of a day that is already over, or a child whose documents another journey validates).
 */
public final class Broker implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092"),
            new StringSerializer(), new ByteArraySerializer());

    /** Publishes a fact of its own flow (a fresh correlation id), as one command's events are. */
    public void publish(String type, String key, Map<String, Object> payload) {
        publish(type, key, payload, "journey-" + UUID.randomUUID());
    }

    /**
     * Publishes a fact on its service's topic ({@code marelle.<service>}) with a versioned type, an event id, its
     * source, when it occurred and the flow it belongs to, and waits until the broker has it.
     */
    public void publish(String type, String key, Map<String, Object> payload, String correlationId) {
        String service = type.substring(0, type.indexOf('.'));
        try {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>("marelle." + service, key,
                    JSON.writeValueAsBytes(payload));
            header(record, IntegrationHeaders.EVENT_ID, UUID.randomUUID().toString());
            header(record, IntegrationHeaders.EVENT_TYPE, type);
            header(record, IntegrationHeaders.SOURCE, service + "-service");
            header(record, IntegrationHeaders.OCCURRED_AT, Instant.now().toString());
            header(record, IntegrationHeaders.CORRELATION_ID, correlationId);
            producer.send(record).get();
        } catch (JsonProcessingException | ExecutionException e) {
            throw new IllegalStateException("Could not publish " + type, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
