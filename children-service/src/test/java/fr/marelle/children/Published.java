package fr.marelle.children;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.marelle.contracts.Topics;
import fr.marelle.platform.integration.IntegrationHeaders;
import fr.marelle.platform.test.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;


/** What children-service published on marelle.children, read back from the broker as a consumer would. */
public final class Published implements AutoCloseable {

    public record Record(String type, String key, String eventId, JsonNode payload) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Record> seen = new ArrayList<>();

    public Published() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        consumer.subscribe(List.of(Topics.CHILDREN));
    }

    /** The first record of the type whose payload matches, waiting for it. */
    public Record await(String type, Predicate<JsonNode> matching) {
        Record[] found = {null};
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            poll();
            found[0] = seen.stream().filter(r -> r.type().equals(type) && matching.test(r.payload()))
                    .findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    public List<Record> all(String type, Predicate<JsonNode> matching) {
        poll();
        return seen.stream().filter(r -> r.type().equals(type) && matching.test(r.payload())).toList();
    }

    private void poll() {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            try {
                seen.add(new Record(header(r, IntegrationHeaders.EVENT_TYPE), r.key(),
                        header(r, IntegrationHeaders.EVENT_ID), JSON.readTree(r.value())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
