package fr.marelle.notification.message;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.notification.Families;
import fr.marelle.notification.Families.Registration;
import fr.marelle.notification.StubAccounts;
import fr.marelle.notification.TestSmtp;
import fr.marelle.notification.message.TestMessages.Alternatives;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.test.MarelleServiceTest;
import fr.marelle.platform.test.ServiceApi;
import fr.marelle.platform.test.TestServiceTokens;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static fr.marelle.notification.message.TestMessages.alternatives;
import static fr.marelle.notification.message.TestMessages.anAddress;
import static fr.marelle.notification.message.TestMessages.awaitFamilyStatus;
import static fr.marelle.notification.message.TestMessages.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * From a family registered in accounts-service (its event on Kafka) to an email in a real SMTP server, and what
 * happens when the server is down, when the event comes twice, when the read models are rebuilt, and when the
 * message carries a single-use link.
 */
@MarelleServiceTest
@ExtendWith(OutputCaptureExtension.class)
class EmailDeliveryTest {

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventProcessingConfiguration processing;

    ServiceApi.Caller staff() {
        return new ServiceApi(port).as(TestServiceTokens.staff(Role.AGENT));
    }

    @Test
    void a_registered_family_gets_a_multipart_welcome_email_in_french_with_the_notice_on_personal_data()
            throws Exception {
        Registration registration = Families.aRegistration();
        Families.publish(registration);

        JsonNode message = awaitFamilyStatus(staff(), registration.familyId(), "SENT");
        List<MimeMessage> received = TestSmtp.receivedBy(registration.email());
        assertThat(received).hasSize(1);
        MimeMessage mail = received.get(0);
        assertThat(mail.getSubject()).isEqualTo("Bienvenue sur votre portail famille – Ville de Vincey");
        assertThat((InternetAddress) mail.getFrom()[0]).satisfies(from -> {
            assertThat(from.getAddress()).isEqualTo("ne-pas-repondre@vincey.fr");
            assertThat(from.getPersonal()).isEqualTo("Ville de Vincey");
        });
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        assertThat(mail.getHeader("Content-Language")).containsExactly("fr");
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        Alternatives body = alternatives(mail);
        assertThat(body.textType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(body.htmlType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
        for (String part : List.of(body.text(), body.html())) {
            assertThat(part).contains("Bonjour Camille,", "Ville de Vincey", "Vos données personnelles",
                    "droit d'accès, de rectification, d'effacement et d'opposition", "contact@vincey.fr",
                    "https://famille.vincey.test");
        }
        assertThat(body.html()).contains("<html lang=\"fr\"");

        assertThat(message.path("template").asText()).isEqualTo("WELCOME");
        assertThat(message.path("attempts").asInt()).isEqualTo(1);
        assertThat(message.path("smtpMessageId").asText()).isEqualTo(mail.getMessageID())
                .contains(message.path("messageId").asText());
        assertThat(message.path("sentAt").isNull()).isFalse();
    }

    @Test
    void a_family_that_chose_english_gets_its_welcome_email_in_english() throws Exception {
        Registration registration = Families.aRegistration().inEnglish().byStaff();
        Families.publish(registration);

        awaitFamilyStatus(staff(), registration.familyId(), "SENT");
        MimeMessage mail = TestSmtp.receivedBy(registration.email()).get(0);
        assertThat(mail.getSubject()).isEqualTo("Welcome to your family portal – Ville de Vincey");
        assertThat(mail.getHeader("Content-Language")).containsExactly("en");
        Alternatives body = alternatives(mail);
        for (String part : List.of(body.text(), body.html())) {
            assertThat(part).contains("Hello Camille,", "The town hall has opened your family file",
                    "Your personal data", "right to access, rectify and erase", "contact@vincey.fr");
        }
    }

    @Test
    void the_same_registration_delivered_twice_by_kafka_sends_one_email() throws Exception {
        Registration registration = Families.aRegistration();
        Families.publish(registration, 2);

        awaitFamilyStatus(staff(), registration.familyId(), "SENT");
        TimeUnit.MILLISECONDS.sleep(1_500); // several rounds of the worker: nothing more may be sent
        assertThat(TestSmtp.receivedBy(registration.email())).hasSize(1);
        assertThat(staff().get("/api/messages?familyId=" + registration.familyId()).body().size()).isEqualTo(1);
    }

    @Test
    void emails_share_an_open_connection_and_one_the_server_dropped_is_replaced_within_the_attempt()
            throws Exception {
        Registration first = Families.aRegistration();
        Families.publish(first);
        awaitFamilyStatus(staff(), first.familyId(), "SENT");
        int connections = TestSmtp.proxy().accepted();

        Registration second = Families.aRegistration();
        Families.publish(second);
        awaitFamilyStatus(staff(), second.familyId(), "SENT");
        assertThat(TestSmtp.proxy().accepted()).as("the second email went on the first one's connection")
                .isEqualTo(connections);

        TestSmtp.proxy().cut(); // drops the open connection, which the mailer still holds
        TestSmtp.proxy().restore();
        Registration third = Families.aRegistration();
        Families.publish(third);
        JsonNode sent = awaitFamilyStatus(staff(), third.familyId(), "SENT");
        assertThat(sent.path("attempts").asInt()).as("no failed attempt: a new connection at once").isEqualTo(1);
        assertThat(TestSmtp.receivedBy(third.email())).hasSize(1);
        assertThat(TestSmtp.proxy().accepted()).isEqualTo(connections + 1);
    }

    @Test
    void an_email_queued_while_the_smtp_server_is_down_is_retried_and_delivered_once_it_is_back() throws Exception {
        Registration registration = Families.aRegistration();
        JsonNode retrying;
        TestSmtp.proxy().cut();
        try {
            Families.publish(registration);
            retrying = awaitFamilyStatus(staff(), registration.familyId(), "RETRY_SCHEDULED");
            assertThat(TestSmtp.receivedBy(registration.email())).isEmpty();
        } finally {
            TestSmtp.proxy().restore();
        }
        assertThat(retrying.path("statusCode").asText()).isEqualTo("SMTP_UNAVAILABLE");
        assertThat(retrying.path("statusReason").asText()).startsWith("Serveur SMTP injoignable");
        assertThat(retrying.path("attempts").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(OffsetDateTime.parse(retrying.path("nextAttemptAt").asText()))
                .isAfter(OffsetDateTime.parse(retrying.path("updatedAt").asText()));

        JsonNode sent = awaitFamilyStatus(staff(), registration.familyId(), "SENT");
        assertThat(sent.path("attempts").asInt()).isGreaterThan(retrying.path("attempts").asInt());
        assertThat(sent.path("statusReason").isNull()).isTrue();
        assertThat(TestSmtp.receivedBy(registration.email())).hasSize(1);
    }

    @Test
    void rebuilding_the_message_history_sends_nothing_and_the_delivery_processor_cannot_be_replayed()
            throws Exception {
        Registration registration = Families.aRegistration();
        Families.publish(registration);
        String messageId = awaitFamilyStatus(staff(), registration.familyId(), "SENT").path("messageId").asText();

        StreamingEventProcessor history = processing.eventProcessor("message-history", StreamingEventProcessor.class)
                .orElseThrow();
        history.shutdownAsync().get(10, TimeUnit.SECONDS);
        history.resetTokens();
        assertThat(jdbc.sql("SELECT count(*) FROM rm_message").query(Long.class).single()).isZero();
        history.start();

        awaitFamilyStatus(staff(), registration.familyId(), "SENT");
        TimeUnit.MILLISECONDS.sleep(1_000);
        assertThat(TestSmtp.receivedBy(registration.email())).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM delivery_queue WHERE message_id = ?::uuid").param(messageId)
                .query(Long.class).single()).isZero();
        StreamingEventProcessor delivery = processing.eventProcessor("email-delivery", StreamingEventProcessor.class)
                .orElseThrow();
        assertThat(delivery.supportsReset()).isFalse();
    }

    @Test
    void a_single_use_link_reaches_the_email_and_never_an_event_a_read_model_or_a_log_line(CapturedOutput output)
            throws Exception {
        String recipient = anAddress();
        String linkRequestId = TestMessages.aLinkRequest();
        MessageId messageId = TestMessages.queue(commands, UUID.randomUUID().toString(), "PASSWORD_RESET", recipient,
                Map.of("firstName", "Camille"), linkRequestId);

        awaitStatus(staff(), messageId, "SENT");
        Alternatives body = alternatives(TestSmtp.receivedBy(recipient).get(0));
        String link = StubAccounts.callsFor(linkRequestId).get(0).url();
        assertThat(body.text()).contains(link);
        assertThat(body.html()).contains("href=\"" + link + "\"");
        assertThat(body.text()).contains("Choisissez-en un nouveau", "ne sert qu'une fois");

        String secret = link.substring(link.lastIndexOf('=') + 1);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                        WHERE position(:secret IN convert_from(payload, 'UTF8')) > 0
                           OR position(:secret IN convert_from(coalesce(meta_data, ''::bytea), 'UTF8')) > 0""")
                .param("secret", secret).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM rm_message WHERE position(:secret IN rm_message::text) > 0")
                .param("secret", secret).query(Long.class).single()).isZero();
        assertThat(output.getAll()).doesNotContain(secret);
    }

    @Test
    void a_link_that_cannot_be_obtained_yet_fails_the_attempt_which_is_retried() {
        String recipient = anAddress();
        String linkRequestId = TestMessages.aLinkRequest();
        StubAccounts.answer(linkRequestId, StubAccounts.Answer.UNAVAILABLE);
        MessageId messageId;
        try {
            messageId = TestMessages.queue(commands, UUID.randomUUID().toString(), "VERIFY_EMAIL", recipient,
                    Map.of("firstName", "Camille"), linkRequestId);
            JsonNode retrying = awaitStatus(staff(), messageId, "RETRY_SCHEDULED");
            assertThat(retrying.path("statusCode").asText()).isEqualTo("LINK_UNAVAILABLE");
            assertThat(retrying.path("statusReason").asText()).contains("EMAIL_VERIFICATION", "503");
        } finally {
            StubAccounts.recover(linkRequestId);
        }
        awaitStatus(staff(), messageId, "SENT");
        await().atMost(Duration.ofSeconds(5)).until(() -> TestSmtp.receivedBy(recipient).size() == 1);
    }
}
