package fr.marelle.systemtests.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.marelle.platform.test.TestDatabases;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The whole portal, started once for all the journeys of a test run, as a developer starts it: the launcher's jar
 * with the seven applications as separate processes, an embedded Kafka broker and a local SMTP server, on databases
 * of their own (dropped at the end) and a temporary data directory.
 */
public final class Portal implements ExtensionContext.Store.CloseableResource {

    public static final String GATEWAY = "http://localhost:8080";
    public static final String MAILS = "http://localhost:8025/messages.json";
    public static final String ADMIN_EMAIL = "admin@vincey.test";
    public static final String ADMIN_PASSWORD = "Premiere-Mairie-2026!";
    private static final List<String> DATABASES = List.of("accounts", "children", "planning", "billing", "wallet",
            "notification", "sandbox", "gateway");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process launcher;
    private final Path runDirectory;
    private final String prefix;
    private volatile Duration coldStart = Duration.ZERO;
    private static volatile Portal running;

    private Portal(Process launcher, Path runDirectory, String prefix) {
        this.launcher = launcher;
        this.runDirectory = runDirectory;
        this.prefix = prefix;
    }

    /** JUnit extension: the portal of this test run, started on first use. */
    public static final class Extension implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(Portal.class, key -> start(), Portal.class);
        }
    }

    static Portal start() {
        Path root = repositoryRoot();
        Path jar = root.resolve("launcher/target/launcher.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the reactor first (mvn -B -ntp verify does)");
        }
        try {
            Path run = Files.createTempDirectory("marelle-journeys");
            String prefix = ("marelle_e2e_" + UUID.randomUUID().toString().substring(0, 8) + "_")
                    .toLowerCase(Locale.ROOT);
            ProcessBuilder builder = new ProcessBuilder(javaCommand(), "-XX:+UseSerialGC", "-Xmx256m",
                    "-jar", jar.toString())
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(run.resolve("launcher-console.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("MARELLE_RUN_DIR", run.toString());
            env.put("MARELLE_DB_PREFIX", prefix);
            env.put("MARELLE_DB_URL", TestDatabases.adminUrl());
            env.put("MARELLE_DB_USER", TestDatabases.user());
            env.put("MARELLE_DB_PASSWORD", TestDatabases.password());
            env.put("MARELLE_ADMIN_EMAIL", ADMIN_EMAIL);
            env.put("MARELLE_ADMIN_PASSWORD", ADMIN_PASSWORD);
            env.put("MARELLE_TOWN_NAME", "Ville de Vincey");
            // a town without nights: an SMS decided between 20:00 and 08:00 would wait for the morning, and the
            // journeys that await one would fail whenever they run in the evening (the rule has its own tests)
            env.put("MARELLE_SMS_NIGHTSTART", "00:00");
            env.put("MARELLE_SMS_NIGHTEND", "00:00");
            // the journeys log the administrator in from 127.0.0.1 more than the 5 times per 15 minutes a town allows
            // one address from one client (the throttle has its own tests in accounts-service)
            env.put("MARELLE_LOGIN_ATTEMPTS_PER_CLIENT_AND_ADDRESS", "100");
            Instant started = Instant.now();
            Process process = builder.start();
            Portal portal = new Portal(process, run, prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(portal::close, "stop-portal"));
            Path ready = run.resolve("ready");
            Instant deadline = started.plus(startDeadline());
            while (!Files.exists(ready)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The launcher stopped before the portal was ready:\n"
                            + tail(run.resolve("launcher-console.log")));
                }
                if (Instant.now().isAfter(deadline)) {
                    portal.close();
                    throw new IllegalStateException("The portal was not ready within " + startDeadline() + ":\n"
                            + tail(run.resolve("launcher-console.log")));
                }
                Thread.sleep(500);
            }
            portal.coldStart = Duration.between(started, Instant.now());
            running = portal;
            return portal;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * How long the portal may take to be ready: 5 minutes, or longer when the launcher is given more time per
     * application (MARELLE_START_TIMEOUT_SECONDS, which it reads from the environment it inherits) on a busy machine.
     */
    static Duration startDeadline() {
        String perApplication = System.getenv("MARELLE_START_TIMEOUT_SECONDS");
        Duration launcher = perApplication == null || perApplication.isBlank() ? Duration.ZERO
                : Duration.ofSeconds(Long.parseLong(perApplication.strip()) + 60);
        return launcher.compareTo(Duration.ofMinutes(5)) > 0 ? launcher : Duration.ofMinutes(5);
    }

    /** The portal of this test run (started by {@link Extension}). */
    public static Portal running() {
        if (running == null) {
            throw new IllegalStateException("The portal is not started: extend the test with Portal.Extension");
        }
        return running;
    }

    /**
     * A connection to one service's own database (e.g. {@code "wallet"}), as only a test reaching under the
     * services may open: to alter a stored row on purpose and put it back.
     */
    public Connection database(String service) throws SQLException {
        if (!DATABASES.contains(service)) {
            throw new IllegalArgumentException("No database " + service + " in the portal");
        }
        return DriverManager.getConnection(TestDatabases.urlOf(prefix + service), TestDatabases.user(),
                TestDatabases.password());
    }

    public Duration coldStart() {
        return coldStart;
    }

    /** The log of one application of this run, e.g. to explain a failure. */
    public Path log(String app) {
        return runDirectory.resolve("logs").resolve(app + ".log");
    }

    /** Every mail the local SMTP server received, newest first. */
    public static JsonNode mails() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(MAILS)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (launcher.isAlive()) {
            launcher.destroy(); // SIGTERM: the launcher stops its applications, Kafka and the SMTP server
            try {
                if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
                    launcher.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (String database : DATABASES) {
            try {
                TestDatabases.drop(prefix + database);
            } catch (RuntimeException e) {
                System.err.println("Could not drop " + prefix + database + ": " + e.getMessage());
            }
        }
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("marelle"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Repository root (with ./marelle) not found above " + Path.of("")
                    .toAbsolutePath());
        }
        return dir;
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
