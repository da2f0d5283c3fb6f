package fr.marelle.accounts.family;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.marelle.contracts.accounts.FamilyRegistered;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.integration.IntegrationHeaders;
import fr.marelle.platform.test.MarelleServiceTest;
import fr.marelle.platform.test.ServiceApi;
import fr.marelle.platform.test.TestKafka;
import fr.marelle.platform.test.TestServiceTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MarelleServiceTest
class FamilyApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ServiceApi.Caller staff() {
        return new ServiceApi(port).as(TestServiceTokens.staff(Role.AGENT));
    }

    static Map<String, Object> validFamily() {
        Map<String, Object> family = new HashMap<>();
        family.put("civility", "MADAME");
        family.put("firstName", "Camille");
        family.put("lastName", "Martin");
        family.put("email", "camille.martin." + UUID.randomUUID() + "@example.org");
        family.put("phone", "06 12 34 56 78");
        family.put("addressLine1", "3 rue de la Gare");
        family.put("postcode", "88450");
        family.put("city", "Vincey");
        return family;
    }

    String open(Map<String, Object> family) {
        ServiceApi.Response created = staff().post("/api/families", family);
        assertThat(created.status()).isEqualTo(201);
        return created.body().path("familyId").asText();
    }

    @Test
    void staff_open_a_family_file_that_the_directory_then_shows_with_the_phone_in_e164() {
        String familyId = open(validFamily());
        await().atMost(Duration.ofSeconds(20)).until(() -> staff().get("/api/families/" + familyId).status() == 200);
        JsonNode family = staff().get("/api/families/" + familyId).body();
        assertThat(family.path("lastName").asText()).isEqualTo("Martin");
        assertThat(family.path("phone").asText()).isEqualTo("+33612345678");
        assertThat(family.path("openedByRole").asText()).isEqualTo("AGENT");
        assertThat(staff().get("/api/families?q=martin").body().toString()).contains(familyId);
    }

    @Test
    void a_parent_reads_their_own_family_and_gets_404_for_any_other() {
        String familyA = open(validFamily());
        String familyB = open(validFamily());
        await().atMost(Duration.ofSeconds(20)).until(() -> staff().get("/api/families/" + familyB).status() == 200);
        ServiceApi.Caller parentOfB = new ServiceApi(port).as(TestServiceTokens.parentOf(familyB));
        assertThat(parentOfB.get("/api/families/" + familyB).status()).isEqualTo(200);
        ServiceApi.Response other = parentOfB.get("/api/families/" + familyA);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.code()).isEqualTo("FAMILY_NOT_FOUND");
        assertThat(parentOfB.get("/api/families/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(parentOfB.get("/api/families?q=").status()).isEqualTo(403);
    }

    @Test
    void parents_and_auditors_cannot_open_a_family_file() {
        assertThat(new ServiceApi(port).as(TestServiceTokens.parentOf(UUID.randomUUID().toString()))
                .post("/api/families", validFamily()).status()).isEqualTo(403);
        assertThat(new ServiceApi(port).as(TestServiceTokens.staff(Role.AUDITOR))
                .post("/api/families", validFamily()).status()).isEqualTo(403);
    }

    @Test
    void each_invalid_field_gets_its_own_french_message_and_nothing_is_stored() {
        long before = jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
        Map<String, Object> family = validFamily();
        family.put("firstName", "");
        family.put("email", "pas-une-adresse");
        family.put("phone", "12345");
        family.put("postcode", "8845");
        family.remove("city");
        ServiceApi.Response refused = staff().post("/api/families", family);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
        Map<String, String> errors = new HashMap<>();
        refused.body().path("errors").forEach(e -> errors.put(e.path("field").asText(), e.path("message").asText()));
        assertThat(errors).containsEntry("firstName", "Le prénom est obligatoire.")
                .containsEntry("email", "L'adresse e-mail n'est pas valide.")
                .containsEntry("phone", "Ce numéro de téléphone n'est pas un numéro français valide.")
                .containsEntry("postcode", "Le code postal compte 5 chiffres.")
                .containsEntry("city", "La ville est obligatoire.");
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void the_published_family_registered_event_has_the_shape_of_the_contract_example() throws Exception {
        String familyId = open(validFamily());
        AtomicReference<JsonNode> published = new AtomicReference<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "contract-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(FamilyRegistered.TYPE.topic()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (familyId.equals(record.key())) {
                        assertThat(new String(record.headers().lastHeader(IntegrationHeaders.EVENT_TYPE).value(),
                                StandardCharsets.UTF_8)).isEqualTo("accounts.FamilyRegistered.v1");
                        try {
                            published.set(new ObjectMapper().readTree(record.value()));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
                return published.get() != null;
            });
        }
        JsonNode example;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(FamilyRegistered.TYPE.exampleResource())) {
            example = new ObjectMapper().readTree(in);
        }
        assertThat(fields(published.get())).isEqualTo(fields(example));
        assertThat(published.get().path("registeredBy").asText()).isEqualTo("STAFF");
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
