package fr.marelle.notification.message;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Map;

/**
 * What happened to an outgoing message. No event ever carries a rendered body or a single-use link: bodies are
 * rendered at delivery time, and links are obtained then from a {@code LinkProvider}.
 */
public final class MessageEvents {

    private MessageEvents() {
    }

    /**
     * A message to send. {@code familyId} is {@code null} for a message to a staff member; {@code linkRequestId}
     * names the request at the link's issuer (accounts-service) for a template with a single-use link, else
     * {@code null}: it is not a secret, only notification-service's signed call turns it into a link. Revision 2
     * added {@code linkRequestId} ({@code MessageQueuedUpcaster}).
     */
    @Revision("2")
    public record MessageQueued(MessageId messageId, String familyId, Channel channel, String recipient,
                                String template, String language, Map<String, String> parameters,
                                String linkRequestId, String sourceEventId) {
    }

    /** A delivery attempt began; it holds the message until {@code leaseUntil}. Attempts are numbered from 1. */
    @Revision("1")
    public record DeliveryStarted(MessageId messageId, int attempt, Instant startedAt, Instant leaseUntil) {
    }

    /** The SMTP server accepted the message: its {@code Message-ID} header and the server's last reply. */
    @Revision("1")
    public record MessageSent(MessageId messageId, int attempt, String smtpMessageId, String serverReply,
                              Instant sentAt) {
    }

    /** An attempt failed; the next one is due at {@code nextAttemptAt}. */
    @Revision("1")
    public record DeliveryAttemptFailed(MessageId messageId, int attempt, DeliveryFailureCode reasonCode,
                                        String reason, Instant failedAt, Instant nextAttemptAt) {
    }

    /** The last attempt failed, or the failure was permanent: the message is dead-lettered until staff requeue it. */
    @Revision("1")
    public record MessageFailed(MessageId messageId, int attempt, DeliveryFailureCode reasonCode, String reason,
                                Instant failedAt) {
    }

    /** Staff requeued a failed message: a new series of attempts begins. */
    @Revision("1")
    public record MessageRequeued(MessageId messageId, Instant requeuedAt) {
    }
}
