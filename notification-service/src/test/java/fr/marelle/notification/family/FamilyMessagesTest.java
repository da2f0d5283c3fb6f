package fr.marelle.notification.family;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.marelle.contracts.billing.InvoiceIssued;
import fr.marelle.contracts.children.ChildRegistered;
import fr.marelle.contracts.children.DocumentReviewed;
import fr.marelle.contracts.notifications.NotificationSent;
import fr.marelle.contracts.planning.BookingsSubmitted;
import fr.marelle.contracts.planning.ServiceChanged;
import fr.marelle.contracts.planning.ServiceDayCancelled;
import fr.marelle.contracts.planning.WaitlistPlaceGranted;
import fr.marelle.contracts.wallet.TopUpFailed;
import fr.marelle.notification.AccountEvents;
import fr.marelle.notification.Guardians;
import fr.marelle.notification.Guardians.Guardian;
import fr.marelle.notification.TestSmsGateway;
import fr.marelle.notification.TestSmtp;
import fr.marelle.notification.directory.NameDirectory;
import fr.marelle.notification.directory.RecipientDirectory;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.integration.IntegrationHeaders;
import fr.marelle.platform.test.MarelleServiceTest;
import fr.marelle.platform.test.ServiceApi;
import fr.marelle.platform.test.TestKafka;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static fr.marelle.notification.AccountEvents.values;
import static fr.marelle.notification.message.TestMessages.alternatives;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every other message a family gets, from planning's, children's, billing's and the wallet's public events (their
 * contract examples on Kafka): the right words, the names of children and services learnt from their own events,
 * the family's channels; and the public {@code NotificationSent} for the audit console.
 */
@MarelleServiceTest
class FamilyMessagesTest {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @LocalServerPort
    int port;
    @Autowired
    RecipientDirectory directory;
    @Autowired
    NameDirectory names;

    Guardian aFamily() {
        return Guardians.registered(Guardians.aGuardian(), directory);
    }

    String aChildOf(Guardian family, String firstName) {
        String childId = UUID.randomUUID().toString();
        AccountEvents.publish(ChildRegistered.TYPE, family.familyId(), values("childId", childId,
                "familyId", family.familyId(), "firstName", firstName, "lastName", "Martin"));
        await().atMost(Duration.ofSeconds(15)).until(() -> names.childFirstName(childId).isPresent());
        return childId;
    }

    String aService(String name) {
        String serviceId = "service-" + UUID.randomUUID().toString().substring(0, 8);
        AccountEvents.publish(ServiceChanged.TYPE, serviceId, values("serviceId", serviceId, "name", name));
        await().atMost(Duration.ofSeconds(15)).until(() -> names.serviceName(serviceId).isPresent());
        return serviceId;
    }

