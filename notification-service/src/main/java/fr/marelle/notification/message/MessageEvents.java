package fr.marelle.notification.message;

import org.axonframework.serialization.Revision;

import java.util.Map;

public final class MessageEvents {

    private MessageEvents() {
    }

    @Revision("1")
    public record MessageQueued(MessageId messageId, String familyId, Channel channel, String recipient,
                                String template, String language, Map<String, String> parameters,
                                String sourceEventId) {
    }
}
