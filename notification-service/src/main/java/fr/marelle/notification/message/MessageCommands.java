package fr.marelle.notification.message;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Map;

public final class MessageCommands {

    private MessageCommands() {
    }

    /**
     * Queue a message for a family (or, with a {@code null} family, for a staff member), on one channel, from a
     * template and its parameters. A template with a single-use link names the issuer's request
     * ({@code linkRequestId}) for which the link is obtained at render time; never the link itself. No attempt
     * starts before {@code notBefore} ({@code null}: at once).
     */
    public record QueueMessage(@TargetAggregateIdentifier MessageId messageId, String familyId, Channel channel,
                               String recipient, String template, String language, Map<String, String> parameters,
                               String linkRequestId, String sourceEventId, Instant notBefore) {

        /** A message to send at once. */
        public QueueMessage(MessageId messageId, String familyId, Channel channel, String recipient, String template,
                            String language, Map<String, String> parameters, String linkRequestId,
                            String sourceEventId) {
            this(messageId, familyId, channel, recipient, template, language, parameters, linkRequestId,
                    sourceEventId, null);
        }
    }

    /**
     * Ask to start a delivery attempt (sent by the delivery worker, holding the message's queue claim, before it calls
     * the provider). Refused for a message sent, failed or not yet due; else answers the {@link DeliveryOrder} to
     * render and send, numbered after the attempts recorded so far. It records nothing: the queue claim is the
     * attempt's lease (ADR 21), and the attempt's outcome is its first event.
     */
    public record StartDelivery(@TargetAggregateIdentifier MessageId messageId, Instant startedAt) {
    }

    /**
     * The provider accepted the message during the given attempt: the SMTP server (its {@code Message-ID}) or the
     * SMS gateway (its reference).
     */
    public record RecordDelivery(@TargetAggregateIdentifier MessageId messageId, int attempt,
                                 String providerReference, String serverReply, Instant sentAt) {
    }

    /**
     * The given attempt did not get the message through. A {@code permanent} failure (the provider refused the
     * address, the template cannot be rendered) will not get better by retrying.
     */
    public record RecordDeliveryFailure(@TargetAggregateIdentifier MessageId messageId, int attempt,
                                        DeliveryFailureCode reasonCode, String reason, boolean permanent,
                                        Instant failedAt) {
    }

    /** Staff put a failed message back in the queue, for a new series of attempts. */
    public record RequeueMessage(@TargetAggregateIdentifier MessageId messageId, Instant requeuedAt) {
    }
}
