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
     * {@code null}: it is not a secret, only notification-service's signed call turns it into a link.
     * {@code notBefore}: no attempt before that time (an SMS deferred to the morning), {@code null} for at once.
     * Revision 2 added {@code linkRequestId}, revision 3 {@code notBefore} ({@code MessageQueuedUpcaster}).
     */
    @Revision("3")
    public record MessageQueued(MessageId messageId, String familyId, Channel channel, String recipient,
                                String template, String language, Map<String, String> parameters,
                                String linkRequestId, String sourceEventId, Instant notBefore) {
    }

    /**
     * A delivery attempt began; it held the message until {@code leaseUntil}. Attempts are numbered from 1. No longer
     * applied since an attempt's lease is its queue claim (ADR 21): kept to read the streams that have it.
     */
    @Revision("1")
    public record DeliveryStarted(MessageId messageId, int attempt, Instant startedAt, Instant leaseUntil) {
    }

    /**
     * The provider accepted the message: the SMTP server (its {@code Message-ID} header as
     * {@code providerReference}, and its last reply) or the SMS gateway (its reference for the SMS, and a summary
     * of its answer). The message's family, channel and template are repeated for those who follow only outcomes
     * (the public {@code NotificationSent}). Revision 2 renamed {@code smtpMessageId} to {@code providerReference}
     * and added {@code familyId}, {@code channel} and {@code template} ({@code MessageOutcomeUpcaster}: older events
     * were all emails).
     */
    @Revision("2")
    public record MessageSent(MessageId messageId, int attempt, String providerReference, String serverReply,
                              Instant sentAt, String familyId, Channel channel, String template) {
    }

    /** An attempt failed; the next one is due at {@code nextAttemptAt}. */
    @Revision("1")
    public record DeliveryAttemptFailed(MessageId messageId, int attempt, DeliveryFailureCode reasonCode,
                                        String reason, Instant failedAt, Instant nextAttemptAt) {
    }

    /**
     * The last attempt failed, or the failure was permanent: the message is dead-lettered until staff requeue it.
     * Revision 2 added {@code familyId}, {@code channel} and {@code template} ({@code MessageOutcomeUpcaster}).
     */
    @Revision("2")
    public record MessageFailed(MessageId messageId, int attempt, DeliveryFailureCode reasonCode, String reason,
                                Instant failedAt, String familyId, Channel channel, String template) {
    }

    /** Staff requeued a failed message: a new series of attempts begins. */
    @Revision("1")
    public record MessageRequeued(MessageId messageId, Instant requeuedAt) {
    }
}
