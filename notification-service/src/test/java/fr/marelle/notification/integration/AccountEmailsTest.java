package fr.marelle.notification.integration;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.contracts.ContractType;
import fr.marelle.contracts.accounts.AccountActivated;
import fr.marelle.contracts.accounts.AccountRefused;
import fr.marelle.contracts.accounts.EmailVerificationRequested;
import fr.marelle.contracts.accounts.FamilyRegistered;
import fr.marelle.contracts.accounts.GuardianProfileUpdated;
import fr.marelle.contracts.accounts.GuardianRegistered;
import fr.marelle.contracts.accounts.LoginEmailChangeRequested;
import fr.marelle.contracts.accounts.LoginEmailChanged;
import fr.marelle.contracts.accounts.LoginInvitationSent;
import fr.marelle.contracts.accounts.PasswordResetRequested;
import fr.marelle.contracts.accounts.RegistrationAttempted;
import fr.marelle.notification.AccountEvents;
import fr.marelle.notification.StubAccounts;
import fr.marelle.notification.StubAccounts.Answer;
import fr.marelle.notification.TestSmtp;
import fr.marelle.notification.directory.RecipientDirectory;
import fr.marelle.notification.message.MessageId;
import fr.marelle.notification.message.MessageTemplate;
import fr.marelle.notification.message.TestMessages;
import fr.marelle.notification.message.TestMessages.Alternatives;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.integration.IntegrationHeaders;
import fr.marelle.platform.integration.IntegrationProperties;
import fr.marelle.platform.test.MarelleServiceTest;
import fr.marelle.platform.test.ServiceApi;
import fr.marelle.platform.test.TestKafka;
import fr.marelle.platform.test.TestServiceTokens;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
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
import java.util.concurrent.TimeUnit;

import static fr.marelle.notification.AccountEvents.values;
import static fr.marelle.notification.message.TestMessages.alternatives;
import static fr.marelle.notification.message.TestMessages.anAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * accounts-service's facts, as its contract examples on Kafka, turned into emails in a real SMTP server: the right
 * template, recipient, language and greeting, with single-use links obtained from (a stub of) accounts-service when
 * the email is written; duplicates, refused links and accounts-service being away.
 */
@MarelleServiceTest
class AccountEmailsTest {

    @LocalServerPort
    int port;
    @Autowired
    RecipientDirectory directory;

    /** A guardian of a new family, with addresses no other test uses. */
    record Guardian(String familyId, String guardianId, String firstName, String loginEmail, String language) {
    }

    static Guardian aGuardian(String firstName, String language) {
        return new Guardian(UUID.randomUUID().toString(), UUID.randomUUID().toString(), firstName, anAddress(),
                language);
    }

    /** accounts-service publishes the guardian as they registered on the portal (or were recorded by staff). */
    static String registered(Guardian guardian, String origin) {
        return AccountEvents.publish(GuardianRegistered.TYPE, guardian.familyId(), values(
                "familyId", guardian.familyId(), "guardianId", guardian.guardianId(),
                "firstName", guardian.firstName(), "lastName", "Martin", "loginEmail", guardian.loginEmail(),
                "notificationEmail", null, "language", guardian.language(), "origin", origin));
    }

    /** Publishes a fact about the guardian: the example of {@code type} with their ids and these values. */
    static String publishFor(ContractType<?> type, Guardian guardian, Object... more) {
        Map<String, Object> values = values("familyId", guardian.familyId(), "guardianId", guardian.guardianId());
        values.putAll(values(more));
        return AccountEvents.publish(type, guardian.familyId(), values);
    }

    ServiceApi.Caller staff() {
        return new ServiceApi(port).as(TestServiceTokens.staff(Role.AGENT));
    }

    JsonNode awaitMessage(String eventId, MessageTemplate template, String status) {
        return TestMessages.awaitStatus(staff(), MessageId.causedBy(eventId, template.name()), status);
    }

