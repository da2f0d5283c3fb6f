package fr.marelle.notification.message.web;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.contracts.wallet.WalletBalanceLow;
import fr.marelle.notification.AccountEvents;
import fr.marelle.notification.Families;
import fr.marelle.notification.Families.Registration;
import fr.marelle.notification.Guardians;
import fr.marelle.notification.Guardians.Guardian;
import fr.marelle.notification.TestClock;
import fr.marelle.notification.TestSmsGateway;
import fr.marelle.notification.StubAccounts;
import fr.marelle.notification.TestSmtp;
import fr.marelle.notification.message.MessageId;
import fr.marelle.notification.directory.RecipientDirectory;
import fr.marelle.notification.message.TestMessages;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.test.MarelleServiceTest;
import fr.marelle.platform.test.ReadModelChecks;
import fr.marelle.platform.test.RoleMatrix;
import fr.marelle.platform.test.ServiceApi;
import fr.marelle.platform.test.TestServiceTokens;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static fr.marelle.notification.message.TestMessages.anAddress;
import static fr.marelle.notification.message.TestMessages.awaitFamilyStatus;
import static fr.marelle.notification.message.TestMessages.awaitStatus;
import static fr.marelle.notification.AccountEvents.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who sees which messages, and who may requeue a failed one; each role against each endpoint of the service; its read
 * models rebuilt from the events, which sends nothing.
 */
@MarelleServiceTest
class MessageApiTest {

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    ApplicationContext context;
    @Autowired
    RecipientDirectory directory;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcClient jdbc;

    ServiceApi.Caller as(Role role) {
        return new ServiceApi(port).as(TestServiceTokens.staff(role));
    }

    ServiceApi.Caller parentOf(String familyId) {
        return new ServiceApi(port).as(TestServiceTokens.parentOf(familyId));
    }

    /** A message whose link accounts-service refuses for good: it fails at its first attempt. */
    MessageId aFailedMessage(String familyId, String recipient, String linkRequestId) {
        StubAccounts.answer(linkRequestId, StubAccounts.Answer.REFUSED);
        MessageId messageId = TestMessages.queue(commands, familyId, "VERIFY_EMAIL", recipient,
                Map.of("firstName", "Camille"), linkRequestId);
        awaitStatus(as(Role.ADMIN), messageId, "FAILED");
        return messageId;
    }

    @Test
    void a_parent_sees_the_messages_of_their_family_and_gets_404_for_those_of_another() throws Exception {
        Registration registration = Families.aRegistration();
        Families.publish(registration);
        String messageId = awaitFamilyStatus(as(Role.AGENT), registration.familyId(), "SENT")
                .path("messageId").asText();

        ServiceApi.Caller parent = parentOf(registration.familyId());
        assertThat(parent.get("/api/messages").body().path(0).path("messageId").asText()).isEqualTo(messageId);
        assertThat(parent.get("/api/messages/" + messageId).body().path("status").asText()).isEqualTo("SENT");

        ServiceApi.Caller otherParent = parentOf(UUID.randomUUID().toString());
        ServiceApi.Response list = otherParent.get("/api/messages?familyId=" + registration.familyId());
        assertThat(list.status()).isEqualTo(404);
        assertThat(list.code()).isEqualTo("FAMILY_NOT_FOUND");
        ServiceApi.Response one = otherParent.get("/api/messages/" + messageId);
        assertThat(one.status()).isEqualTo(404);
        assertThat(one.code()).isEqualTo("MESSAGE_NOT_FOUND");
        assertThat(otherParent.get("/api/messages").body().size()).isZero();
    }

    @Test
    void a_message_to_a_staff_member_belongs_to_no_family_and_no_parent_sees_it() {
        MessageId invitation = TestMessages.queue(commands, null, "LOGIN_INVITATION", anAddress(),
                Map.of("firstName", "Claude", "invitee", "STAFF"));

        JsonNode seenByStaff = awaitStatus(as(Role.ADMIN), invitation, "SENT");
        assertThat(seenByStaff.path("familyId").isNull()).isTrue();
        ServiceApi.Response byParent = parentOf(UUID.randomUUID().toString()).get("/api/messages/" + invitation);
        assertThat(byParent.status()).isEqualTo(404);
        assertThat(byParent.code()).isEqualTo("MESSAGE_NOT_FOUND");
    }

    @Test
    void agents_and_administrators_list_the_failed_messages_and_parents_may_not() {
        String familyId = UUID.randomUUID().toString();
        MessageId failed = aFailedMessage(familyId, anAddress(), TestMessages.aLinkRequest());

        for (Role role : new Role[]{Role.AGENT, Role.ADMIN}) {
            ServiceApi.Response list = as(role).get("/api/messages/failed");
            assertThat(list.status()).isEqualTo(200);
            JsonNode mine = null;
            for (JsonNode message : list.body()) {
                if (message.path("messageId").asText().equals(failed.toString())) {
                    mine = message;
                }
            }
            assertThat(mine).isNotNull();
            assertThat(mine.path("status").asText()).isEqualTo("FAILED");
            assertThat(mine.path("statusCode").asText()).isEqualTo("LINK_UNAVAILABLE");
            assertThat(mine.path("statusReason").asText()).contains("LINK_EXPIRED_OR_USED");
        }
        ServiceApi.Response parent = parentOf(familyId).get("/api/messages/failed");
        assertThat(parent.status()).isEqualTo(403);
        assertThat(parent.code()).isEqualTo("FORBIDDEN_ROLE");
        assertThat(as(Role.FINANCE).get("/api/messages/failed").status()).isEqualTo(403);
    }

