package fr.marelle.notification.message.delivery;

import fr.marelle.notification.message.DeliveryFailureCode;
import fr.marelle.notification.message.MessageId;
import fr.marelle.notification.message.rendering.RenderedEmail;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmtpMailerTest {

    final SmtpMailer mailer = new SmtpMailer(new JavaMailSenderImpl(), "Mairie de Saint-Dié <ne-pas-repondre@saint-die.fr>",
            Clock.fixed(Instant.parse("2026-09-01T07:45:00Z"), ZoneOffset.UTC));
    final RenderedEmail email = new RenderedEmail("Bienvenue à Saint-Dié", "Bonjour Zoé,\n", "<p>Bonjour Zoé,</p>",
            "fr");

    @Nested
    class Composing {

        @Test
        void writes_a_utf8_multipart_alternative_with_the_text_first_and_an_id_derived_from_the_message()
                throws Exception {
            MessageId messageId = new MessageId(UUID.randomUUID());
            MimeMessage message = mailer.compose(messageId, "zoe@example.org", email);

            assertThat(message.getMessageID()).isEqualTo("<" + messageId + "@saint-die.fr>");
            assertThat(message.getContentType()).startsWith("multipart/alternative");
            MimeMultipart parts = (MimeMultipart) message.getContent();
            assertThat(parts.getBodyPart(0).getContentType()).isEqualTo("text/plain; charset=UTF-8");
            assertThat(parts.getBodyPart(1).getContentType()).isEqualTo("text/html; charset=UTF-8");
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            String wire = raw.toString(StandardCharsets.US_ASCII);
            // non-ASCII headers are encoded words: the wire stays 7-bit
            assertThat(wire).contains("From: =?UTF-8?Q?Mairie_de_Saint-Di=C3=A9?= <ne-pas-repondre@saint-die.fr>")
                    .contains("Subject: =?UTF-8?Q?Bienvenue_=C3=A0_Saint-Di=C3=A9?=")
                    .contains("Auto-Submitted: auto-generated")
                    .contains("Content-Language: fr");
        }

        @Test
        void the_same_message_has_the_same_id_at_every_attempt() throws Exception {
            MessageId messageId = new MessageId(UUID.randomUUID());
            assertThat(mailer.compose(messageId, "zoe@example.org", email).getMessageID())
                    .isEqualTo(mailer.compose(messageId, "zoe@example.org", email).getMessageID());
        }

        @Test
        void an_address_that_is_not_one_fails_for_good() {
            assertThatThrownBy(() -> mailer.compose(new MessageId(UUID.randomUUID()), "zoe@@example", email))
                    .isInstanceOfSatisfying(MailDeliveryException.class, e -> {
                        assertThat(e.code()).isEqualTo(DeliveryFailureCode.RECIPIENT_INVALID);
                        assertThat(e.permanent()).isTrue();
                    });
        }
    }

    @Nested
    class Failures {

        @Test
        void a_recipient_refused_for_good_fails_the_message_at_once() throws Exception {
            SMTPAddressFailedException refused = new SMTPAddressFailedException(
                    new InternetAddress("zoe@example.org"), "RCPT TO:<zoe@example.org>", 550, "550 5.1.1 No such user");
            MailDeliveryException failure = SmtpMailer.failure(new SendFailedException("Invalid Addresses", refused));

            assertThat(failure.code()).isEqualTo(DeliveryFailureCode.SMTP_REJECTED);
            assertThat(failure.permanent()).isTrue();
            assertThat(failure.getMessage()).contains("550 5.1.1 No such user");
        }

        @Test
        void a_recipient_refused_for_now_is_retried() throws Exception {
            SMTPAddressFailedException greylisted = new SMTPAddressFailedException(
                    new InternetAddress("zoe@example.org"), "RCPT TO:<zoe@example.org>", 451, "451 4.7.1 Greylisted");
            MailDeliveryException failure = SmtpMailer.failure(new SendFailedException("Invalid Addresses", greylisted));

            assertThat(failure.code()).isEqualTo(DeliveryFailureCode.SMTP_TEMPORARY_REFUSAL);
            assertThat(failure.permanent()).isFalse();
        }

        @Test
        void a_message_the_relay_refuses_is_retried_since_it_is_mostly_a_configuration_problem() {
            SMTPSendFailedException relayDenied = new SMTPSendFailedException("MAIL FROM", 530,
                    "530 5.7.0 Authentication required", null, null, null, null);
            MailDeliveryException failure = SmtpMailer.failure(relayDenied);

            assertThat(failure.code()).isEqualTo(DeliveryFailureCode.SMTP_REJECTED);
            assertThat(failure.permanent()).isFalse();
        }

        @Test
        void a_server_that_cannot_be_reached_is_retried() {
            MessagingException down = new MailConnectException(new SocketConnectException("Connection refused",
                    new ConnectException("Connection refused"), "127.0.0.1", 2525, 3000));
            MailDeliveryException failure = SmtpMailer.failure(down);

            assertThat(failure.code()).isEqualTo(DeliveryFailureCode.SMTP_UNAVAILABLE);
            assertThat(failure.permanent()).isFalse();
            assertThat(failure.getMessage()).startsWith("Serveur SMTP injoignable");
        }
    }

    @Nested
    class Configuration {

        static final Map<Object, Object> TEN_SECONDS_EACH = Map.of("mail.smtp.connectiontimeout", "10000",
                "mail.smtp.timeout", "10000", "mail.smtp.writetimeout", "10000");

        @Test
        void a_lease_outlasting_twice_the_smtp_timeouts_is_accepted() {
            DeliveryConfiguration.requireLeaseAboveSmtpTimeouts(Duration.ofMinutes(1), TEN_SECONDS_EACH);
        }

        @Test
        void refuses_a_lease_that_a_slow_smtp_exchange_could_outlive() {
            assertThatThrownBy(() -> DeliveryConfiguration.requireLeaseAboveSmtpTimeouts(Duration.ofSeconds(30),
                    TEN_SECONDS_EACH)).isInstanceOf(IllegalStateException.class).hasMessageContaining("lease");
        }

        @Test
        void counts_the_call_for_the_single_use_link_in_what_the_lease_must_outlast() {
            DeliveryConfiguration.requireLeaseAboveAttempt(Duration.ofMinutes(1), TEN_SECONDS_EACH, Duration.ZERO);

            assertThatThrownBy(() -> DeliveryConfiguration.requireLeaseAboveAttempt(Duration.ofMinutes(1),
                    TEN_SECONDS_EACH, Duration.ofSeconds(7))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("SMTP and link timeouts together (PT37S)");
        }

        @Test
        void refuses_to_start_without_smtp_timeouts() {
            assertThatThrownBy(() -> DeliveryConfiguration.requireLeaseAboveSmtpTimeouts(Duration.ofMinutes(2),
                    Map.of("mail.smtp.timeout", "10000"))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("mail.smtp.connectiontimeout");
        }
    }
}
