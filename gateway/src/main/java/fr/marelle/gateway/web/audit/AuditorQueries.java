package fr.marelle.gateway.web.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.marelle.gateway.security.CurrentActor;
import fr.marelle.gateway.security.GatewayUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The record of every query made in the audit console, kept in the gateway's database (append-only: the database
 * refuses updates and deletes). A query is recorded with its outcome once it has run — or failed.
 */
@Component
class AuditorQueries {

    record Recorded(long queryId, OffsetDateTime askedAt, String userId, String userName, String userRole,
                    String clientIp, String action, String parameters, String outcome) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AuditorQueries(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Runs {@code query}, then records it with the outcome {@code describe} gives of its result, or its failure. */
    <T> T run(String action, Map<String, ?> parameters, Supplier<T> query, Function<T, String> describe) {
        T result;
        try {
            result = query.get();
        } catch (RuntimeException e) {
            record(action, parameters, "échec : " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
            throw e;
        }
        record(action, parameters, describe.apply(result));
        return result;
    }

    /** A query the console refused to run (its form had errors): recorded too, with why. */
    void refused(String action, Map<String, ?> parameters, Map<String, String> errors) {
        record(action, parameters, "refusée : " + String.join(" ", errors.values()));
    }

    void record(String action, Map<String, ?> parameters, String outcome) {
        GatewayUser user = CurrentActor.user().orElseThrow();
        String text;
        try {
            text = json.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        jdbc.sql("""
                INSERT INTO auditor_query (user_id, user_name, user_role, client_ip, action, parameters, outcome)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?)""")
                .params(user.userId(), user.displayName(), user.role().name(), CurrentActor.clientIp(), action, text,
                        outcome.length() > 500 ? outcome.substring(0, 500) : outcome)
                .update();
    }

    List<Recorded> latest(String userId, int limit) {
        return jdbc.sql("""
                SELECT query_id, asked_at, user_id, user_name, user_role, client_ip, action, parameters::text AS parameters,
                       outcome
                FROM auditor_query WHERE (CAST(? AS VARCHAR) IS NULL OR user_id = ?)
                ORDER BY query_id DESC LIMIT ?""")
                .params(userId, userId, limit)
                .query(Recorded.class).list();
    }
}
