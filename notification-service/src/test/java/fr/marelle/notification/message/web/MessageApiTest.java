package fr.marelle.notification.message.web;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.notification.Families;
import fr.marelle.notification.Families.Registration;
import fr.marelle.notification.StubAccounts;
import fr.marelle.notification.TestSmtp;
import fr.marelle.notification.message.MessageId;
import fr.marelle.notification.message.TestMessages;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.test.MarelleServiceTest;
import fr.marelle.platform.test.ServiceApi;
import fr.marelle.platform.test.TestServiceTokens;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;
import java.util.UUID;

import static fr.marelle.notification.message.TestMessages.anAddress;
import static fr.marelle.notification.message.TestMessages.awaitFamilyStatus;
import static fr.marelle.notification.message.TestMessages.awaitStatus;
import static org.assertj.core.api.Assertions.assertThat;

/** Who sees which messages, and who may requeue a failed one. */
@MarelleServiceTest
class MessageApiTest {

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;

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
}
