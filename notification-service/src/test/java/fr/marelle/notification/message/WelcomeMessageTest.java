package fr.marelle.notification.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.marelle.contracts.accounts.FamilyRegistered;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.integration.IntegrationHeaders;
import fr.marelle.platform.test.MarelleServiceTest;
import fr.marelle.platform.test.ServiceApi;
import fr.marelle.platform.test.TestKafka;
import fr.marelle.platform.test.TestServiceTokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Consumer side of accounts.FamilyRegistered.v1, fed with the contract's example. */
@MarelleServiceTest
class WelcomeMessageTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void a_registered_family_gets_one_queued_welcome_email_even_when_the_event_arrives_twice() throws Exception {
        String familyId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        byte[] payload = examplePayloadFor(familyId);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 2; i++) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(FamilyRegistered.TYPE.topic(), familyId,
                        payload);
                record.headers().add(IntegrationHeaders.EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
                record.headers().add(IntegrationHeaders.EVENT_TYPE,
                        FamilyRegistered.TYPE.qualifiedName().getBytes(StandardCharsets.UTF_8));
                producer.send(record).get();
            }
        }
        ServiceApi.Caller staff = new ServiceApi(port).as(TestServiceTokens.staff(Role.ADMIN));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> staff.get("/api/messages?familyId=" + familyId).body().size() == 1);
        Thread.sleep(1_000);
        JsonNode messages = staff.get("/api/messages?familyId=" + familyId).body();
        assertThat(messages.size()).isEqualTo(1);
        assertThat(messages.get(0).path("template").asText()).isEqualTo("WELCOME");
        assertThat(messages.get(0).path("channel").asText()).isEqualTo("EMAIL");
        assertThat(messages.get(0).path("status").asText()).isEqualTo("QUEUED");
        assertThat(messages.get(0).path("recipient").asText()).isEqualTo("camille.martin@example.org");

        ServiceApi.Caller parent = new ServiceApi(port).as(TestServiceTokens.parentOf(familyId));
        assertThat(parent.get("/api/messages").body().size()).isEqualTo(1);
        ServiceApi.Caller otherParent = new ServiceApi(port).as(TestServiceTokens.parentOf(UUID.randomUUID().toString()));
        assertThat(otherParent.get("/api/messages?familyId=" + familyId).status()).isEqualTo(404);
    }

    private byte[] examplePayloadFor(String familyId) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(FamilyRegistered.TYPE.exampleResource())) {
            ObjectNode example = (ObjectNode) JSON.readTree(in);
            example.put("familyId", familyId);
            return JSON.writeValueAsBytes(example);
        }
    }
}