    @Test
    void an_administrator_requeues_a_failed_message_which_is_then_sent_and_nobody_else_may() {
        String familyId = UUID.randomUUID().toString();
        String recipient = anAddress();
        String linkRequestId = TestMessages.aLinkRequest();
        MessageId failed = aFailedMessage(familyId, recipient, linkRequestId);
        String retry = "/api/messages/" + failed + "/retry";

        ServiceApi.Response byParent = parentOf(familyId).post(retry, Map.of());
        assertThat(byParent.status()).isEqualTo(403);
        assertThat(byParent.code()).isEqualTo("FORBIDDEN_ROLE");
        assertThat(as(Role.AGENT).post(retry, Map.of()).status()).isEqualTo(403);
        assertThat(as(Role.ADMIN).get("/api/messages/" + failed).body().path("status").asText()).isEqualTo("FAILED");

        StubAccounts.recover(linkRequestId);
        ServiceApi.Response requeued = as(Role.ADMIN).post(retry, Map.of());
        assertThat(requeued.status()).isEqualTo(202);
        assertThat(requeued.body().path("status").asText()).isEqualTo("QUEUED");

        JsonNode sent = awaitStatus(as(Role.ADMIN), failed, "SENT");
        assertThat(sent.path("attempts").asInt()).isEqualTo(2);
        assertThat(TestSmtp.receivedBy(recipient)).hasSize(1);
    }

