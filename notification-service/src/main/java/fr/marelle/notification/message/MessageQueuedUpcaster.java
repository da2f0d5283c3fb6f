package fr.marelle.notification.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.marelle.notification.message.MessageEvents.MessageQueued;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * {@code MessageQueued} revision 1 → 2: revision 2 added {@code linkRequestId}, the issuer's request a single-use
 * link is obtained for. Messages queued before it had no way to get a link (no provider existed), so they get
 * {@code null}: a link-carrying message among them fails its attempts with a clear reason, as it did then.
 */
@Component
class MessageQueuedUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(MessageQueued.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(MessageQueued.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode upcast = ((ObjectNode) payload).deepCopy();
            if (!upcast.has("linkRequestId")) {
                upcast.putNull("linkRequestId");
            }
            return upcast;
        });
    }
}
