package fr.marelle.notification.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.marelle.notification.message.MessageEvents.MessageQueued;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * {@code MessageQueued} revisions 1 and 2 → 3. Revision 2 added {@code linkRequestId}, the issuer's request a
 * single-use link is obtained for: messages queued before it had no way to get a link (no provider existed), so they
 * get {@code null} (a link-carrying message among them fails its attempts with a clear reason, as it did then).
 * Revision 3 added {@code notBefore} (an SMS deferred to the morning): every earlier message was due at once.
 */
@Component
class MessageQueuedUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(MessageQueued.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(MessageQueued.class.getName(), "2");
    static final SimpleSerializedType REVISION_3 = new SimpleSerializedType(MessageQueued.class.getName(), "3");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType()) || REVISION_2.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_3, JsonNode.class, payload -> {
            ObjectNode upcast = ((ObjectNode) payload).deepCopy();
            if (!upcast.has("linkRequestId")) {
                upcast.putNull("linkRequestId");
            }
            if (!upcast.has("notBefore")) {
                upcast.putNull("notBefore");
            }
            return upcast;
        });
    }
}
