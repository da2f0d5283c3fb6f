package fr.marelle.platform.audit;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * Copies who, from where and which flow from the message being handled to every message it causes (the events an
 * aggregate applies, the commands an event handler sends), and records the direct cause. Replaces Axon's
 * MessageOriginProvider so that {@code correlationId} keeps its business meaning: one id per flow.
 */
public class AuditCorrelationDataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        for (String key : AuditMetadata.PROPAGATED) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        data.putIfAbsent(AuditMetadata.CORRELATION_ID, message.getIdentifier());
        data.put(AuditMetadata.CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
