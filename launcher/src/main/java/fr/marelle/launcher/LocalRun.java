package fr.marelle.launcher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * One local run of the whole portal, from the databases to the gateway, and its orderly stop: apps first (they
 * still need Kafka and the database to shut down cleanly), then Kafka, the mail server and an embedded database.
 */
final class LocalRun {

    private static final Logger log = LoggerFactory.getLogger(LocalRun.class);
    /** Longer than the apps' graceful shutdown (10 s per phase, see the platform defaults). */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 40;

    private final Settings settings;
    private final RunDirectory directory;
    private final Instant launchedAt;
    private PostgresServer postgres;
    private LocalKafka kafka;
    private LocalMail mail;
    private MailPage mailPage;
    private SmsSandbox smsSandbox;
    private Portal portal;
    private boolean stopped;

    LocalRun(Settings settings, RunDirectory directory, Instant launchedAt) {
        this.settings = settings;
        this.directory = directory;
        this.launchedAt = launchedAt;
    }

    /** @return the process exit status */
    int run() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "marelle-stop"));
        try {
            start();
            Optional<AppFailure> failure = portal.watch();
            if (failure.isPresent()) {
                report(failure.get());
                stop();
                return 1;
            }
            return 0;
        } catch (AppFailure failure) {
            report(failure);
            stop();
            return 1;
        } catch (LauncherException e) {
            log.error("Launcher stopped", e);
            Console.fail(e.getMessage());
            stop();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            return 1;
        } catch (IOException | RuntimeException | LinkageError e) {
            // a linkage error is a broken build (a dependency conflict): say so instead of a raw stack trace
            log.error("Launcher failed", e);
            Console.fail("Erreur inattendue : " + e + " (détails dans " + directory.logs().resolve("launcher.log") + ")");
            stop();
            return 1;
        }
    }

    private void start() throws IOException, AppFailure, InterruptedException {
        Console.info("Marelle – démarrage local depuis " + settings.root());
        Map<AppSpec, Path> jars = jars();
        directory.stopLeftovers(STOP_GRACE);
        Ports.requireFree(ports());
        LocalSecrets secrets = LocalSecrets.loadOrCreate(directory.path());

        postgres = unlessStopped(() -> PostgresLocator.locate(settings));
        List<String> created = Databases.createMissing(postgres, AppSpec.ALL.stream()
                .map(app -> app.databaseName(settings.databasePrefix())).toList());
        Console.ok("PostgreSQL (" + postgres.description() + ") : " + (created.isEmpty()
                ? "les " + AppSpec.ALL.size() + " bases existent" : "bases créées : " + String.join(", ", created)));

        Instant kafkaStart = Instant.now();
        kafka = unlessStopped(() -> LocalKafka.start(directory.path().resolve("kafka"), LocalKafka.PORT,
                LocalKafka.CONTROLLER_PORT));
        Console.ok("Kafka sur " + kafka.bootstrapServers() + " en "
                + Console.seconds(Duration.between(kafkaStart, Instant.now())));

        mail = unlessStopped(() -> LocalMail.start(LocalMail.SMTP_PORT));
        mailPage = unlessStopped(() -> MailPage.start(MailPage.PORT, mail.port(),
                () -> mail.messages().stream().map(ReceivedMail::of).toList()));
        Console.ok("SMTP local sur " + mail.host() + ":" + mail.port() + ", courriels lisibles sur "
                + MailPage.url(MailPage.PORT));
        smsSandbox = unlessStopped(() -> SmsSandbox.start(SmsSandbox.PORT, SmsSandbox.RUN_KEY, Clock.systemUTC()));
        Console.ok("Passerelle SMS locale, SMS lisibles sur " + SmsSandbox.url(SmsSandbox.PORT));

        List<AppProcess> apps = new ArrayList<>();
        for (AppSpec app : AppSpec.ALL) {
            apps.add(new AppProcess(app, jars.get(app), settings.appJvmOptions(),
                    AppEnvironment.of(app, AppSpec.ALL, settings, secrets, postgres, kafka.bootstrapServers(),
                            mail.host() + ":" + mail.port()),
                    directory.freshLog(app.name())));
        }
        Console.step("Démarrage des " + AppSpec.ALL.size() + " applications (journaux dans " + directory.logs() + ")");
        Map<AppSpec, Long> pids = unlessStopped(() -> {
            portal = new Portal(apps);
            return portal.startAll(settings.root());
        });
        directory.recordAppPids(pids, settings.root());
        portal.awaitHealthy(settings.startTimeout());
        if (portal.isStopping()) {
            return;
        }
        ready(secrets);
    }

    /** A step that starts something needing a stop: run under the stop's lock, never after the stop. */
    @FunctionalInterface
    private interface Step<T> {
        T run() throws IOException;
    }

    /**
     * Runs the step unless a stop (Ctrl-C) already happened. Without this, a Ctrl-C during the start could stop what
     * exists, then the start would go on and leave processes behind when the JVM halts.
     */
    private synchronized <T> T unlessStopped(Step<T> step) throws IOException {
        if (stopped) {
            throw new LauncherException("Démarrage interrompu.");
        }
        return step.run();
    }

    private void ready(LocalSecrets secrets) {
        Duration coldStart = Duration.between(launchedAt, Instant.now());
        // the launcher's whole process tree: itself (Kafka, SMTP), the apps, and an embedded PostgreSQL if any
        List<Long> pids = new ArrayList<>(List.of(ProcessHandle.current().pid()));
        ProcessHandle.current().descendants().forEach(process -> pids.add(process.pid()));
        OptionalLong rss = ResidentMemory.total(pids);
        OptionalLong launcherRss = ResidentMemory.of(ProcessHandle.current().pid());
        OptionalLong appsRss = ResidentMemory.total(portal.apps().stream().map(AppProcess::pid).toList());
        boolean ownPassword = settings.adminPassword().isPresent();
        String password = settings.adminPassword().orElse(secrets.adminPassword());

        Console.info("");
        Console.info("Marelle est prêt en " + Console.seconds(coldStart) + " (du lancement à la dernière application prête).");
        Console.info("  Portail        : http://localhost:" + gatewayPort());
        Console.info("  Administrateur : " + settings.adminEmail() + " / " + password
                + (ownPassword ? "  (MARELLE_ADMIN_PASSWORD)"
                : "  (gardé dans " + directory.path().resolve(LocalSecrets.ADMIN_PASSWORD_FILE) + ")"));
        Console.info("  Courriels      : " + MailPage.url(MailPage.PORT) + "  (SMTP 127.0.0.1:" + LocalMail.SMTP_PORT + ")");
        Console.info("  SMS            : " + SmsSandbox.url(SmsSandbox.PORT));
        Console.info("  Mémoire        : " + (rss.isPresent()
                ? Console.memory(rss.getAsLong()) + " résidents en tout : " + Console.memory(appsRss.orElse(0))
                + " pour les " + AppSpec.ALL.size() + " applications, " + Console.memory(launcherRss.orElse(0)) + " pour le lanceur (Kafka, SMTP)"
                + (pids.size() > portal.apps().size() + 1 ? ", le reste pour PostgreSQL embarqué" : "")
                : "inconnue (pas de /proc)"));
        Console.info("  Journaux       : " + directory.logs());
        Console.info("Ctrl-C pour tout arrêter.");

        List<String> facts = new ArrayList<>();
        facts.add("url=http://localhost:" + gatewayPort());
        facts.add("mail=" + MailPage.url(MailPage.PORT));
        facts.add("sms=" + SmsSandbox.url(SmsSandbox.PORT));
        facts.add("coldStartMillis=" + coldStart.toMillis());
        facts.add("residentKiB=" + rss.orElse(-1));
        facts.add("apps=" + portal.apps().stream().map(app -> app.spec().name() + ":" + app.pid())
                .collect(Collectors.joining(",")));
        directory.markReady(facts);
        log.info("Ready: {}", facts);
    }

    /** Idempotent: called by the failure paths and by the shutdown hook (Ctrl-C, SIGTERM, System.exit). */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        Console.step("Arrêt de Marelle…");
        if (portal != null) {
            portal.stopAll(STOP_GRACE);
            Console.ok("applications arrêtées");
        }
        quietly("mail page", mailPage);
        quietly("SMS sandbox", smsSandbox);
        quietly("SMTP", mail);
        if (kafka != null) {
            quietly("Kafka", kafka);
            Console.ok("Kafka arrêté");
        }
        if (postgres != null) {
            quietly("PostgreSQL", postgres::stop);
        }
        quietly("run directory", directory);
        Console.info("Marelle est arrêté.");
    }

    private Map<AppSpec, Path> jars() {
        Map<AppSpec, Path> jars = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (AppSpec app : AppSpec.ALL) {
            Path jar = app.jar(settings.root());
            if (!Files.isRegularFile(jar)) {
                missing.add(settings.root().relativize(jar).toString());
            }
            jars.put(app, jar);
        }
        if (!missing.isEmpty()) {
            throw new LauncherException("Jars absents : " + String.join(", ", missing)
                    + ". Lancez ./marelle run, qui les construit, ou mvn -DskipTests package.");
        }
        return jars;
    }

    private Map<Integer, String> ports() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        AppSpec.ALL.forEach(app -> ports.put(app.port(), app.name()));
        ports.put(LocalKafka.PORT, "Kafka");
        ports.put(LocalKafka.CONTROLLER_PORT, "contrôleur Kafka");
        ports.put(LocalMail.SMTP_PORT, "SMTP local");
        ports.put(MailPage.PORT, "page des courriels");
        ports.put(SmsSandbox.PORT, "passerelle SMS locale");
        return ports;
    }

    private static int gatewayPort() {
        return AppEnvironment.gatewayPort(AppSpec.ALL);
    }

    private void report(AppFailure failure) {
        AppProcess app = failure.app();
        Console.fail(app.spec().name() + " " + failure.getMessage() + ". Fin de " + app.log() + " :");
        app.logTail(LOG_TAIL_LINES).forEach(Console::indented);
    }

    private static void quietly(String what, AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("Stopping {} failed", what, e);
            Console.fail("arrêt de " + what + " : " + e.getMessage());
        }
    }
}
