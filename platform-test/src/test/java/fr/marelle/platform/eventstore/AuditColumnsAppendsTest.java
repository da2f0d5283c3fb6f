package fr.marelle.platform.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.marelle.platform.eventstore.AuditColumnsAppends.AuditColumns;
import fr.marelle.platform.test.TestDatabases;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit columns written by the platform's append statement are the ones the store's trigger reads out of the JSON
 * (checked against PostgreSQL's own reading of the same bytes), the documents it cannot vouch for are left to the
 * trigger, and a row written without them still gets them.
 */
class AuditColumnsAppendsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String url;

    @BeforeAll
    static void store() {
        url = TestDatabases.create("audit_columns");
        Flyway.configure().dataSource(url, TestDatabases.user(), TestDatabases.password())
                .locations("classpath:db/platform").table("platform_schema_history").load().migrate();
    }

    @AfterAll
    static void dropStore() {
        TestDatabases.drop(url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", ""));
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(url, TestDatabases.user(), TestDatabases.password());
    }

    /** What the trigger of V3 gives for these bytes: {@code coalesce(payload ->> 'familyId', …)}, correlation. */
    private static AuditColumns triggers(Connection c, byte[] payload, byte[] metadata) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT coalesce(marelle_json(?) ->> 'familyId', marelle_json(?) ->> 'familyId'),
                       marelle_json(?) ->> 'correlationId'""")) {
            s.setBytes(1, payload);
            s.setBytes(2, metadata);
            s.setBytes(3, metadata);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new AuditColumns(r.getString(1), r.getString(2));
            }
        }
    }

    private static AuditColumns ours(String payload, Map<String, Object> metadata) throws Exception {
        return AuditColumnsAppends.auditColumns(payload.getBytes(StandardCharsets.UTF_8),
                JSON.writeValueAsBytes(metadata), metadata.get("familyId"), metadata.get("correlationId"));
    }

    @Test
    void writes_what_the_trigger_would_read_and_leaves_it_the_documents_it_cannot_vouch_for() throws Exception {
        Map<String, Object> full = Map.of("familyId", "family-of-metadata", "correlationId", "c-1", "role", "PARENT");
        Map<String, Object> none = Map.of("role", "SYSTEM");
        Map<String, Object> nulChar = Map.of("familyId", "f", "correlationId", "c", "note", "a\u0000b");
        Map<String, Object> numeric = new HashMap<>(Map.of("familyId", 42, "correlationId", "c"));
        record Case(String payload, Map<String, Object> metadata, boolean vouched) {
        }
        List<Case> cases = List.of(
                new Case("{\"familyId\":\"family-of-payload\",\"amount\":3}", full, true),
                new Case("{\"amount\":3,\"child\":{\"familyId\":\"nested\"}}", full, true),
                new Case("{\"familyId\":null}", full, true),
                new Case("{\"familyId\":\"first\",\"familyId\":\"last\"}", full, true),
                new Case("{\"familyId\":\"é\\\"\\\\ \\n\"}", none, true),
                new Case("{}", none, true),
                new Case("{\"familyId\":12}", full, false),
                new Case("{\"familyId\":{\"value\":\"f\"}}", full, false),
                new Case("{\"familyId\":\"f\"} trailing", full, false),
                new Case("{\"familyId\":\"f\"", full, false),
                new Case("[{\"familyId\":\"f\"}]", full, false),
                new Case("\"a text payload\"", full, false),
                new Case("{\"familyId\":\"a\\u0000b\"}", full, false),
                new Case("{\"familyId\":\"f\"}", nulChar, false),
                new Case("{\"amount\":1}", numeric, false));
        try (Connection c = connect()) {
            for (Case test : cases) {
                AuditColumns ours = ours(test.payload(), test.metadata());
                if (test.vouched()) {
                    assertThat(ours).as(test.payload() + " " + test.metadata())
                            .isEqualTo(triggers(c, test.payload().getBytes(StandardCharsets.UTF_8),
                                    JSON.writeValueAsBytes(test.metadata())));
                } else {
                    assertThat(ours).as(test.payload() + " " + test.metadata()).isEqualTo(AuditColumns.UNKNOWN);
                }
            }
        }
    }

    record Booked(String familyId, String childId, int meals) {
    }

    record Nameless(int meals) {
    }

    @Test
    void events_appended_carry_their_columns_and_rows_written_without_them_get_them_from_the_trigger()
            throws SQLException {
        String stream = UUID.randomUUID().toString();
        MetaData metaData = MetaData.with("familyId", "family-of-metadata").and("correlationId", "correlation-1");
        var first = new GenericDomainEventMessage<>("Booking", stream, 0, new Booked("family-of-payload", "c", 2),
                metaData);
        var second = new GenericDomainEventMessage<>("Booking", stream, 1, new Nameless(1), metaData);
        try (Connection c = connect()) {
            try (PreparedStatement append = new AuditColumnsAppends().build(c, AxonSchemas.events(), byte[].class,
                    List.of(first, second), JacksonSerializer.defaultSerializer(),
                    (statement, position, instant) -> statement.setString(position, instant.toString()))) {
                append.executeBatch();
            }
            try (PreparedStatement legacy = c.prepareStatement("""
                    INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                        time_stamp, payload_type, payload_revision, payload, meta_data)
                    VALUES (?, ?, 2, 'Booking', '2026-11-27T19:00:00.000Z', 'Booked', NULL, ?, ?)""")) {
                legacy.setString(1, UUID.randomUUID().toString());
                legacy.setString(2, stream);
                legacy.setBytes(3, "{\"familyId\":\"family-of-legacy\"}".getBytes(StandardCharsets.UTF_8));
                legacy.setBytes(4, "{\"correlationId\":\"correlation-2\"}".getBytes(StandardCharsets.UTF_8));
                legacy.executeUpdate();
            }
            try (PreparedStatement read = c.prepareStatement("""
                    SELECT family_id, correlation_id, chain_hash IS NOT NULL FROM domain_event_entry
                    WHERE aggregate_identifier = ? ORDER BY sequence_number""")) {
                read.setString(1, stream);
                try (ResultSet rows = read.executeQuery()) {
                    rows.next();
                    assertThat(List.of(rows.getString(1), rows.getString(2), rows.getBoolean(3)))
                            .containsExactly("family-of-payload", "correlation-1", true);
                    rows.next();
                    assertThat(List.of(rows.getString(1), rows.getString(2), rows.getBoolean(3)))
                            .containsExactly("family-of-metadata", "correlation-1", true);
                    rows.next();
                    assertThat(List.of(rows.getString(1), rows.getString(2), rows.getBoolean(3)))
                            .containsExactly("family-of-legacy", "correlation-2", true);
                }
            }
        }
    }
}
