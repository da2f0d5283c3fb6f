package fr.marelle.notification.message;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

public final class MessageCommands {

    private MessageCommands() {
    }

    /** Queue a message for a family, on one channel, from a template and its parameters. */
    public record QueueMessage(@TargetAggregateIdentifier MessageId messageId, String familyId, Channel channel,
                               String recipient, String template, String language, Map<String, String> parameters,
                               String sourceEventId) {
    }
}
