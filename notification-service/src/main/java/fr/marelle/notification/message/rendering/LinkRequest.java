package fr.marelle.notification.message.rendering;

import fr.marelle.notification.message.LinkKind;
import fr.marelle.notification.message.MessageId;

import java.util.Map;

/**
 * Which link, for which message and recipient. The message id lets the issuer tie the link to this message (and
 * hand the same one back when an attempt is retried, if it wishes).
 */
public record LinkRequest(MessageId messageId, LinkKind kind, String familyId, String recipient,
                          Map<String, String> parameters) {

    @Override
    public String toString() {
        return "LinkRequest[" + kind + " for message " + messageId + "]";
    }
}
