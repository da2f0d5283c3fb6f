package fr.marelle.platform.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.marelle.platform.audit.history.ChainVerifier;
import fr.marelle.platform.eventstore.AuditColumnsAppends.AuditColumns;
import fr.marelle.platform.test.TestDatabases;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit columns written by the platform's append statement are the ones the store's trigger reads out of the JSON
 * (checked against PostgreSQL's own reading of the same bytes), the documents it cannot vouch for are left to the
 * trigger, and a row written without them still gets them. The chain hashes it computes are PostgreSQL's
 * {@code marelle_event_hash}, it leaves to the trigger those whose previous hash it does not know, and the chain
 * verifier checks every hash, whoever wrote it.
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

    private static void time(PreparedStatement statement, int position, Instant instant) throws SQLException {
        statement.setString(position, EventTimestamps.format(instant));
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
                    AuditColumnsAppendsTest::time)) {
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

    @Test
    void chain_hashes_are_those_postgresql_computes_for_the_same_values() throws SQLException {
        byte[] previous = new byte[32];
        new Random(7).nextBytes(previous);
        byte[] payload = "{\"familyId\":\"f-1\",\"meals\":2}".getBytes(StandardCharsets.UTF_8);
        byte[] metadata = "{\"correlationId\":\"c-1\"}".getBytes(StandardCharsets.UTF_8);
        record Row(byte[] previous, String stream, long sequence, String eventId, String type, String revision,
                   byte[] payload, byte[] metadata, String time) {
        }
        List<Row> rows = List.of(
                new Row(null, "stream-1", 0, "event-1", "fr.marelle.Booked", "1", payload, metadata,
                        "2026-11-27T21:00:00.123Z"),
                new Row(previous, "stream-1", 1, "event-2", "fr.marelle.Booked", null, payload, null,
                        "2026-11-27T21:00:00.124Z"),
                new Row(previous, "famille-é-ü-🎒", Long.MAX_VALUE, "événement", "Réservé", "2", new byte[0],
                        new byte[0], "0001-01-01T00:00:00.000Z"),
                new Row(null, "lone \uD800 surrogate", 3, "e", "T", "1", payload, metadata, "t"),
                new Row(previous, "s", -1, "e", "T", "1", new byte[100_000], metadata, "t"));
        try (Connection c = connect();
             PreparedStatement postgres = c.prepareStatement(
                     "SELECT marelle_event_hash(?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Row row : rows) {
                postgres.setBytes(1, row.previous());
                postgres.setString(2, row.stream());
                postgres.setLong(3, row.sequence());
                postgres.setString(4, row.eventId());
                postgres.setString(5, row.type());
                postgres.setString(6, row.revision());
                postgres.setBytes(7, row.payload());
                postgres.setBytes(8, row.metadata());
                postgres.setString(9, row.time());
                try (ResultSet hash = postgres.executeQuery()) {
                    hash.next();
                    assertThat(ChainHashes.of(row.previous(), row.stream(), row.sequence(), row.eventId(), row.type(),
                            row.revision(), row.payload(), row.metadata(), row.time()))
                            .as(row.stream() + " " + row.sequence()).isEqualTo(hash.getBytes(1));
                }
            }
        }
    }

    @Test
    void the_statement_hashes_a_new_stream_and_leaves_to_the_trigger_the_events_whose_previous_hash_it_lacks()
            throws SQLException {
        String stream = UUID.randomUUID().toString();
        MetaData metaData = MetaData.with("familyId", "f-1").and("correlationId", "c-1");
        List<GenericDomainEventMessage<Booked>> events = new ArrayList<>();
        for (int sequence = 0; sequence < 5; sequence++) {
            events.add(new GenericDomainEventMessage<>("Booking", stream, sequence, new Booked("f-1", "c", sequence),
                    metaData));
        }
        try (Connection c = connect()) {
            c.setAutoCommit(false); // the trigger is off for this transaction only: other tests see it on
            try (Statement ddl = c.createStatement()) {
                ddl.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_chain");
            }
            append(c, events.subList(0, 3));
            append(c, events.subList(3, 4));
            assertThat(hashes(c, stream)).as("no trigger: the new stream is hashed by the statement, the next "
                    + "batch's first event is not").containsExactly(true, true, true, false);
            c.rollback();

            append(c, events.subList(0, 3));
            append(c, events.subList(3, 5));
            c.commit();
            assertThat(hashes(c, stream)).containsExactly(true, true, true, true, true);
            ChainVerifier.Report report = verifier(c).verify(stream);
            assertThat(report.events()).isEqualTo(5);
            assertThat(report.breaks()).isEmpty();
        }
    }

    @Test
    void a_row_that_comes_with_a_wrong_hash_keeps_it_and_the_verifier_reports_it() throws SQLException {
        String stream = UUID.randomUUID().toString();
        try (Connection c = connect()) {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                        time_stamp, payload_type, payload_revision, payload, meta_data, family_id, correlation_id,
                        chain_hash)
                    VALUES (?, ?, 0, 'Booking', '2026-11-27T21:00:00.000Z', 'Booked', '1', ?, ?, 'f-1', 'c-1', ?)""")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, stream);
                insert.setBytes(3, "{\"familyId\":\"f-1\"}".getBytes(StandardCharsets.UTF_8));
                insert.setBytes(4, "{\"correlationId\":\"c-1\"}".getBytes(StandardCharsets.UTF_8));
                insert.setBytes(5, new byte[32]);
                insert.executeUpdate();
            }
            assertThat(verifier(c).verify(stream).breaks()).extracting(ChainVerifier.Break::reason)
                    .containsExactly("content does not match its hash");
        }
    }

    private static void append(Connection c, List<? extends GenericDomainEventMessage<?>> events)
            throws SQLException {
        try (PreparedStatement append = new AuditColumnsAppends().build(c, AxonSchemas.events(), byte[].class,
                events, JacksonSerializer.defaultSerializer(), AuditColumnsAppendsTest::time)) {
            append.executeBatch();
        }
    }

    private static List<Boolean> hashes(Connection c, String stream) throws SQLException {
        try (PreparedStatement read = c.prepareStatement("SELECT chain_hash IS NOT NULL FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            read.setString(1, stream);
            List<Boolean> hashed = new ArrayList<>();
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    hashed.add(rows.getBoolean(1));
                }
            }
            return hashed;
        }
    }

    private static ChainVerifier verifier(Connection c) {
        return new ChainVerifier(JdbcClient.create(new SingleConnectionDataSource(c, true)), "test");
    }
}
