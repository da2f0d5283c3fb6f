package fr.marelle.platform.audit.history;

import org.axonframework.common.DateTimeUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import fr.marelle.platform.audit.AuditMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Reads a service's event store for the audit console: by family, stream or flow, filtered by time, kind, actor. */
public class EventHistory {

    /**
     * What to look for; every given criterion must hold. {@code subject} is anything an auditor follows — a family,
     * child, wallet, service-day or invoice id: the events of that stream, of that family, or that name it in their
     * payload. {@code correlationIds} are flows: the events any of them caused, in every stream.
     */
    public record Query(String familyId, String aggregateId, String subject, List<String> correlationIds,
                        Instant from, Instant to, String type, String actor, int limit) {
        public Query {
            correlationIds = correlationIds == null ? List.of() : List.copyOf(correlationIds);
        }

        public boolean scoped() {
            return familyId != null || aggregateId != null || subject != null || !correlationIds.isEmpty()
                    || from != null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JdbcClient jdbc;
    private final String service;

    public EventHistory(JdbcClient jdbc, String service) {
        this.jdbc = jdbc;
        this.service = service;
    }

    public List<HistoryEvent> find(Query query) {
        StringBuilder sql = new StringBuilder("""
                SELECT global_index, event_identifier, aggregate_identifier, sequence_number, payload_type,
                       payload_revision, time_stamp, payload, meta_data
                FROM domain_event_entry WHERE true""");
        List<Object> params = new ArrayList<>();
        if (query.familyId() != null) {
            sql.append(" AND family_id = ?");
            params.add(query.familyId());
        }
        if (query.aggregateId() != null) {
            sql.append(" AND aggregate_identifier = ?");
            params.add(query.aggregateId());
        }
        if (query.subject() != null) {
            sql.append(" AND (aggregate_identifier = ? OR family_id = ? "
                    + "OR position(? IN convert_from(payload, 'UTF8')) > 0)");
            params.add(query.subject());
            params.add(query.subject());
            params.add('"' + query.subject().replace("\\", "\\\\").replace("\"", "\\\"") + '"');
        }
        if (!query.correlationIds().isEmpty()) {
            sql.append(" AND correlation_id IN (")
                    .append(String.join(", ", Collections.nCopies(query.correlationIds().size(), "?")))
                    .append(")");
            params.addAll(query.correlationIds());
        }
        if (query.from() != null) {
            sql.append(" AND time_stamp >= ?");
            params.add(DateTimeUtils.formatInstant(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND time_stamp <= ?");
            params.add(DateTimeUtils.formatInstant(query.to()));
        }
        if (query.type() != null) {
            sql.append(" AND lower(payload_type) LIKE ?");
            params.add("%" + query.type().toLowerCase(Locale.ROOT).replace("%", "") + "%");
        }
        if (query.actor() != null) {
            sql.append(" AND marelle_json(meta_data) ->> 'actorId' = ?");
            params.add(query.actor());
        }
        sql.append(" ORDER BY global_index LIMIT ?");
        params.add(Math.max(1, Math.min(query.limit(), 10_000)));
        return jdbc.sql(sql.toString()).params(params).query(this::map).list();
    }

    private HistoryEvent map(ResultSet rs, int row) throws SQLException {
        JsonNode metadata = parse(rs.getBytes("meta_data"));
        String type = rs.getString("payload_type");
        return new HistoryEvent(service, rs.getLong("global_index"), rs.getString("event_identifier"),
                rs.getString("aggregate_identifier"), rs.getLong("sequence_number"),
                type.substring(type.lastIndexOf('.') + 1).replace('$', '.'), rs.getString("payload_revision"),
                Instant.parse(rs.getString("time_stamp")), text(metadata, AuditMetadata.ACTOR_ID),
                text(metadata, AuditMetadata.ACTOR_ROLE), text(metadata, AuditMetadata.FAMILY_ID),
                text(metadata, AuditMetadata.CLIENT_IP), text(metadata, AuditMetadata.CORRELATION_ID),
                text(metadata, AuditMetadata.CAUSATION_ID), parse(rs.getBytes("payload")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static JsonNode parse(byte[] bytes) {
        if (bytes == null) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