    static MimeMessage theEmailTo(String address) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !TestSmtp.receivedBy(address).isEmpty());
        return TestSmtp.receivedBy(address).get(0);
    }

    static TestSmsGateway.Sms theSmsTo(String mobile) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !TestSmsGateway.receivedBy(mobile).isEmpty());
        return TestSmsGateway.receivedBy(mobile).get(0);
    }

    JsonNode messagesOf(Guardian family) {
        return new ServiceApi(port).as(new Actor(family.guardianId(), Role.PARENT, family.familyId(), null))
                .get("/api/messages").body();
    }

    @Test
    void a_submission_of_the_planning_is_confirmed_by_email_with_its_days_per_child_and_service() throws Exception {
        Guardian family = aFamily();
        String lea = aChildOf(family, "Léa");
        String canteen = aService("Restauration scolaire");
        AccountEvents.publish(BookingsSubmitted.TYPE, family.familyId(), values("familyId", family.familyId(),
                "submissionId", UUID.randomUUID().toString(), "lines", List.of(
                        Map.of("bookingId", UUID.randomUUID().toString(), "childId", lea, "serviceId", canteen,
                                "date", "2026-09-01", "outcome", "BOOKED"),
                        Map.of("bookingId", UUID.randomUUID().toString(), "childId", lea, "serviceId", canteen,
                                "date", "2026-09-03", "outcome", "BOOKED"),
                        Map.of("bookingId", UUID.randomUUID().toString(), "childId", lea, "serviceId", canteen,
                                "date", "2026-09-02", "outcome", "WAITLISTED"))));

        MimeMessage email = theEmailTo(family.email());
        assertThat(email.getSubject()).isEqualTo("Vos réservations sont enregistrées – Ville de Vincey");
        assertThat(alternatives(email).text())
                .contains("2 jours réservés et 1 jour sur liste d’attente", "Léa – Restauration scolaire",
                        "réservé : 1er et 3 septembre 2026", "sur liste d'attente : 2 septembre 2026");
        // booking confirmations: by email only unless chosen (the history is a read model: it may follow the mail)
        await().atMost(Duration.ofSeconds(10)).during(Duration.ofSeconds(1))
                .until(() -> messagesOf(family).size() == 1);
    }

    @Test
    void a_freed_place_is_told_by_email_and_by_sms_naming_the_child_the_service_and_the_day() throws Exception {
        Guardian family = aFamily();
        String tom = aChildOf(family, "Tom");
        String daycare = aService("Garderie soir");
        AccountEvents.publish(WaitlistPlaceGranted.TYPE, family.familyId(), values("familyId", family.familyId(),
                "bookingId", UUID.randomUUID().toString(), "childId", tom, "serviceId", daycare,
                "date", "2026-09-02"));

        assertThat(alternatives(theEmailTo(family.email())).text()).contains("une place s'est libérée pour Tom "
                + "(Garderie soir) le mercredi 2 septembre 2026");
        assertThat(theSmsTo(family.mobile()).content()).isEqualTo("Ville de Vincey : une place s'est libérée pour Tom "
                + "(Garderie soir, le 02/09/2026). Ce jour est réservé. https://famille.vincey.test/planification");
    }

    @Test
    void the_closure_of_a_day_tells_every_family_with_a_booking_once_naming_its_children() throws Exception {
        Guardian martin = aFamily();
        Guardian durand = aFamily();
        String lea = aChildOf(martin, "Léa");
        String tom = aChildOf(martin, "Tom");
        String jade = aChildOf(durand, "Jade");
        String canteen = aService("Restauration scolaire");
        AccountEvents.publish(ServiceDayCancelled.TYPE, canteen + "@2026-10-13", values("serviceId", canteen,
                "date", "2026-10-13", "reason", "Grève", "bookings", List.of(
                        Map.of("bookingId", UUID.randomUUID().toString(), "childId", lea, "familyId", martin.familyId()),
                        Map.of("bookingId", UUID.randomUUID().toString(), "childId", tom, "familyId", martin.familyId()),
                        Map.of("bookingId", UUID.randomUUID().toString(), "childId", jade,
                                "familyId", durand.familyId()))));

        assertThat(theEmailTo(martin.email()).getSubject())
                .isEqualTo("Fermeture le mardi 13 octobre 2026 : Restauration scolaire – Ville de Vincey");
        assertThat(alternatives(theEmailTo(martin.email())).text()).contains("pour la raison suivante : Grève",
                "Les réservations de Léa, Tom pour ce jour sont annulées");
        assertThat(theSmsTo(durand.mobile()).content()).isEqualTo("Ville de Vincey : fermeture de Restauration "
                + "scolaire le 13/10/2026 (Grève). Réservation(s) de Jade annulée(s), sans frais.");
        await().atMost(Duration.ofSeconds(10)).until(() -> messagesOf(martin).size() == 2);
        assertThat(TestSmtp.receivedBy(martin.email())).hasSize(1);
    }

    @Test
    void a_refused_document_is_emailed_with_the_reason_and_an_approved_one_only_to_a_family_that_asked()
            throws Exception {
        Guardian family = aFamily();
        Guardian curious = aFamily();
        new ServiceApi(port).as(new Actor(curious.guardianId(), Role.PARENT, curious.familyId(), null))
                .put("/api/notification-preferences", Map.of("kinds",
                        Map.of("DOCUMENT_APPROVED", Map.of("email", true, "sms", false))));
        String lea = aChildOf(family, "Léa");
        AccountEvents.publish(DocumentReviewed.TYPE, family.familyId(), values("familyId", family.familyId(),
                "documentId", UUID.randomUUID().toString(), "childId", lea, "title", "Attestation d'assurance",
                "outcome", "REJECTED", "reason", "La date de fin de validité n'est pas lisible."));
        AccountEvents.publish(DocumentReviewed.TYPE, family.familyId(), values("familyId", family.familyId(),
                "documentId", UUID.randomUUID().toString(), "outcome", "APPROVED", "reason", null,
                "validUntil", "2027-08-31"));
        AccountEvents.publish(DocumentReviewed.TYPE, curious.familyId(), values("familyId", curious.familyId(),
                "documentId", UUID.randomUUID().toString(), "outcome", "APPROVED", "reason", null,
                "validUntil", "2027-08-31"));

        MimeMessage refused = theEmailTo(family.email());
        assertThat(refused.getSubject()).isEqualTo("Document refusé : Attestation d'assurance – Ville de Vincey");
        assertThat(alternatives(refused).text()).contains("Le document « Attestation d'assurance » de Léa que vous "
                + "avez envoyé n'a pas pu être accepté", "« La date de fin de validité n'est pas lisible. »",
                "/mes-documents");
        MimeMessage approved = theEmailTo(curious.email());
        assertThat(approved.getSubject()).isEqualTo("Document accepté : Fiche sanitaire – Ville de Vincey");
        assertThat(alternatives(approved).text()).contains("a été accepté ; il est valable jusqu'au", "2027");
        await().pollDelay(Duration.ofMillis(1_000)).atMost(Duration.ofSeconds(5))
                .until(() -> TestSmtp.receivedBy(family.email()).size() == 1);
        await().atMost(Duration.ofSeconds(10)).during(Duration.ofSeconds(1))
                .until(() -> messagesOf(family).size() == 1);
    }

    @Test
    void an_invoice_and_a_failed_top_up_are_emailed_in_the_family_language() throws Exception {
        Guardian family = Guardians.registered(Guardians.aGuardian().inEnglish(), directory);
        AccountEvents.publish(InvoiceIssued.TYPE, family.familyId(), values("familyId", family.familyId(),
                "invoiceId", UUID.randomUUID().toString(), "number", "FAC-2026-000042"));
        AccountEvents.publish(TopUpFailed.TYPE, family.familyId(), values("familyId", family.familyId(),
                "paymentId", UUID.randomUUID().toString(), "reason", "EXPIRED"));

        await().atMost(Duration.ofSeconds(20)).until(() -> TestSmtp.receivedBy(family.email()).size() == 2);
        List<String> texts = TestSmtp.receivedBy(family.email()).stream().map(m -> {
            try {
                return m.getSubject() + "\n" + alternatives(m).text();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(texts).anySatisfy(t -> assertThat(t).startsWith("Your invoice FAC-2026-000042 is available")
                .contains("for September 2026, amounting to €39.90"));
        assertThat(texts).anySatisfy(t -> assertThat(t).startsWith("Top-up not completed")
                .contains("Your card payment of €50.00 did not go through (the time to pay ran out)"));
    }

    @Test
    void a_message_handed_to_its_provider_is_published_without_its_address_for_the_audit_console()
            throws Exception {
        Guardian family = aFamily();
        AccountEvents.publish(WaitlistPlaceGranted.TYPE, family.familyId(), values("familyId", family.familyId(),
                "bookingId", UUID.randomUUID().toString()));
        theSmsTo(family.mobile());

        AtomicReference<JsonNode> published = new AtomicReference<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "audit-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(NotificationSent.TYPE.topic()));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String type = new String(record.headers().lastHeader(IntegrationHeaders.EVENT_TYPE).value(),
                            StandardCharsets.UTF_8);
                    JsonNode payload = JSON.readTree(record.value());
                    if (type.equals(NotificationSent.TYPE.qualifiedName()) && record.key().equals(family.familyId())
                            && payload.path("channel").asText().equals("SMS")) {
                        published.set(payload);
                        return true;
                    }
                }
                return false;
            });
        }
        JsonNode sent = published.get();
        assertThat(sent.path("familyId").asText()).isEqualTo(family.familyId());
        assertThat(sent.path("template").asText()).isEqualTo("WAITLIST_PLACE_GRANTED");
        assertThat(sent.path("kind").asText()).isEqualTo("WAITLIST_PLACE_GRANTED");
        assertThat(sent.path("attempt").asInt()).isEqualTo(1);
        assertThat(sent.toString()).doesNotContain(family.mobile(), family.email());
        JSON.treeToValue(sent, NotificationSent.class);
    }
}
