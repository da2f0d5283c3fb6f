package fr.marelle.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.marelle.contracts.accounts.FamilyRegistered;
import fr.marelle.platform.integration.IntegrationHeaders;
import fr.marelle.platform.test.TestKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** Families registered in accounts-service, as their published event reaches notification-service on Kafka. */
public final class Families {

    static final ObjectMapper JSON = new ObjectMapper();

    private Families() {
    }

    /** A registration: a new family id and event id, and an email address no other test uses. */
    public record Registration(String familyId, String eventId, String email, String firstName, String language,
                               String registeredBy) {

        public Registration inEnglish() {
            return new Registration(familyId, eventId, email, firstName, "en", registeredBy);
        }

        public Registration byStaff() {
            return new Registration(familyId, eventId, email, firstName, language, "STAFF");
        }
    }

    public static Registration aRegistration() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return new Registration(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                "camille.martin." + suffix + "@example.org", "Camille", "fr", "PARENT");
    }

    /** Publishes the registration, {@code times} times with the same event id (a redelivery). */
    public static void publish(Registration registration, int times) throws Exception {
        byte[] payload = payloadOf(registration);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < times; i++) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(FamilyRegistered.TYPE.topic(),
                        registration.familyId(), payload);
                record.headers().add(IntegrationHeaders.EVENT_ID,
                        registration.eventId().getBytes(StandardCharsets.UTF_8));
                record.headers().add(IntegrationHeaders.EVENT_TYPE,
                        FamilyRegistered.TYPE.qualifiedName().getBytes(StandardCharsets.UTF_8));
                record.headers().add(IntegrationHeaders.CORRELATION_ID,
                        ("registration-" + registration.eventId()).getBytes(StandardCharsets.UTF_8));
                producer.send(record).get();
            }
        }
    }

    public static void publish(Registration registration) throws Exception {
        publish(registration, 1);
    }

    /** The contract's example, with this registration's values. */
    private static byte[] payloadOf(Registration registration) throws Exception {
        try (InputStream in = Families.class.getClassLoader()
                .getResourceAsStream(FamilyRegistered.TYPE.exampleResource())) {
            ObjectNode example = (ObjectNode) JSON.readTree(in);
            example.put("familyId", registration.familyId());
            example.put("email", registration.email());
            example.put("firstName", registration.firstName());
            example.put("language", registration.language());
            example.put("registeredBy", registration.registeredBy());
            return JSON.writeValueAsBytes(example);
        }
    }
}
