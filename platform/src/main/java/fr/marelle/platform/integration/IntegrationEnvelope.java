package fr.marelle.platform.integration;

import java.time.Instant;

/** What a consumer knows of an integration event besides its payload, read from the Kafka record's headers. */
public record IntegrationEnvelope(String eventId, String type, String topic, String key, String source,
                                  String correlationId, String actorId, String actorRole, Instant occurredAt) {
}
