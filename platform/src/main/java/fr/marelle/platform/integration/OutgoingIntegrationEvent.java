package fr.marelle.platform.integration;

import java.util.Objects;

/**
 * A public event to publish: on a context's topic, keyed by the aggregate (or family, where order per family
 * matters), under a versioned type name, with a payload from the service's published contract.
 */
public record OutgoingIntegrationEvent(String topic, String type, String key, Object payload) {

    public OutgoingIntegrationEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
    }
}
