package fr.marelle.notification.family;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.contracts.wallet.TopUpSucceeded;
import fr.marelle.contracts.wallet.WalletBalanceLow;
import fr.marelle.contracts.wallet.WalletCredited;
import fr.marelle.contracts.wallet.WalletDebited;
import fr.marelle.contracts.wallet.WalletOverdrawn;
import fr.marelle.notification.AccountEvents;
import fr.marelle.notification.Guardians;
import fr.marelle.notification.Guardians.Guardian;
import fr.marelle.notification.TestClock;
import fr.marelle.notification.TestSmsGateway;
import fr.marelle.notification.TestSmsGateway.Sms;
import fr.marelle.notification.TestSmtp;
import fr.marelle.notification.directory.RecipientDirectory;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.test.MarelleServiceTest;
import fr.marelle.platform.test.ServiceApi;
import fr.marelle.platform.test.TestServiceTokens;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static fr.marelle.notification.AccountEvents.values;
import static fr.marelle.notification.message.TestMessages.alternatives;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The wallet's alerts, from its public events on Kafka (its contract examples, published as wallet-service publishes
 * them) to an email in a real SMTP server and an SMS at an SMS gateway: one alert per crossing, at most one SMS per
 * family, kind and day, no SMS at night, duplicates, and providers that are away.
 */
@MarelleServiceTest
class WalletAlertsTest {

    @LocalServerPort
    int port;
    @Autowired
    RecipientDirectory directory;
    final TestClock clock = TestClock.get();

    ServiceApi.Caller staff() {
        return new ServiceApi(port).as(TestServiceTokens.staff(Role.AGENT));
    }

    ServiceApi.Caller parentOf(Guardian guardian) {
        return new ServiceApi(port).as(new Actor(guardian.guardianId(), Role.PARENT, guardian.familyId(), "127.0.0.1"));
    }

    Guardian aFamily() {
        return Guardians.registered(Guardians.aGuardian(), directory);
    }

    /** The wallet publishes that the balance crossed below the threshold (once per crossing), now. */
    static String crossedBelowThreshold(Guardian family, long balanceCents) {
        return AccountEvents.publish(WalletBalanceLow.TYPE, family.familyId(), values("familyId", family.familyId(),
                "balanceCents", balanceCents, "thresholdCents", 1500, "crossedAt", TestClock.get().instant().toString()));
    }

    static String overdrawn(Guardian family, long balanceCents) {
        return AccountEvents.publish(WalletOverdrawn.TYPE, family.familyId(), values("familyId", family.familyId(),
                "balanceCents", balanceCents, "crossedAt", TestClock.get().instant().toString()));
    }

    static void debited(Guardian family, long balanceAfter) {
        AccountEvents.publish(WalletDebited.TYPE, family.familyId(), values("familyId", family.familyId(),
                "movementId", UUID.randomUUID().toString(), "chargeId", UUID.randomUUID().toString(),
                "fromMainCents", 190, "mainBalanceCents", balanceAfter));
    }

    static void toppedUp(Guardian family, long amountCents, long balanceAfter) {
        String paymentId = UUID.randomUUID().toString();
        AccountEvents.publish(WalletCredited.TYPE, family.familyId(), values("familyId", family.familyId(),
                "movementId", UUID.randomUUID().toString(), "amountCents", amountCents, "reference", paymentId,
                "mainBalanceCents", balanceAfter));
        AccountEvents.publish(TopUpSucceeded.TYPE, family.familyId(), values("familyId", family.familyId(),
                "paymentId", paymentId, "amountCents", amountCents, "paidAt", TestClock.get().instant().toString()));
    }

