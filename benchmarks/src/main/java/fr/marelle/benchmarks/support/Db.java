package fr.marelle.benchmarks.support;

import fr.marelle.platform.test.TestDatabases;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** The benchmark's own JDBC access to a test database (the one a service runs on, or a baseline's). */
public final class Db {

    private Db() {
    }

    /** A connection to {@code url} as the test databases' user ({@code MARELLE_TEST_DB_USER}, …). */
    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, TestDatabases.user(), TestDatabases.password());
    }

    /** The database name of a JDBC URL, e.g. for {@link TestDatabases#drop}. */
    public static String nameOf(String url) {
        return url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    }

    /** The first column of the first row of a query, as a number (a count, a sum). */
    public static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The first column of the first row of a prepared query, as a number. */
    public static long single(PreparedStatement query) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Runs a counting query (its {@code ?} bound to {@code params}) every {@code every} until it answers at least
     * {@code expected} or {@code limit} has passed; answers the last count, so the caller decides whether falling
     * short is a failure.
     */
    public static long awaitCount(Connection c, String sql, long expected, Duration limit, Duration every,
                                  Object... params) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        try (PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                query.setObject(i + 1, params[i]);
            }
            while (true) {
                long count = single(query);
                if (count >= expected || System.nanoTime() >= deadline) {
                    return count;
                }
                Thread.sleep(every.toMillis());
            }
        }
    }
}