    static MimeMessage theEmailTo(String address) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !TestSmtp.receivedBy(address).isEmpty());
        List<MimeMessage> received = TestSmtp.receivedBy(address);
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    /** The link accounts-service minted for the request, once, for notification-service. */
    static String theLinkMintedFor(String requestId) {
        List<StubAccounts.Call> calls = StubAccounts.callsFor(requestId);
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.caller()).isEqualTo("system:notification");
            assertThat(call.status()).isEqualTo(200);
        });
        return calls.get(0).url();
    }

    @Test
    void a_parent_who_registers_is_asked_to_confirm_their_address_in_their_language_and_gets_no_separate_welcome()
            throws Exception {
        Guardian guardian = aGuardian("Camille", "en");
        registered(guardian, "SELF");
        String familyRegistered = AccountEvents.publish(FamilyRegistered.TYPE, guardian.familyId(), values(
                "familyId", guardian.familyId(), "guardianId", guardian.guardianId(), "firstName", "Camille",
                "email", guardian.loginEmail(), "language", "en", "registeredBy", "PARENT"));
        String requestId = UUID.randomUUID().toString();
        String verification = publishFor(EmailVerificationRequested.TYPE, guardian,
                "email", guardian.loginEmail(), "requestId", requestId);

        JsonNode message = awaitMessage(verification, MessageTemplate.VERIFY_EMAIL, "SENT");
        MimeMessage mail = theEmailTo(guardian.loginEmail());
        assertThat(mail.getSubject()).isEqualTo("Confirm your email address – Ville de Vincey");
        assertThat(mail.getHeader("Content-Language")).containsExactly("en");
        Alternatives body = alternatives(mail);
        String link = theLinkMintedFor(requestId);
        assertThat(body.text()).startsWith("Hello Camille,").contains("Welcome to the family portal", link);
        assertThat(body.html()).contains("href=\"" + link + "\"");
        assertThat(message.path("recipient").asText()).isEqualTo(guardian.loginEmail());

        assertThat(staff().get("/api/messages/" + MessageId.causedBy(familyRegistered, "WELCOME")).status())
                .isEqualTo(404);
        assertThat(staff().get("/api/messages?familyId=" + guardian.familyId()).body().size()).isEqualTo(1);
    }

    @Test
    void activation_and_refusal_go_to_the_notification_address_the_guardian_chose_in_their_language()
            throws Exception {
        Guardian guardian = aGuardian("Camille", "fr");
        registered(guardian, "SELF");
        String chosen = anAddress();
        publishFor(GuardianProfileUpdated.TYPE, guardian, "firstName", "Camille", "lastName", "Martin",
                "notificationEmail", chosen, "secondaryEmail", null, "language", "en");
        String activated = publishFor(AccountActivated.TYPE, guardian);

        assertThat(awaitMessage(activated, MessageTemplate.ACCOUNT_ACTIVATED, "SENT").path("recipient").asText())
                .isEqualTo(chosen);
        MimeMessage mail = theEmailTo(chosen);
        assertThat(mail.getSubject()).isEqualTo("Your account is active – Ville de Vincey");
        assertThat(alternatives(mail).text()).startsWith("Hello Camille,");
        assertThat(TestSmtp.receivedBy(guardian.loginEmail())).isEmpty();

        Guardian refusedOne = aGuardian("Dominique", "fr");
        registered(refusedOne, "SELF");
        String refused = publishFor(AccountRefused.TYPE, refusedOne, "reason", "Aucun enfant scolarisé à Vincey.");

        awaitMessage(refused, MessageTemplate.ACCOUNT_REFUSED, "SENT");
        MimeMessage refusal = theEmailTo(refusedOne.loginEmail());
        assertThat(refusal.getSubject()).isEqualTo("Votre compte n'a pas pu être activé – Ville de Vincey");
        assertThat(alternatives(refusal).text()).startsWith("Bonjour Dominique,")
                .contains("« Aucun enfant scolarisé à Vincey. »");
    }

    @Test
    void a_password_reset_goes_to_the_address_accounts_names_with_a_link_valid_until_the_time_it_gives()
            throws Exception {
        Guardian guardian = aGuardian("Camille", "fr");
        registered(guardian, "SELF");
        String requestId = UUID.randomUUID().toString();
        String reset = publishFor(PasswordResetRequested.TYPE, guardian, "email", guardian.loginEmail(),
                "requestId", requestId);

        awaitMessage(reset, MessageTemplate.PASSWORD_RESET, "SENT");
        MimeMessage mail = theEmailTo(guardian.loginEmail());
        assertThat(mail.getSubject()).isEqualTo("Choisissez un nouveau mot de passe – Ville de Vincey");
        Alternatives body = alternatives(mail);
        assertThat(body.text()).startsWith("Bonjour Camille,")
                .contains(theLinkMintedFor(requestId), "ne sert qu'une fois ; il est valable jusqu'au");
    }

    @Test
    void a_new_login_address_confirms_itself_the_previous_one_is_told_and_later_emails_follow_the_new_one()
            throws Exception {
        Guardian guardian = aGuardian("Camille", "fr");
        registered(guardian, "SELF");
        String newAddress = anAddress();
        String requestId = UUID.randomUUID().toString();
        String requested = publishFor(LoginEmailChangeRequested.TYPE, guardian, "newEmail", newAddress,
                "requestId", requestId);

        awaitMessage(requested, MessageTemplate.EMAIL_CHANGE_CONFIRM, "SENT");
        MimeMessage confirmation = theEmailTo(newAddress);
        assertThat(confirmation.getSubject()).isEqualTo("Confirmez votre nouvelle adresse e-mail – Ville de Vincey");
        assertThat(alternatives(confirmation).text()).startsWith("Bonjour Camille,")
                .contains(theLinkMintedFor(requestId));
        assertThat(TestSmtp.receivedBy(guardian.loginEmail())).isEmpty();

        String changed = publishFor(LoginEmailChanged.TYPE, guardian, "previousEmail", guardian.loginEmail(),
                "newEmail", newAddress);
        assertThat(awaitMessage(changed, MessageTemplate.EMAIL_CHANGED_NOTICE, "SENT").path("recipient").asText())
                .isEqualTo(guardian.loginEmail());
        MimeMessage notice = theEmailTo(guardian.loginEmail());
        assertThat(notice.getSubject()).isEqualTo("L'adresse e-mail de votre compte a changé – Ville de Vincey");
        assertThat(alternatives(notice).text()).startsWith("Bonjour Camille,");

        String activated = publishFor(AccountActivated.TYPE, guardian);
        assertThat(awaitMessage(activated, MessageTemplate.ACCOUNT_ACTIVATED, "SENT").path("recipient").asText())
                .isEqualTo(newAddress);
        assertThat(directory.guardian(guardian.guardianId()).orElseThrow())
                .satisfies(contact -> {
                    assertThat(contact.loginEmail()).isEqualTo(newAddress);
                    assertThat(contact.notificationEmail()).isEqualTo(newAddress);
                });
    }

    @Test
    void a_registration_attempt_with_an_existing_address_warns_its_owner_by_name() throws Exception {
        Guardian guardian = aGuardian("Camille", "en");
        registered(guardian, "SELF");
        String attempted = publishFor(RegistrationAttempted.TYPE, guardian, "email", guardian.loginEmail());

        awaitMessage(attempted, MessageTemplate.REGISTRATION_ATTEMPT_ON_EXISTING, "SENT");
        MimeMessage mail = theEmailTo(guardian.loginEmail());
        assertThat(mail.getSubject()).isEqualTo("Someone tried to register with your email address – Ville de Vincey");
        assertThat(alternatives(mail).text()).startsWith("Hello Camille,");
    }

    @Test
    void a_guardian_invited_by_staff_and_a_staff_member_invited_by_an_administrator_each_get_their_invitation()
            throws Exception {
        // a guardian recorded by staff, without login; accounts-service does not repeat the name in the invitation
        Guardian guardian = new Guardian(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "Dominique", null,
                "en");
        registered(guardian, "STAFF");
        String invited = anAddress();
        String requestId = UUID.randomUUID().toString();
        String invitation = AccountEvents.publish(LoginInvitationSent.TYPE, guardian.familyId(), values(
                "familyId", guardian.familyId(), "userId", guardian.guardianId(), "email", invited,
                "firstName", null, "requestId", requestId, "staff", false));

        JsonNode message = awaitMessage(invitation, MessageTemplate.LOGIN_INVITATION, "SENT");
        assertThat(message.path("familyId").asText()).isEqualTo(guardian.familyId());
        MimeMessage mail = theEmailTo(invited);
        assertThat(mail.getSubject()).isEqualTo("Your access to the family portal – Ville de Vincey");
        Alternatives body = alternatives(mail);
        String link = theLinkMintedFor(requestId);
        assertThat(body.text()).startsWith("Hello Dominique,").contains("The town hall invites you", link);
        assertThat(body.html()).contains("href=\"" + link + "\"");

        String staffId = UUID.randomUUID().toString();
        String staffAddress = anAddress();
        String staffRequest = UUID.randomUUID().toString();
        String staffInvitation = AccountEvents.publish(LoginInvitationSent.TYPE, staffId, values(
                "familyId", null, "userId", staffId, "email", staffAddress, "firstName", "Claude",
                "requestId", staffRequest, "staff", true));

        JsonNode toStaff = awaitMessage(staffInvitation, MessageTemplate.LOGIN_INVITATION, "SENT");
        assertThat(toStaff.path("familyId").isNull()).isTrue();
        MimeMessage staffMail = theEmailTo(staffAddress);
        assertThat(staffMail.getSubject()).isEqualTo("Votre compte d'agent sur le portail famille – Ville de Vincey");
        assertThat(alternatives(staffMail).text()).startsWith("Bonjour Claude,")
                .contains("compte d'agent", theLinkMintedFor(staffRequest))
                .doesNotContain("l'accueil de vos enfants");
    }

    @Test
    void the_same_records_delivered_several_times_send_each_email_once_and_ask_for_one_link() throws Exception {
        Guardian guardian = aGuardian("Camille", "fr");
        String registration = UUID.randomUUID().toString();
        Map<String, Object> profile = values("familyId", guardian.familyId(), "guardianId", guardian.guardianId(),
                "firstName", "Camille", "loginEmail", guardian.loginEmail(), "notificationEmail", null,
                "language", "fr");
        AccountEvents.publish(GuardianRegistered.TYPE, guardian.familyId(), registration, profile, 2);
        String requestId = UUID.randomUUID().toString();
        String verification = UUID.randomUUID().toString();
        AccountEvents.publish(EmailVerificationRequested.TYPE, guardian.familyId(), verification, values(
                "familyId", guardian.familyId(), "guardianId", guardian.guardianId(),
                "email", guardian.loginEmail(), "requestId", requestId), 3);

        awaitMessage(verification, MessageTemplate.VERIFY_EMAIL, "SENT");
        TimeUnit.MILLISECONDS.sleep(1_500); // several rounds of the consumer and of the worker
        assertThat(TestSmtp.receivedBy(guardian.loginEmail())).hasSize(1);
        assertThat(StubAccounts.callsFor(requestId)).hasSize(1);
        assertThat(staff().get("/api/messages?familyId=" + guardian.familyId()).body().size()).isEqualTo(1);
    }

    @Test
    void a_link_accounts_refuses_for_good_fails_the_email_at_once_with_the_reason() {
        Guardian guardian = aGuardian("Camille", "fr");
        registered(guardian, "SELF");
        String requestId = UUID.randomUUID().toString();
        StubAccounts.answer(requestId, Answer.REFUSED);
        String reset = publishFor(PasswordResetRequested.TYPE, guardian, "email", guardian.loginEmail(),
                "requestId", requestId);

        JsonNode failed = awaitMessage(reset, MessageTemplate.PASSWORD_RESET, "FAILED");
        assertThat(failed.path("attempts").asInt()).isEqualTo(1);
        assertThat(failed.path("statusCode").asText()).isEqualTo("LINK_UNAVAILABLE");
        assertThat(failed.path("statusReason").asText()).contains("PASSWORD_RESET", "422", "LINK_EXPIRED_OR_USED");
        assertThat(TestSmtp.receivedBy(guardian.loginEmail())).isEmpty();
    }

    @Test
    void while_accounts_is_off_the_network_the_email_waits_and_is_sent_once_it_is_back() throws Exception {
        Guardian guardian = aGuardian("Camille", "fr");
        registered(guardian, "SELF");
        String requestId = UUID.randomUUID().toString();
        String verification;
        JsonNode retrying;
        StubAccounts.proxy().cut();
        try {
            verification = publishFor(EmailVerificationRequested.TYPE, guardian, "email", guardian.loginEmail(),
                    "requestId", requestId);
            retrying = awaitMessage(verification, MessageTemplate.VERIFY_EMAIL, "RETRY_SCHEDULED");
            assertThat(TestSmtp.receivedBy(guardian.loginEmail())).isEmpty();
        } finally {
            StubAccounts.proxy().restore();
        }
        assertThat(retrying.path("statusCode").asText()).isEqualTo("LINK_UNAVAILABLE");
        assertThat(retrying.path("statusReason").asText()).contains("accounts-service injoignable");

        JsonNode sent = awaitMessage(verification, MessageTemplate.VERIFY_EMAIL, "SENT");
        assertThat(sent.path("attempts").asInt()).isGreaterThan(retrying.path("attempts").asInt());
        assertThat(alternatives(theEmailTo(guardian.loginEmail())).text()).contains(theLinkMintedFor(requestId));
    }

    @Test
    void a_fact_about_a_guardian_the_directory_never_saw_is_kept_on_the_dead_letter_topic() {
        Guardian stranger = aGuardian("Camille", "fr");
        String activated = publishFor(AccountActivated.TYPE, stranger);

        String deadLetters = IntegrationProperties.deadLetterTopic(AccountActivated.TYPE.topic(),
                "notification-service");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(deadLetters));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Header eventId = record.headers().lastHeader(IntegrationHeaders.EVENT_ID);
                    if (eventId != null && new String(eventId.value(), StandardCharsets.UTF_8).equals(activated)) {
                        return true;
                    }
                }
                return false;
            });
        }
        assertThat(staff().get("/api/messages/" + MessageId.causedBy(activated, "ACCOUNT_ACTIVATED")).status())
                .isEqualTo(404);
    }
}