    /** The family's messages of a template, as staff see them, once there are {@code count} of them. */
    List<JsonNode> awaitMessages(Guardian family, String template, int count, String status) {
        List<JsonNode> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            seen.clear();
            staff().get("/api/messages?familyId=" + family.familyId()).body().forEach(m -> {
                if (m.path("template").asText().equals(template)) {
                    seen.add(m);
                }
            });
            return seen.size() == count && seen.stream().allMatch(m -> m.path("status").asText().equals(status));
        });
        return seen;
    }

    static List<MimeMessage> emailsTo(String address, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> TestSmtp.receivedBy(address).size() >= count);
        return TestSmtp.receivedBy(address);
    }

    static List<Sms> smsTo(String mobile, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> TestSmsGateway.receivedBy(mobile).size() >= count);
        return TestSmsGateway.receivedBy(mobile);
    }

    /** Several rounds of the delivery worker: anything more that was going to be sent has been. */
    static void nothingMoreComes() throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(1_500);
    }

    @Test
    void a_debit_that_takes_the_wallet_below_its_threshold_alerts_the_family_by_email_and_by_sms() throws Exception {
        Guardian family = aFamily();
        crossedBelowThreshold(family, 1410);

        MimeMessage email = emailsTo(family.email(), 1).get(0);
        assertThat(email.getSubject()).isEqualTo("Porte-monnaie : solde bas (14,10\u00a0€) – Ville de Vincey");
        assertThat(alternatives(email).text()).startsWith("Bonjour Camille,")
                .contains("Le solde de votre porte-monnaie est de 14,10\u00a0€, en dessous de votre seuil d'alerte "
                        + "de 15,00\u00a0€", "https://famille.vincey.test/porte-monnaie", "Mes notifications");
        Sms sms = smsTo(family.mobile(), 1).get(0);
        assertThat(sms.content()).isEqualTo("Ville de Vincey : solde du porte-monnaie 14,10 €, sous votre seuil "
                + "d'alerte de 15,00 €. Rechargez-le sur https://famille.vincey.test/porte-monnaie");
        assertThat(sms.sender()).isEqualTo(TestSmsGateway.SENDER);
        assertThat(sms.unicode()).isFalse();
        assertThat(sms.tag()).isEqualTo("WALLET_BALANCE_LOW");

        List<JsonNode> messages = awaitMessages(family, "WALLET_BALANCE_LOW", 2, "SENT");
        assertThat(messages).extracting(m -> m.path("channel").asText()).containsExactlyInAnyOrder("EMAIL", "SMS");
        JsonNode text = messages.stream().filter(m -> m.path("channel").asText().equals("SMS")).findFirst()
                .orElseThrow();
        assertThat(text.path("recipient").asText()).isEqualTo(family.mobile());
        assertThat(text.path("kind").asText()).isEqualTo("WALLET_BALANCE_LOW");
        assertThat(text.path("providerReference").asText()).isEqualTo(sms.reference());
        assertThat(text.path("smtpMessageId").isNull()).isTrue();
    }

    @Test
    void a_second_debit_below_the_threshold_sends_nothing_nor_does_the_same_crossing_published_again()
            throws Exception {
        Guardian family = aFamily();
        String crossedAt = clock.instant().toString();
        Map<String, Object> crossing = values("familyId", family.familyId(), "balanceCents", 1410,
                "thresholdCents", 1500, "crossedAt", crossedAt);
        AccountEvents.publish(WalletBalanceLow.TYPE, family.familyId(), crossing);
        awaitMessages(family, "WALLET_BALANCE_LOW", 2, "SENT");

        debited(family, 1220); // still below: the wallet publishes no new crossing
        AccountEvents.publish(WalletBalanceLow.TYPE, family.familyId(), crossing); // the same crossing, another event id
        nothingMoreComes();

        assertThat(TestSmtp.receivedBy(family.email())).hasSize(1);
        assertThat(TestSmsGateway.receivedBy(family.mobile())).hasSize(1);
        assertThat(staff().get("/api/messages?familyId=" + family.familyId()).body()).hasSize(2);
    }

    @Test
    void after_a_top_up_above_the_threshold_a_new_crossing_alerts_again_by_email_and_by_sms_the_next_day()
            throws Exception {
        Guardian family = aFamily();
        crossedBelowThreshold(family, 1410);
        awaitMessages(family, "WALLET_BALANCE_LOW", 2, "SENT");

        toppedUp(family, 5000, 6410);
        awaitMessages(family, "TOP_UP_SUCCEEDED", 1, "SENT"); // by email: the default of top-up results
        debited(family, 6220);
        crossedBelowThreshold(family, 1390); // later the same day

        List<MimeMessage> emails = emailsTo(family.email(), 3);
        assertThat(emails).extracting(MimeMessage::getSubject).containsExactly(
                "Porte-monnaie : solde bas (14,10\u00a0€) – Ville de Vincey",
                "Porte-monnaie rechargé de 50,00\u00a0€ – Ville de Vincey",
                "Porte-monnaie : solde bas (13,90\u00a0€) – Ville de Vincey");
        nothingMoreComes();
        assertThat(TestSmsGateway.receivedBy(family.mobile())).as("one SMS per family, kind and day").hasSize(1);

        clock.shiftToTomorrow(LocalTime.of(9, 30));
        toppedUp(family, 2000, 3390);
        crossedBelowThreshold(family, 1200);

        List<Sms> texts = smsTo(family.mobile(), 2);
        assertThat(texts.get(1).content()).contains("porte-monnaie 12,00 €, sous votre seuil d'alerte de 15,00 €");
        assertThat(emailsTo(family.email(), 5)).hasSize(5);
    }

    @Test
    void a_negative_balance_sends_the_overdrawn_alert_by_email_and_by_sms_even_after_a_low_balance_alert_that_day()
            throws Exception {
        Guardian family = aFamily();
        crossedBelowThreshold(family, 1410);
        awaitMessages(family, "WALLET_BALANCE_LOW", 2, "SENT");

        overdrawn(family, -90);

        awaitMessages(family, "WALLET_OVERDRAWN", 2, "SENT");
        MimeMessage email = emailsTo(family.email(), 2).get(1);
        assertThat(email.getSubject()).isEqualTo("Porte-monnaie à découvert (-0,90\u00a0€) – Ville de Vincey");
        assertThat(alternatives(email).text()).contains("Le solde de votre porte-monnaie est négatif : -0,90\u00a0€");
        assertThat(smsTo(family.mobile(), 2).get(1).content())
                .isEqualTo("Ville de Vincey : votre porte-monnaie est à découvert (-0,90 €). Merci de le recharger "
                        + "sur https://famille.vincey.test/porte-monnaie");
    }

    @Test
    void the_same_kafka_record_delivered_twice_sends_one_email_and_one_sms() throws Exception {
        Guardian family = aFamily();
        AccountEvents.publish(WalletBalanceLow.TYPE, family.familyId(), UUID.randomUUID().toString(),
                values("familyId", family.familyId(), "balanceCents", 1410, "thresholdCents", 1500,
                        "crossedAt", clock.instant().toString()), 2);

        awaitMessages(family, "WALLET_BALANCE_LOW", 2, "SENT");
        nothingMoreComes();
        assertThat(TestSmtp.receivedBy(family.email())).hasSize(1);
        assertThat(TestSmsGateway.receivedBy(family.mobile())).hasSize(1);
    }

    @Test
    void an_alert_while_the_smtp_server_is_down_is_texted_at_once_and_emailed_when_the_server_returns()
            throws Exception {
        Guardian family = aFamily();
        TestSmtp.proxy().cut();
        try {
            crossedBelowThreshold(family, 1410);
            assertThat(smsTo(family.mobile(), 1)).as("the SMS does not wait for the email").hasSize(1);
            JsonNode retrying = awaitChannel(family, "WALLET_BALANCE_LOW", "EMAIL", "RETRY_SCHEDULED");
            assertThat(retrying.path("statusCode").asText()).isEqualTo("SMTP_UNAVAILABLE");
            assertThat(TestSmtp.receivedBy(family.email())).isEmpty();
        } finally {
            TestSmtp.proxy().restore();
        }
        JsonNode sent = awaitChannel(family, "WALLET_BALANCE_LOW", "EMAIL", "SENT");
        assertThat(sent.path("attempts").asInt()).isGreaterThan(1);
        assertThat(emailsTo(family.email(), 1)).hasSize(1);
        assertThat(TestSmsGateway.receivedBy(family.mobile())).hasSize(1);
    }

    @Test
    void an_sms_the_gateway_cannot_take_yet_is_retried_and_sent_once_when_it_can() throws Exception {
        Guardian family = aFamily();
        TestSmsGateway.answer(family.mobile(), TestSmsGateway.Answer.UNAVAILABLE);
        try {
            crossedBelowThreshold(family, 1410);
            JsonNode retrying = awaitChannel(family, "WALLET_BALANCE_LOW", "SMS", "RETRY_SCHEDULED");
            assertThat(retrying.path("statusCode").asText()).isEqualTo("SMS_UNAVAILABLE");
            assertThat(retrying.path("statusReason").asText()).startsWith("Passerelle SMS indisponible : HTTP 503");
            assertThat(emailsTo(family.email(), 1)).as("the email does not wait for the SMS").hasSize(1);
        } finally {
            TestSmsGateway.recover(family.mobile());
        }
        awaitChannel(family, "WALLET_BALANCE_LOW", "SMS", "SENT");
        nothingMoreComes();
        assertThat(TestSmsGateway.receivedBy(family.mobile())).hasSize(1);
    }

    @Test
    void an_sms_the_gateway_refuses_for_good_fails_at_once_with_its_reason_for_staff_and_the_family()
            throws Exception {
        Guardian family = aFamily();
        TestSmsGateway.answer(family.mobile(), TestSmsGateway.Answer.REFUSE);
        try {
            crossedBelowThreshold(family, 1410);
            JsonNode failed = awaitChannel(family, "WALLET_BALANCE_LOW", "SMS", "FAILED");
            assertThat(failed.path("attempts").asInt()).isEqualTo(1);
            assertThat(failed.path("statusCode").asText()).isEqualTo("SMS_REJECTED");
            assertThat(failed.path("statusReason").asText())
                    .isEqualTo("SMS refusé par la passerelle : HTTP 400 Invalid phone number");
            JsonNode seenByTheFamily = parentOf(family).get("/api/messages").body();
            assertThat(seenByTheFamily).anySatisfy(m -> {
                assertThat(m.path("channel").asText()).isEqualTo("SMS");
                assertThat(m.path("status").asText()).isEqualTo("FAILED");
            });
            assertThat(staff().get("/api/messages/failed").body()).anySatisfy(m ->
                    assertThat(m.path("messageId").asText()).isEqualTo(failed.path("messageId").asText()));
        } finally {
            TestSmsGateway.recover(family.mobile());
        }
    }

    @Test
    void an_alert_at_night_is_emailed_at_once_and_texted_at_eight_the_next_morning() throws Exception {
        Guardian family = aFamily();
        Instant evening = clock.shiftToNext(LocalTime.of(21, 0));
        try {
            crossedBelowThreshold(family, 1410);

            assertThat(emailsTo(family.email(), 1)).hasSize(1);
            JsonNode waiting = awaitChannel(family, "WALLET_BALANCE_LOW", "SMS", "QUEUED");
            ZonedDateTime morning = evening.atZone(TestClock.TOWN).plusDays(1).with(LocalTime.of(8, 0));
            assertThat(Instant.parse(waiting.path("notBefore").asText()))
                    .isEqualTo(morning.toInstant());
            nothingMoreComes();
            assertThat(TestSmsGateway.receivedBy(family.mobile())).isEmpty();

            clock.shiftToNext(LocalTime.of(8, 0, 1));
            Sms sms = smsTo(family.mobile(), 1).get(0);
            assertThat(sms.content()).contains("14,10 €");
            awaitChannel(family, "WALLET_BALANCE_LOW", "SMS", "SENT");
        } finally {
            clock.shiftToNext(TestClock.DAYTIME);
        }
    }

    @Test
    void a_family_that_chose_email_only_gets_no_sms_and_a_family_without_a_mobile_is_emailed() throws Exception {
        Guardian emailOnly = aFamily();
        assertThat(parentOf(emailOnly).put("/api/notification-preferences", Map.of("kinds",
                Map.of("WALLET_BALANCE_LOW", Map.of("email", true, "sms", false)))).status()).isEqualTo(200);
        Guardian noMobile = Guardians.registered(Guardians.aGuardian().withoutMobile(), directory);

        crossedBelowThreshold(emailOnly, 1410);
        crossedBelowThreshold(noMobile, 1410);

        assertThat(awaitMessages(emailOnly, "WALLET_BALANCE_LOW", 1, "SENT").get(0).path("channel").asText())
                .isEqualTo("EMAIL");
        assertThat(awaitMessages(noMobile, "WALLET_BALANCE_LOW", 1, "SENT").get(0).path("channel").asText())
                .isEqualTo("EMAIL");
        nothingMoreComes();
        assertThat(TestSmsGateway.receivedBy(emailOnly.mobile())).isEmpty();
        assertThat(emailsTo(emailOnly.email(), 1)).hasSize(1);
        assertThat(emailsTo(noMobile.email(), 1)).hasSize(1);
    }

    @Test
    void every_guardian_of_the_family_is_alerted_in_their_own_language() throws Exception {
        Guardian camille = aFamily();
        Guardian alex = Guardians.registered(camille.partner("Alex").inEnglish(), directory);

        crossedBelowThreshold(camille, 1410);

        assertThat(emailsTo(alex.email(), 1).get(0).getSubject())
                .isEqualTo("Prepaid account: low balance (€14.10) – Ville de Vincey");
        assertThat(alternatives(emailsTo(alex.email(), 1).get(0)).text()).startsWith("Hello Alex,");
        assertThat(smsTo(alex.mobile(), 1).get(0).content()).startsWith("Ville de Vincey: your prepaid account");
        assertThat(smsTo(camille.mobile(), 1).get(0).content()).startsWith("Ville de Vincey : solde du porte-monnaie");
        awaitMessages(camille, "WALLET_BALANCE_LOW", 4, "SENT");
    }

    JsonNode awaitChannel(Guardian family, String template, String channel, String status) {
        List<JsonNode> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            seen.clear();
            staff().get("/api/messages?familyId=" + family.familyId()).body().forEach(m -> {
                if (m.path("template").asText().equals(template) && m.path("channel").asText().equals(channel)
                        && m.path("status").asText().equals(status)) {
                    seen.add(m);
                }
            });
            return seen.size() == 1;
        });
        return seen.get(0);
    }
}
