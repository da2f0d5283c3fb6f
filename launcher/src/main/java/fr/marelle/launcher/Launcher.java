package fr.marelle.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * {@code java -jar launcher/target/launcher.jar [--demo]}, from the repository root (what {@code ./marelle run}
 * does): the whole portal on this machine, until Ctrl-C.
 *
 * <p>No logger here: logging must not start before the log file's location is known (see {@link #main}).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Instant launchedAt = launchedAt(System.getenv(), ProcessHandle.current().info().startInstant());
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            Console.info(usage());
            return;
        }
        RunDirectory directory;
        Settings settings;
        try {
            settings = Settings.from(args, System.getenv(), Path.of(""));
            directory = RunDirectory.open(settings.runDirectory());
            keepPreviousLog(directory.logs().resolve("launcher.log"));
        } catch (LauncherException e) {
            Console.fail(e.getMessage());
            System.exit(2);
            return;
        }
        // read by logback.xml: Kafka, GreenMail and the launcher's own details go there, not to the console
        System.setProperty("marelle.launcher.logs", directory.logs().toString());
        System.exit(new LocalRun(settings, directory, launchedAt).run());
    }

    private static void keepPreviousLog(Path log) {
        try {
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling("launcher.previous.log"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new LauncherException("Journal " + log + " : " + e.getMessage(), e);
        }
    }

    static String usage() {
        return """
                Usage : java -jar launcher/target/launcher.jar [--demo]   (depuis la racine du dépôt)

                Démarre tout Marelle sur cette machine : PostgreSQL (bases créées si besoin), Kafka, un serveur SMTP
                local dont les courriels se lisent sur http://localhost:8025/, les six services et la passerelle
                (http://localhost:8080). Ctrl-C arrête tout.

                  --demo    transmet MARELLE_DEMO_DATA=true aux applications (données de démonstration)

                Variables d'environnement (toutes facultatives) :
                  MARELLE_DB_URL, MARELLE_DB_USER, MARELLE_DB_PASSWORD   serveur PostgreSQL (URL JDBC de sa base d'administration)
                  MARELLE_DB_PREFIX              préfixe des noms de bases (défaut marelle_)
                  MARELLE_RUN_DIR                répertoire de données (défaut .run)
                  MARELLE_ADMIN_EMAIL            identifiant du premier administrateur (défaut admin@marelle.local)
                  MARELLE_ADMIN_PASSWORD         son mot de passe (défaut : généré et gardé dans .run/admin-password)
                  MARELLE_TOWN_NAME              nom de la commune (défaut Ville de Vincey)
                  MARELLE_START_TIMEOUT_SECONDS  délai pour que chaque application soit prête (défaut 240)
                  MARELLE_APP_JAVA_OPTS          options JVM des applications (remplacent celles par défaut)""";
    }

    /**
     * Where the cold start is counted from: the instant the {@code marelle} script hands over to this JVM (after any
     * build, which it runs in the same process before {@code exec}), else this process's start; the launcher's own JVM
     * start is counted either way.
     */
    static Instant launchedAt(Map<String, String> environment, Optional<Instant> processStart) {
        String handedOver = environment.get("MARELLE_LAUNCHED_AT_MS");
        if (handedOver != null && handedOver.matches("\\d{1,15}")) {
            return Instant.ofEpochMilli(Long.parseLong(handedOver));
        }
        return processStart.orElse(Instant.now());
    }
}
