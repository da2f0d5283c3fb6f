package fr.marelle.notification.message;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.notification.message.MessageCommands.QueueMessage;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.test.ServiceApi;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static fr.marelle.platform.audit.ActorContext.runAs;
import static org.awaitility.Awaitility.await;

/** Messages queued the way accounts-service's events will queue them, and their status through the API. */
public final class TestMessages {

    private TestMessages() {
    }

    public static String anAddress() {
        return "parent." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** Queues a message; one whose template carries a link names a new request of accounts-service. */
    public static MessageId queue(CommandGateway commands, String familyId, String template, String recipient,
                                  Map<String, String> parameters) {
        String linkRequestId = MessageTemplate.named(template).link().isPresent() ? aLinkRequest() : null;
        return queue(commands, familyId, template, recipient, parameters, linkRequestId);
    }

    public static MessageId queue(CommandGateway commands, String familyId, String template, String recipient,
                                  Map<String, String> parameters, String linkRequestId) {
        MessageId messageId = new MessageId(UUID.randomUUID());
        runAs(Actor.system("accounts-test"), "test-" + messageId, () -> commands.sendAndWait(new QueueMessage(
                messageId, familyId, Channel.EMAIL, recipient, template, "fr", parameters, linkRequestId,
                "test-" + messageId)));
        return messageId;
    }

    /** A request id as accounts-service opens them (the stub of accounts mints a link for any it is asked). */
    public static String aLinkRequest() {
        return UUID.randomUUID().toString();
    }

    /** Waits until the message shows the status, and answers it as the API shows it. */
    public static JsonNode awaitStatus(ServiceApi.Caller staff, MessageId messageId, String status) {
        AtomicReference<JsonNode> seen = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            ServiceApi.Response response = staff.get("/api/messages/" + messageId);
            seen.set(response.body());
            return response.status() == 200 && response.body().path("status").asText().equals(status);
        });
        return seen.get();
    }

    /** Waits until the family's only message shows the status. */
    public static JsonNode awaitFamilyStatus(ServiceApi.Caller staff, String familyId, String status) {
        AtomicReference<JsonNode> seen = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode messages = staff.get("/api/messages?familyId=" + familyId).body();
            seen.set(messages.path(0));
            return messages.size() == 1 && messages.get(0).path("status").asText().equals(status);
        });
        return seen.get();
    }

    /** The plain-text and HTML alternatives of a received email. */
    public record Alternatives(String textType, String text, String htmlType, String html) {
    }

    public static Alternatives alternatives(MimeMessage mail) throws Exception {
        MimeMultipart multipart = (MimeMultipart) mail.getContent();
        BodyPart text = multipart.getBodyPart(0);
        BodyPart html = multipart.getBodyPart(1);
        return new Alternatives(text.getContentType(), (String) text.getContent(), html.getContentType(),
                (String) html.getContent());
    }
}
