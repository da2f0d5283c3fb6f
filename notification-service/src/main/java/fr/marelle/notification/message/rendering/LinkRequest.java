package fr.marelle.notification.message.rendering;

import fr.marelle.notification.message.LinkKind;
import fr.marelle.notification.message.MessageId;

import java.util.Map;

/**
 * Which link, for which message and recipient. {@code issuerRequestId} is the request the issuer
 * (accounts-service) opened when it asked for the message: the link is minted for that request, and the issuer
 * refuses once the request was used, replaced or has expired.
 */
public record LinkRequest(MessageId messageId, LinkKind kind, String issuerRequestId, String familyId,
                          String recipient, Map<String, String> parameters) {

    @Override
    public String toString() {
        return "LinkRequest[" + kind + " for message " + messageId + "]";
    }
}
