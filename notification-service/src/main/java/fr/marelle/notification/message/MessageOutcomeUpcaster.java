package fr.marelle.notification.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.marelle.notification.message.MessageEvents.MessageFailed;
import fr.marelle.notification.message.MessageEvents.MessageSent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * {@code MessageSent} and {@code MessageFailed} revision 1 → 2. Revision 2 repeats the message's family, channel and
 * template (for the public outcome events) and names the provider's id of a sent message {@code providerReference}
 * (it was {@code smtpMessageId}). Revision 1 events are from before SMS existed: their channel is {@code EMAIL};
 * their family and template are not in them and stay {@code null}.
 */
@Component
class MessageOutcomeUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType SENT_1 = new SimpleSerializedType(MessageSent.class.getName(), "1");
    static final SimpleSerializedType SENT_2 = new SimpleSerializedType(MessageSent.class.getName(), "2");
    static final SimpleSerializedType FAILED_1 = new SimpleSerializedType(MessageFailed.class.getName(), "1");
    static final SimpleSerializedType FAILED_2 = new SimpleSerializedType(MessageFailed.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return SENT_1.equals(representation.getType()) || FAILED_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        boolean sent = SENT_1.equals(representation.getType());
        return representation.upcastPayload(sent ? SENT_2 : FAILED_2, JsonNode.class, payload -> {
            ObjectNode upcast = ((ObjectNode) payload).deepCopy();
            if (sent) {
                upcast.set("providerReference", upcast.path("smtpMessageId").isMissingNode()
                        ? upcast.nullNode() : upcast.get("smtpMessageId"));
                upcast.remove("smtpMessageId");
            }
            upcast.putNull("familyId");
            upcast.put("channel", Channel.EMAIL.name());
            upcast.putNull("template");
            return upcast;
        });
    }
}
