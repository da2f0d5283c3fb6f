package fr.marelle.platform.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A uniquely named database per test context on the real PostgreSQL server, dropped when the JVM ends. Tests never
 * rely on leftovers: each starts from an empty database that Flyway migrates.
 *
 * <p>The server is {@code MARELLE_TEST_DB_URL} (a JDBC URL to an administrative database), else the local server on
 * 127.0.0.1:5432, with {@code MARELLE_TEST_DB_USER} / {@code MARELLE_TEST_DB_PASSWORD} (default postgres, none).
 */
public final class TestDatabases {

    private static final List<String> CREATED = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropAll, "drop-test-databases"));
    }

    private TestDatabases() {
    }

    public static String adminUrl() {
        return env("MARELLE_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    }

    public static String user() {
        return env("MARELLE_TEST_DB_USER", "postgres");
    }

    public static String password() {
        return env("MARELLE_TEST_DB_PASSWORD", "");
    }

    /** Creates an empty database and returns its JDBC URL. */
    public static String create(String purpose) {
        String name = ("marelle_t_" + purpose.replaceAll("[^A-Za-z0-9]", "_") + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).toLowerCase(Locale.ROOT);
        if (name.length() > 60) {
            name = name.substring(0, 40) + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        }
        execute("CREATE DATABASE " + name);
        CREATED.add(name);
        return urlOf(name);
    }

    public static String urlOf(String database) {
        String admin = adminUrl();
        int query = admin.indexOf('?');
        String base = query < 0 ? admin : admin.substring(0, query);
        String params = query < 0 ? "" : admin.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }

    public static void drop(String database) {
        execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        CREATED.remove(database);
    }

    static void dropAll() {
        for (String database : List.copyOf(CREATED)) {
            try {
                drop(database);
            } catch (RuntimeException e) {
                System.err.println("Could not drop test database " + database + ": " + e.getMessage());
            }
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl(), user(), password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + adminUrl() + " refused: " + sql + " (" + e.getMessage()
                    + "). Tests need a PostgreSQL server: start it, or set MARELLE_TEST_DB_URL.", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
