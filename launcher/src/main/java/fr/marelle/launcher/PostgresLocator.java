package fr.marelle.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Finds the PostgreSQL server to use, in the documented order: {@code MARELLE_DB_URL}; else the server on
 * 127.0.0.1:5432 as {@code postgres}; else an embedded PostgreSQL in the data directory, which PostgreSQL itself
 * refuses to run as root.
 */
final class PostgresLocator {

    static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final Logger log = LoggerFactory.getLogger(PostgresLocator.class);

    private PostgresLocator() {
    }

    static PostgresServer locate(Settings settings) {
        if (settings.databaseUrl().isPresent()) {
            PostgresServer configured = new PostgresServer(settings.databaseUrl().get(), settings.databaseUser(),
                    settings.databasePassword(), "MARELLE_DB_URL", () -> { });
            String problem = reachable(configured);
            if (problem != null) {
                // an explicit choice that does not work is an error, never a silent fallback
                throw new LauncherException("PostgreSQL de MARELLE_DB_URL injoignable (" + configured.adminUrl() + ") : "
                        + problem);
            }
            return configured;
        }
        PostgresServer local = new PostgresServer(LOCAL_URL, "postgres", "", "127.0.0.1:5432", () -> { });
        String localProblem = reachable(local);
        if (localProblem == null) {
            return local;
        }
        Console.step("Pas de PostgreSQL utilisable sur 127.0.0.1:5432 (" + localProblem + ")");
        return embedded(settings.runDirectory().resolve("postgres"), localProblem);
    }

    /** Null when a connection succeeds, else why not, in one line. */
    private static String reachable(PostgresServer server) {
        try (Connection ignored = server.connectAdmin(3)) {
            return null;
        } catch (SQLException e) {
            log.info("Cannot connect to {}", server.adminUrl(), e);
            return e.getMessage();
        }
    }

    private static PostgresServer embedded(Path dataDirectory, String localProblem) {
        if (OperatingSystemUser.isRoot()) {
            throw new LauncherException("""
                    Aucun PostgreSQL disponible.
                      - 127.0.0.1:5432 : %s
                      - PostgreSQL embarqué : impossible en root (initdb refuse de tourner en root).
                    Démarrez un serveur PostgreSQL local (utilisateur postgres, authentification trust sur 127.0.0.1),
                    ou indiquez le vôtre : MARELLE_DB_URL=jdbc:postgresql://hôte:5432/postgres MARELLE_DB_USER=… \
                    MARELLE_DB_PASSWORD=…""".formatted(localProblem));
        }
        Console.step("Démarrage d'un PostgreSQL embarqué (données dans " + dataDirectory + ")");
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    // keep the databases across runs, like a real server would
                    .setCleanDataDirectory(false)
                    .start();
            String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
            return new PostgresServer(url, "postgres", "", "embarqué, port " + postgres.getPort(), () -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    log.warn("Embedded PostgreSQL did not stop cleanly", e);
                }
            });
        } catch (IOException | RuntimeException | LinkageError e) {
            log.error("Embedded PostgreSQL failed to start", e);
            throw new LauncherException("Le PostgreSQL embarqué n'a pas démarré : " + e.getMessage()
                    + " (détails dans .run/logs/launcher.log)", e);
        }
    }
}
