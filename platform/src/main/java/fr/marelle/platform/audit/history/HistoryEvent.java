package fr.marelle.platform.audit.history;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One stored event as the audit console shows it: what happened (type, payload), when, to which stream, who did
 * it and from where, and which flow it belongs to (correlation) and what caused it (causation).
 */
public record HistoryEvent(String service, long globalIndex, String eventId, String aggregateId, long sequence,
                           String type, String revision, Instant occurredAt, String actorId, String actorRole,
                           String familyId, String clientIp, String correlationId, String causationId,
                           JsonNode payload) {
}
