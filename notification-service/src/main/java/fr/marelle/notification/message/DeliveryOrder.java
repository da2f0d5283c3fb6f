package fr.marelle.notification.message;

import java.util.Map;

/**
 * What a delivery attempt must send: the answer of {@code StartDelivery}. Holds personal data; never logged
 * (its {@code toString} shows ids only).
 */
public record DeliveryOrder(MessageId messageId, int attempt, String familyId, Channel channel, String recipient,
                            String template, String language, Map<String, String> parameters,
                            String linkRequestId) {

    public DeliveryOrder {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    @Override
    public String toString() {
        return "DeliveryOrder[" + messageId + ", attempt " + attempt + ", " + template + "/" + language + "]";
    }
}
