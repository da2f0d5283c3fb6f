package fr.marelle.platform.eventstore;

import fr.marelle.platform.test.TestDatabases;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.ReadEventDataWithGapsStatementBuilder;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processors' read with gaps, on the real event store schema: the events it answers, and the plan PostgreSQL
 * caches for it when it was prepared while the store was small and the store has grown since (no analysis between,
 * as with autovacuum off): an index range for ours, a scan of the whole table for Axon's own statement.
 */
class IndexBoundedGapReadsTest {

    private static final EventSchema SCHEMA = AxonSchemas.events();
    private static String url;

    @BeforeAll
    static void storeWithAFewEvents() throws SQLException {
        url = TestDatabases.create("gap_reads");
        Flyway.configure().dataSource(url, TestDatabases.user(), TestDatabases.password())
                .locations("classpath:db/platform").table("platform_schema_history").load().migrate();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            // no analysis may refresh the statistics during the test, whatever the server's autovacuum setting
            s.execute("ALTER TABLE domain_event_entry SET (autovacuum_enabled = false)");
            insertEvents(s, 200);
        }
    }

    @AfterAll
    static void dropStore() {
        TestDatabases.drop(url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", ""));
    }

    @Test
    void answers_the_batch_after_the_token_and_the_gaps_below_it_in_order() throws SQLException {
        try (Connection c = connect();
             PreparedStatement read = new IndexBoundedGapReads().build(c, SCHEMA, 100, 5, List.of(90L, 95L));
             ResultSet rows = read.executeQuery()) {
            List<Long> indexes = new ArrayList<>();
            while (rows.next()) {
                indexes.add(rows.getLong(SCHEMA.globalIndexColumn()));
            }
            assertThat(indexes).containsExactly(90L, 95L, 101L, 102L, 103L, 104L, 105L);
        }
    }

    @Test
    void its_cached_plan_walks_the_index_once_the_store_has_grown_where_axons_scans_the_whole_table()
            throws SQLException {
        String ours = sqlOf(new IndexBoundedGapReads());
        String axons = sqlOf(JdbcEventStorageEngineStatements::readEventDataWithGaps);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SET plan_cache_mode = force_generic_plan");
            s.execute("PREPARE ours AS " + numbered(ours));
            s.execute("PREPARE axons AS " + numbered(axons));
            // plans are made and cached at the first execution, on a small store
            s.execute("EXECUTE ours (90, 105, 100, '{90,95}')");
            s.execute("EXECUTE axons (100, 105, 90, 95)");
            insertEvents(s, 20_000);

            String oursPlan = plan(s, "EXPLAIN EXECUTE ours (19990, 20105, 20100, '{19990,19995}')");
            String axonsPlan = plan(s, "EXPLAIN EXECUTE axons (20100, 20105, 19990, 19995)");

            assertThat(oursPlan).contains("Index Cond").doesNotContain("Seq Scan");
            assertThat(axonsPlan).contains("Seq Scan");
        }
    }

    /** The SQL text a builder prepares (read from the connection it is given). */
    private static String sqlOf(ReadEventDataWithGapsStatementBuilder builder) throws SQLException {
        AtomicReference<String> sql = new AtomicReference<>();
        try (Connection real = connect()) {
            Connection capturing = (Connection) Proxy.newProxyInstance(IndexBoundedGapReadsTest.class.getClassLoader(),
                    new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("prepareStatement")) {
                            sql.set((String) args[0]);
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            builder.build(capturing, SCHEMA, 100, 5, List.of(90L, 95L)).close();
        }
        return sql.get();
    }

    private static String numbered(String sql) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (char ch : sql.toCharArray()) {
            if (ch == '?') {
                out.append('$').append(++n);
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static String plan(Statement s, String explain) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = s.executeQuery(explain)) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private static void insertEvents(Statement s, int count) throws SQLException {
        s.execute("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                SELECT gen_random_uuid()::text, 0, 'Note', gen_random_uuid()::text, convert_to('{}', 'UTF8'),
                    convert_to('{"text":"x"}', 'UTF8'), '1', 'fr.marelle.Noted', '2026-11-27T10:00:00Z'
                FROM generate_series(1, %d)""".formatted(count));
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(url, TestDatabases.user(), TestDatabases.password());
    }
}
