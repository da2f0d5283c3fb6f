package fr.marelle.platform.sample;

import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.test.ServiceApi;
import fr.marelle.platform.test.TcpProxy;
import fr.marelle.platform.test.TestKafka;
import fr.marelle.platform.test.TestServiceTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka goes off the network while a service keeps writing events: the events are published when it is back, none
 * lost, each consumed once. The broker keeps running behind a proxy that the test cuts, as a network partition.
 */
class KafkaOutageTest {

    @Test
    void events_written_while_kafka_is_down_are_published_when_it_is_back_and_none_is_lost() throws Exception {
        int brokerPort = TcpProxy.freePort();
        int proxyPort = TcpProxy.freePort();
        String advertised = "127.0.0.1:" + proxyPort;
        try (TcpProxy proxy = new TcpProxy(proxyPort, "127.0.0.1", brokerPort).start()) {
            EmbeddedKafkaKraftBroker broker = TestKafka.startBroker(brokerPort, advertised);
            // short client timeouts: the outage outlasts them, so the publishing batch fails and is retried
            try (SampleContext sample = new SampleContext(advertised, Map.of(
                    "spring.kafka.producer.properties.delivery.timeout.ms", "3000",
                    "spring.kafka.producer.properties.request.timeout.ms", "1000",
                    "spring.kafka.producer.properties.max.block.ms", "1000"))) {
                JdbcClient jdbc = sample.bean(JdbcClient.class);
                ServiceApi.Caller parent = sample.api().as(TestServiceTokens.parentOf(UUID.randomUUID().toString()));

                String before = create(parent, "avant la coupure");
                await().atMost(Duration.ofSeconds(60)).until(() -> seen(jdbc, before) == 1);

                proxy.cut();
                List<String> during = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    during.add(create(parent, "pendant la coupure " + i));
                }
                ServiceApi.Caller ops = sample.api().as(new Actor("ops", Role.ADMIN, null, null));
                await().atMost(Duration.ofSeconds(20)).until(() -> publisherError(ops) != null);
                assertThat(publisherError(ops)).contains("Timeout");
                assertThat(during).allSatisfy(id -> assertThat(seen(jdbc, id)).isZero());

                proxy.restore();
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                        .until(() -> during.stream().allMatch(id -> seen(jdbc, id) == 1));

                Set<String> onTopic = keysOnTopic(advertised, 1 + during.size());
                assertThat(onTopic).contains(before).containsAll(during);
                assertThat(during).allSatisfy(id -> assertThat(seen(jdbc, id)).isEqualTo(1));
            } finally {
                broker.destroy();
            }
        }
    }

    private static String publisherError(ServiceApi.Caller ops) {
        for (var processor : ops.get("/internal/status").body().path("processors")) {
            if (processor.path("name").asText().equals("integration-publisher")
                    && !processor.path("error").isNull()) {
                return processor.path("error").asText();
            }
        }
        return null;
    }

    private static String create(ServiceApi.Caller parent, String text) {
        ServiceApi.Response response = parent.post("/api/notes", Map.of("text", text));
        assertThat(response.status()).isEqualTo(201);
        return response.body().path("noteId").asText();
    }

    private static long seen(JdbcClient jdbc, String noteId) {
        return jdbc.sql("SELECT count(*) FROM rm_note_seen WHERE note_id = ?").param(noteId).query(Long.class).single();
    }

    private static Set<String> keysOnTopic(String bootstrap, int expected) {
        Set<String> keys = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "outage-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(SampleIntegration.TOPIC));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> keys.add(r.key()));
                return keys.size() >= expected;
            });
        }
        return keys;
    }
}
