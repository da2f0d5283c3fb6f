package fr.marelle.platform.audit.history;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

/**
 * Verifies the hash chains of a service's streams: each event's hash must be that of the previous event's stored
 * hash and of its own content, and sequence numbers must follow each other. An altered payload, metadata or time,
 * a removed or reordered event, shows as a break at the first event that no longer matches.
 *
 * <p>What this cannot see alone: someone able to rewrite the whole rest of a stream, hashes included. Exporting the
 * streams' head hashes elsewhere (the audit console shows them) closes that gap.
 */
public class ChainVerifier {

    public record Break(String aggregateId, long sequence, String eventId, long globalIndex, String reason) {
    }

    public record Report(String service, long streams, long events, List<Break> breaks, String headDigest) {
        public boolean intact() {
            return breaks.isEmpty();
        }
    }

    private final JdbcClient jdbc;
    private final String service;

    public ChainVerifier(JdbcClient jdbc, String service) {
        this.jdbc = jdbc;
        this.service = service;
    }

    /** One stream, or every stream of the service when {@code aggregateId} is null. */
    public Report verify(String aggregateId) {
        String scope = aggregateId == null ? "" : " WHERE aggregate_identifier = :aggregate";
        String sql = """
                WITH ordered AS (
                    SELECT e.*, lag(e.chain_hash) OVER w AS previous_hash,
                           lag(e.sequence_number) OVER w AS previous_sequence
                    FROM domain_event_entry e %s
                    WINDOW w AS (PARTITION BY e.aggregate_identifier ORDER BY e.sequence_number))
                SELECT aggregate_identifier, sequence_number, event_identifier, global_index,
                       CASE WHEN chain_hash IS NULL THEN 'no hash'
                            WHEN previous_sequence IS NULL AND sequence_number <> 0
                                 AND NOT EXISTS (SELECT 1 FROM snapshot_event_entry s
                                                 WHERE s.aggregate_identifier = ordered.aggregate_identifier)
                                 THEN 'events missing before this one'
                            WHEN previous_sequence IS NOT NULL AND sequence_number <> previous_sequence + 1
                                 THEN 'events missing before this one'
                            ELSE 'content does not match its hash' END AS reason
                FROM ordered
                WHERE chain_hash IS NULL
                   OR chain_hash <> marelle_event_hash(previous_hash, aggregate_identifier, sequence_number,
                          event_identifier, payload_type, payload_revision, payload, meta_data, time_stamp)
                   OR (previous_sequence IS NOT NULL AND sequence_number <> previous_sequence + 1)
                ORDER BY global_index
                LIMIT 1000""".formatted(scope);
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        if (aggregateId != null) {
            statement = statement.param("aggregate", aggregateId);
        }
        List<Break> breaks = statement.query((rs, row) -> new Break(rs.getString("aggregate_identifier"),
                rs.getLong("sequence_number"), rs.getString("event_identifier"), rs.getLong("global_index"),
                rs.getString("reason"))).list();
        JdbcClient.StatementSpec counts = jdbc.sql("SELECT count(DISTINCT aggregate_identifier) AS streams, "
                + "count(*) AS events, encode(sha256(coalesce(string_agg(chain_hash, ''::bytea "
                + "ORDER BY aggregate_identifier, sequence_number), ''::bytea)), 'hex') AS digest "
                + "FROM domain_event_entry" + scope);
        if (aggregateId != null) {
            counts = counts.param("aggregate", aggregateId);
        }
        return counts.query((rs, row) -> new Report(service, rs.getLong("streams"), rs.getLong("events"), breaks,
                rs.getString("digest"))).single();
    }
}
