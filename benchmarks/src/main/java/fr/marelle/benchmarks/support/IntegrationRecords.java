package fr.marelle.benchmarks.support;

import fr.marelle.platform.integration.IntegrationHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Kafka records shaped as a Marelle service publishes them: the payload and the platform's integration headers. */
public final class IntegrationRecords {

    private IntegrationRecords() {
    }

    /**
     * A record of {@code value} (JSON bytes) keyed by {@code key}, with a new event id, the event type, the publishing
     * {@code source}, the time now and the correlation id {@code bench-<event id>}.
     */
    public static ProducerRecord<String, byte[]> record(String topic, String key, String type, String source,
                                                        byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        String eventId = UUID.randomUUID().toString();
        header(record, IntegrationHeaders.EVENT_ID, eventId);
        header(record, IntegrationHeaders.EVENT_TYPE, type);
        header(record, IntegrationHeaders.SOURCE, source);
        header(record, IntegrationHeaders.OCCURRED_AT, Instant.now().toString());
        header(record, IntegrationHeaders.CORRELATION_ID, "bench-" + eventId);
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