    @Test
    void requeuing_a_message_that_has_not_failed_or_does_not_exist_is_answered_with_a_problem() throws Exception {
        Registration registration = Families.aRegistration();
        Families.publish(registration);
        String sent = awaitFamilyStatus(as(Role.AGENT), registration.familyId(), "SENT").path("messageId").asText();

        ServiceApi.Response notFailed = as(Role.ADMIN).post("/api/messages/" + sent + "/retry", Map.of());
        assertThat(notFailed.status()).isEqualTo(422);
        assertThat(notFailed.contentType()).startsWith("application/problem+json");
        assertThat(notFailed.code()).isEqualTo("MESSAGE_NOT_FAILED");
        assertThat(notFailed.body().path("detail").asText()).isEqualTo("Seul un message en échec peut être relancé.");

        ServiceApi.Response unknown = as(Role.ADMIN).post("/api/messages/" + UUID.randomUUID() + "/retry", Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("MESSAGE_NOT_FOUND");
    }

    @Nested
    class Roles {

        @Test
        void each_role_reaches_exactly_the_endpoints_it_is_allowed() {
            Role[] people = {Role.PARENT, Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR};
            Role[] staff = {Role.ADMIN, Role.AGENT, Role.FINANCE, Role.AUDITOR};
            RoleMatrix.of(context, port)
                    .allow("GET /api/messages", people)
                    .allow("GET /api/messages/{messageId}", people)
                    .allow("GET /api/messages/failed", Role.ADMIN, Role.AGENT)
                    .allow("POST /api/messages/{messageId}/retry", Role.ADMIN)
                    .allow("GET /api/notification-preferences", people)
                    .allow("PUT /api/notification-preferences", Role.PARENT, Role.ADMIN, Role.AGENT)
                    .allow("GET /api/newsletters", staff)
                    .allow("POST /api/newsletters", Role.ADMIN, Role.AGENT)
                    .allow("GET /api/newsletters/{newsletterId}", staff)
                    .allow("PUT /api/newsletters/{newsletterId}", Role.ADMIN, Role.AGENT)
                    .allow("POST /api/newsletters/{newsletterId}/sending", Role.ADMIN, Role.AGENT)
                    .allow("GET /api/newsletters/{newsletterId}/preview", staff)
                    .application("POST /api/newsletter/unsubscriptions", "gateway")
                    .verify();
        }

        @Test
        void an_application_acting_for_itself_reads_no_family_s_messages_nor_choices() {
            Registration registration = Families.aRegistration();
            Families.publish(registration);
            String messageId = awaitFamilyStatus(as(Role.AGENT), registration.familyId(), "SENT")
                    .path("messageId").asText();
            ServiceApi.Caller gateway = new ServiceApi(port).as(TestServiceTokens.gateway());

            for (String path : List.of("/api/messages?familyId=" + registration.familyId(),
                    "/api/messages/" + messageId,
                    "/api/notification-preferences?familyId=" + registration.familyId())) {
                ServiceApi.Response response = gateway.get(path);
                assertThat(response.status()).as(path).isEqualTo(403);
                assertThat(response.code()).as(path).isEqualTo("FORBIDDEN_ROLE");
            }
        }
    }

    @Nested
    class ReadModels {

        @Test
        void every_read_model_declares_its_tables_and_rebuilds_identically_sending_nothing() throws Exception {
            // an alert by email and SMS, a failed message, choices changed twice, a newsletter written
            Guardian family = Guardians.registered(Guardians.aGuardian(), directory);
            AccountEvents.publish(WalletBalanceLow.TYPE, family.familyId(), values("familyId", family.familyId(),
                    "balanceCents", 1210, "thresholdCents", 1500, "crossedAt",
                    TestClock.get().instant().toString()));
            String failedRecipient = anAddress();
            MessageId failed = aFailedMessage(family.familyId(), failedRecipient, TestMessages.aLinkRequest());
            ServiceApi.Caller parent = new ServiceApi(port).as(new Actor(family.guardianId(), Role.PARENT,
                    family.familyId(), null));
            assertThat(parent.put("/api/notification-preferences", Map.of("kinds", Map.of(
                    "DOCUMENT_APPROVED", Map.of("email", true, "sms", false)))).status()).isEqualTo(200);
            TimeUnit.MILLISECONDS.sleep(20);
            Instant betweenChoices = TestClock.get().instant();
            TimeUnit.MILLISECONDS.sleep(20);
            assertThat(parent.put("/api/notification-preferences", Map.of("kinds", Map.of(
                    "INVOICE_ISSUED", Map.of("email", true, "sms", true)))).status()).isEqualTo(200);
            assertThat(as(Role.AGENT).post("/api/newsletters", Map.of("subject", "Fête de l'école",
                    "body", "Rendez-vous samedi dans la cour.")).status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(20)).until(() -> TestSmtp.receivedBy(family.email()).size() == 1
                    && TestSmsGateway.receivedBy(family.mobile()).size() == 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> sentOrFailed(family.familyId()) == 3);

            ReadModelChecks.assertEveryProjectionDeclaresItsTables(context);
            ReadModelChecks.assertEveryReadModelRebuildsIdentically(port);
            // and the replayable processors reset by Axon itself, as an operator would rebuild them
            for (String group : List.of("message-history", "notification-preferences", "newsletters")) {
                StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class)
                        .orElseThrow();
                processor.shutdownAsync().get(10, TimeUnit.SECONDS);
                processor.resetTokens();
                processor.start();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> sentOrFailed(family.familyId()) == 3);

            TimeUnit.MILLISECONDS.sleep(1_500);
            assertThat(TestSmtp.receivedBy(family.email())).as("emails after the rebuilds").hasSize(1);
            assertThat(TestSmsGateway.receivedBy(family.mobile())).as("SMS after the rebuilds").hasSize(1);
            assertThat(TestSmtp.receivedBy(failedRecipient)).as("the failed message stays unsent").isEmpty();
            assertThat(as(Role.ADMIN).get("/api/messages/" + failed).body().path("status").asText())
                    .isEqualTo("FAILED");
            assertThat(jdbc.sql("SELECT count(*) FROM delivery_queue q JOIN rm_message m USING (message_id) "
                    + "WHERE m.family_id = ?::uuid").param(family.familyId()).query(Long.class).single())
                    .as("nothing queued again").isZero();
            boolean invoiceBySms = false;
            for (JsonNode kind : parent.get("/api/notification-preferences").body().path("kinds")) {
                invoiceBySms |= kind.path("kind").asText().equals("INVOICE_ISSUED") && kind.path("sms").asBoolean();
            }
            assertThat(invoiceBySms).as("the choices rebuilt").isTrue();

            // the audit console shows the choices as they were between the two changes, and as they are now
            ServiceApi.Caller auditor = as(Role.AUDITOR);
            assertThat(auditor.get("/internal/audit/as-of").body().toString()).contains("notification-preferences");
            JsonNode then = auditor.get("/internal/audit/as-of/notification-preferences?familyId=" + family.familyId()
                    + "&at=" + betweenChoices).body().path("state");
            JsonNode now = auditor.get("/internal/audit/as-of/notification-preferences?familyId=" + family.familyId()
                    + "&at=" + TestClock.get().instant()).body().path("state");
            assertThat(then.findValuesAsText("kind")).containsExactly("DOCUMENT_APPROVED");
            assertThat(now.findValuesAsText("kind")).contains("DOCUMENT_APPROVED", "INVOICE_ISSUED");
            for (JsonNode kind : now) {
                if (kind.path("kind").asText().equals("INVOICE_ISSUED")) {
                    assertThat(kind.path("sms").asBoolean()).isTrue();
                }
            }
        }

        /** The family's messages that reached their end, as the read model shows them. */
        long sentOrFailed(String familyId) {
            return jdbc.sql("SELECT count(*) FROM rm_message WHERE family_id = ?::uuid AND status IN ('SENT', "
                    + "'FAILED')").param(familyId).query(Long.class).single();
        }
    }
}
