package fr.marelle.platform.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.integration.IntegrationHeaders;
import fr.marelle.platform.integration.IntegrationProperties;
import fr.marelle.platform.metrics.MessageMetricsRegistry;
import fr.marelle.platform.test.MarelleServiceTest;
import fr.marelle.platform.test.ServiceApi;
import fr.marelle.platform.test.TestKafka;
import fr.marelle.platform.test.TestServiceTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The platform under a minimal service: event store, metadata, problem details, tokens, Kafka in and out. */
@MarelleServiceTest
class PlatformServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CommandGateway commands;
    @Autowired
    GlobalMetricRegistry axonMetrics;

    ServiceApi api() {
        return new ServiceApi(port);
    }

    Actor parent = TestServiceTokens.parentOf(UUID.randomUUID().toString());

    String createNote(String text) {
        ServiceApi.Response created = api().as(parent).post("/api/notes", Map.of("text", text));
        assertThat(created.status()).isEqualTo(201);
        return created.body().path("noteId").asText();
    }

    long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    @Nested
    class EventStore {

        @Test
        void flyway_owns_axon_tables_with_a_bigserial_index_and_bytea_payloads() {
            String globalIndexDefault = jdbc.sql("""
                    SELECT column_default FROM information_schema.columns
                    WHERE table_name = 'domain_event_entry' AND column_name = 'global_index'""")
                    .query(String.class).single();
            assertThat(globalIndexDefault).startsWith("nextval(");
            List<String> payloadTypes = jdbc.sql("""
                    SELECT data_type FROM information_schema.columns
                    WHERE table_name IN ('domain_event_entry', 'snapshot_event_entry', 'token_entry', 'saga_entry')
                      AND column_name IN ('payload', 'meta_data', 'token', 'serialized_saga')""")
                    .query(String.class).list();
            assertThat(payloadTypes).isNotEmpty().containsOnly("bytea");
            long oidColumns = jdbc.sql("""
                    SELECT count(*) FROM information_schema.columns
                    WHERE table_schema = 'public' AND data_type = 'oid'""").query(Long.class).single();
            assertThat(oidColumns).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM platform_schema_history WHERE success")
                    .query(Long.class).single()).isGreaterThanOrEqualTo(2);
        }

        @Test
        void events_are_json_with_a_revision_and_carry_the_actor_and_correlation_of_their_command() throws Exception {
            String noteId = createNote("bonjour");
            Map<String, Object> row = jdbc.sql("""
                    SELECT payload, meta_data, payload_revision, payload_type FROM domain_event_entry
                    WHERE aggregate_identifier = ?""").param(noteId).query().singleRow();
            assertThat(row.get("payload_revision")).isEqualTo("1");
            JsonNode payload = JSON.readTree((byte[]) row.get("payload"));
            assertThat(payload.path("text").asText()).isEqualTo("bonjour");
            JsonNode metadata = JSON.readTree((byte[]) row.get("meta_data"));
            assertThat(metadata.path("actorId").asText()).isEqualTo(parent.id());
            assertThat(metadata.path("actorRole").asText()).isEqualTo("PARENT");
            assertThat(metadata.path("familyId").asText()).isEqualTo(parent.familyId());
            assertThat(metadata.path("clientIp").asText()).isEqualTo("203.0.113.7");
            assertThat(metadata.path("correlationId").asText()).startsWith("test-");
            assertThat(metadata.path("causationId").asText()).isNotBlank();
        }

        @Test
        void a_command_without_an_actor_is_refused() {
            assertThatThrownBy(() -> commands.sendAndWait(new Note.CreateNote(UUID.randomUUID().toString(), "x")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no actor");
        }

        @Test
        void concurrent_writes_to_one_aggregate_are_retried_or_answer_409_and_nothing_is_half_written()
                throws Exception {
            String noteId = createNote("v0");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int n = i;
                Callable<Integer> edit = () -> api().as(parent).put("/api/notes/" + noteId, Map.of("text", "v" + n))
                        .status();
                results.add(pool.submit(edit));
            }
            int succeeded = 0;
            for (Future<Integer> result : results) {
                int status = result.get();
                assertThat(status).isIn(200, 409);
                if (status == 200) {
                    succeeded++;
                }
            }
            pool.shutdown();
            assertThat(succeeded).isPositive();
            List<Long> sequence = jdbc.sql("""
                    SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ?
                    ORDER BY sequence_number""").param(noteId).query(Long.class).list();
            assertThat(sequence).hasSize(1 + succeeded);
            for (int i = 0; i < sequence.size(); i++) {
                assertThat(sequence.get(i)).isEqualTo(i);
            }
        }
    }

    @Nested
    class Problems {

        @Test
        void invalid_input_answers_400_with_the_field_errors_and_writes_nothing() {
            long before = eventCount();
            ServiceApi.Response blank = api().as(parent).post("/api/notes", Map.of("text", " "));
            assertThat(blank.status()).isEqualTo(400);
            assertThat(blank.contentType()).startsWith("application/problem+json");
            assertThat(blank.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(blank.body().path("type").asText()).isEqualTo("urn:marelle:problem:validation-failed");
            assertThat(blank.body().path("errors").get(0).path("field").asText()).isEqualTo("text");
            assertThat(blank.body().path("errors").get(0).path("code").asText()).isEqualTo("REQUIRED");
            assertThat(blank.body().path("errors").get(0).path("message").asText())
                    .isEqualTo("Le texte est obligatoire.");

            ServiceApi.Response tooLong = api().as(parent).post("/api/notes", Map.of("text", "x".repeat(51)));
            assertThat(tooLong.body().path("errors").get(0).path("code").asText()).isEqualTo("LENGTH");

            ServiceApi.Response malformed = api().as(parent).post("/api/notes", "{\"text\": ");
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.code()).isEqualTo("MALFORMED_REQUEST");

            ServiceApi.Response wrongType = api().as(parent).post("/api/notes", "{\"text\": {\"a\": 1}}");
            assertThat(wrongType.status()).isEqualTo(400);
            assertThat(wrongType.body().path("errors").get(0).path("field").asText()).isEqualTo("text");

            ServiceApi.Response badId = api().as(parent).get("/api/notes/not-a-uuid");
            assertThat(badId.status()).isEqualTo(400);
            assertThat(badId.body().path("errors").get(0).path("field").asText()).isEqualTo("id");
            assertThat(eventCount()).isEqualTo(before);
        }

        @Test
        void unknown_ids_answer_404() {
            assertThat(api().as(parent).get("/api/notes/" + UUID.randomUUID()).code()).isEqualTo("NOTE_NOT_FOUND");
            ServiceApi.Response edit = api().as(parent).put("/api/notes/" + UUID.randomUUID(), Map.of("text", "x"));
            assertThat(edit.status()).isEqualTo(404);
            assertThat(edit.code()).isEqualTo("NOT_FOUND");
        }

        @Test
        void a_business_rule_answers_422_with_its_code_and_writes_nothing() {
            String noteId = createNote("ok");
            long before = eventCount();
            ServiceApi.Response refused = api().as(parent).put("/api/notes/" + noteId, Map.of("text", "forbidden"));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.code()).isEqualTo("NOTE_TEXT_FORBIDDEN");
            assertThat(refused.body().path("detail").asText()).isEqualTo("Ce texte est interdit.");
            assertThat(refused.body().path("correlationId").asText()).startsWith("test-");
            assertThat(eventCount()).isEqualTo(before);
        }

        @Test
        void calls_without_a_valid_service_token_answer_401_and_wrong_roles_403() {
            assertThat(api().anonymous().get("/api/admin-only").status()).isEqualTo(401);
            assertThat(api().anonymous().get("/api/admin-only").code()).isEqualTo("UNAUTHENTICATED");
            assertThat(api().withToken(TestServiceTokens.forgedTokenFor(TestServiceTokens.staff(Role.ADMIN)))
                    .get("/api/admin-only").status()).isEqualTo(401);
            ServiceApi.Response asParent = api().as(parent).get("/api/admin-only");
            assertThat(asParent.status()).isEqualTo(403);
            assertThat(asParent.code()).isEqualTo("FORBIDDEN_ROLE");
            assertThat(api().as(TestServiceTokens.staff(Role.ADMIN)).get("/api/admin-only").status()).isEqualTo(200);
        }

        @Test
        void only_health_info_metrics_and_prometheus_are_exposed() {
            assertThat(api().anonymous().get("/actuator/health").status()).isEqualTo(200);
            assertThat(api().anonymous().get("/actuator/info").status()).isEqualTo(200);
            assertThat(api().anonymous().get("/actuator/prometheus").status()).isEqualTo(200);
            assertThat(api().anonymous().get("/actuator/prometheus").raw())
                    .contains("commandBus_successCounter_total{payloadType=", "eventProcessor_latency",
                            "eventProcessor_successCounter_total{payloadType=");
            assertThat(axonMetrics).isInstanceOf(MessageMetricsRegistry.class);
            assertThat(api().anonymous().get("/actuator/metrics").status()).isEqualTo(200);
            for (String hidden : List.of("/actuator/env", "/actuator/beans", "/actuator/configprops",
                    "/actuator/heapdump", "/actuator/loggers", "/actuator/mappings")) {
                assertThat(api().as(TestServiceTokens.staff(Role.ADMIN)).get(hidden).status())
                        .as(hidden).isIn(404);
            }
        }
    }

    @Nested
    class Integration {

        @Test
        void public_events_cross_kafka_with_their_headers_and_the_flow_correlation() {
            String noteId = createNote("publié");
            await().atMost(Duration.ofSeconds(30)).until(() -> seen(noteId) == 1);
            String eventId = jdbc.sql("SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = ?")
                    .param(noteId).query(String.class).single();
            Map<String, Object> effect = jdbc.sql("SELECT event_id, correlation_id FROM rm_note_seen WHERE note_id = ?")
                    .param(noteId).query().singleRow();
            assertThat(effect.get("event_id")).isEqualTo(eventId);
            assertThat((String) effect.get("correlation_id")).startsWith("test-");

            try (KafkaConsumer<String, byte[]> consumer = consumer()) {
                consumer.subscribe(List.of(SampleIntegration.TOPIC));
                await().atMost(Duration.ofSeconds(20)).until(() -> {
                    ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                    for (var record : records) {
                        if (noteId.equals(record.key())) {
                            assertThat(header(record.headers().lastHeader(IntegrationHeaders.EVENT_TYPE).value()))
                                    .isEqualTo(SampleIntegration.NOTE_PUBLISHED);
                            assertThat(header(record.headers().lastHeader(IntegrationHeaders.EVENT_ID).value()))
                                    .isEqualTo(eventId);
                            assertThat(header(record.headers().lastHeader(IntegrationHeaders.SOURCE).value()))
                                    .isEqualTo("sample-service");
                            assertThat(new String(record.value(), StandardCharsets.UTF_8))
                                    .doesNotContain("fr.marelle").contains("\"noteId\"");
                            return true;
                        }
                    }
                    return false;
                });
            }
        }

        @Test
        void the_same_record_delivered_twice_has_one_effect() throws Exception {
            String noteId = UUID.randomUUID().toString();
            String eventId = UUID.randomUUID().toString();
            String marker = UUID.randomUUID().toString();
            try (KafkaProducer<String, byte[]> producer = producer()) {
                producer.send(record(noteId, noteId, eventId, "doublon")).get();
                producer.send(record(noteId, noteId, eventId, "doublon")).get();
                // same key, same partition: consumed after both copies
                producer.send(record(noteId, marker, UUID.randomUUID().toString(), "témoin")).get();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> seen(marker) == 1);
            assertThat(seen(noteId)).isEqualTo(1);
            assertThat(jdbc.sql("SELECT count(*) FROM processed_message WHERE event_id = ?").param(eventId)
                    .query(Long.class).single()).isEqualTo(1);
        }

        @Test
        void a_record_that_keeps_failing_goes_to_the_dead_letter_topic_and_the_others_go_on() throws Exception {
            String poisoned = UUID.randomUUID().toString();
            try (KafkaProducer<String, byte[]> producer = producer();
                 KafkaConsumer<String, byte[]> dlt = consumer()) {
                dlt.subscribe(List.of(IntegrationProperties.deadLetterTopic(SampleIntegration.TOPIC,
                        "sample-service")));
                producer.send(record(poisoned, poisoned, UUID.randomUUID().toString(), "poison")).get();
                String healthy = createNote("sain");
                await().atMost(Duration.ofSeconds(60)).until(() -> seen(healthy) == 1);
                assertThat(seen(poisoned)).isZero();
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    for (var record : dlt.poll(Duration.ofMillis(200))) {
                        if (poisoned.equals(record.key())) {
                            return true;
                        }
                    }
                    return false;
                });
            }
        }

        private long seen(String noteId) {
            return jdbc.sql("SELECT count(*) FROM rm_note_seen WHERE note_id = ?").param(noteId)
                    .query(Long.class).single();
        }

        private ProducerRecord<String, byte[]> record(String key, String noteId, String eventId, String text)
                throws Exception {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(SampleIntegration.TOPIC, key,
                    JSON.writeValueAsBytes(new SampleIntegration.NotePublished(noteId, text)));
            record.headers().add(IntegrationHeaders.EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
            record.headers().add(IntegrationHeaders.EVENT_TYPE,
                    SampleIntegration.NOTE_PUBLISHED.getBytes(StandardCharsets.UTF_8));
            return record;
        }

        private KafkaProducer<String, byte[]> producer() {
            return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                    new StringSerializer(), new ByteArraySerializer());
        }

        private KafkaConsumer<String, byte[]> consumer() {
            return new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new ByteArrayDeserializer());
        }

        private String header(byte[] value) {
            return new String(value, StandardCharsets.UTF_8);
        }
    }
}
