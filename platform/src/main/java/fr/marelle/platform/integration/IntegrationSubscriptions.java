package fr.marelle.platform.integration;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The integration events a service consumes: for each versioned type, the topic it comes on, its payload class
 * (from the publisher's contract) and its handler. Records of other types on those topics are skipped.
 */
public final class IntegrationSubscriptions {

    public record Subscription<T>(String topic, String type, Class<T> payloadType, IntegrationEventHandler<T> handler) {
    }

    private final Map<String, Subscription<?>> byType = new HashMap<>();

    public static IntegrationSubscriptions create() {
        return new IntegrationSubscriptions();
    }

    public <T> IntegrationSubscriptions on(String topic, String type, Class<T> payloadType,
                                           IntegrationEventHandler<T> handler) {
        if (byType.putIfAbsent(type, new Subscription<>(topic, type, payloadType, handler)) != null) {
            throw new IllegalStateException("Two handlers for integration event " + type);
        }
        return this;
    }

    public Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        byType.values().forEach(s -> topics.add(s.topic()));
        return topics;
    }

    public Optional<Subscription<?>> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public Collection<Subscription<?>> all() {
        return byType.values();
    }

    public boolean isEmpty() {
        return byType.isEmpty();
    }
}
