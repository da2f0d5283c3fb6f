package fr.marelle.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The app processes: started together (a Spring Boot start is mostly single-threaded, so two cores still
 * gain from it), watched until each is healthy, then watched for an unexpected exit, and stopped together.
 */
final class Portal {

    private static final Duration POLL = Duration.ofMillis(500);

    private final List<AppProcess> apps;
    private final HealthProbe probe = new HealthProbe();
    private volatile boolean stopping;

    Portal(List<AppProcess> apps) {
        this.apps = List.copyOf(apps);
    }

    List<AppProcess> apps() {
        return apps;
    }

    boolean isStopping() {
        return stopping;
    }

    Map<AppSpec, Long> startAll(Path workingDirectory) throws IOException {
        Map<AppSpec, Long> pids = new LinkedHashMap<>();
        for (AppProcess app : apps) {
            app.start(workingDirectory);
            pids.put(app.spec(), app.pid());
        }
        return pids;
    }

    /**
     * Returns when every app answers UP, printing each as it does.
     *
     * @throws AppFailure the first app found dead, or one still not healthy at the deadline
     */
    void awaitHealthy(Duration timeout) throws AppFailure, InterruptedException {
        List<AppProcess> pending = new ArrayList<>(apps);
        Instant deadline = Instant.now().plus(timeout);
        while (!pending.isEmpty() && !stopping) {
            for (AppProcess app : List.copyOf(pending)) {
                if (!app.isAlive()) {
                    throw new AppFailure(app, "s'est arrêté pendant le démarrage (code de sortie "
                            + app.exitCode().orElse(-1) + ")");
                }
                if (probe.isUp(app.spec().port())) {
                    pending.remove(app);
                    Console.ok(String.format("%-13s prêt en %s  (%s)", app.spec().name(),
                            Console.seconds(Duration.between(app.startedAt(), Instant.now())), app.spec().localUrl()));
                }
            }
            if (!pending.isEmpty() && Instant.now().isAfter(deadline)) {
                throw new AppFailure(pending.get(0), "n'est pas prêt après " + timeout.toSeconds()
                        + " s (en attente aussi : " + pending.stream().skip(1).map(a -> a.spec().name()).toList() + ")");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /**
     * Blocks until an app exits without having been asked to.
     *
     * @return that app, or empty when the exit is part of a stop
     */
    Optional<AppFailure> watch() throws InterruptedException {
        CompletableFuture.anyOf(apps.stream().map(AppProcess::onExit).toArray(CompletableFuture[]::new)).join();
        // Ctrl-C reaches the apps and the launcher at the same moment: give the shutdown hook time to say so
        Thread.sleep(2000);
        if (stopping) {
            return Optional.empty();
        }
        AppProcess dead = apps.stream().filter(app -> !app.isAlive()).findFirst().orElseThrow();
        return Optional.of(new AppFailure(dead, "s'est arrêté (code de sortie " + dead.exitCode().orElse(-1) + ")"));
    }

    /** SIGTERM to all, then SIGKILL to whatever is still there after the grace period. */
    void stopAll(Duration grace) {
        stopping = true;
        apps.forEach(AppProcess::requestStop);
        Instant deadline = Instant.now().plus(grace);
        List<String> killed = new ArrayList<>();
        for (AppProcess app : apps) {
            if (!app.awaitExit(Duration.between(Instant.now(), deadline)) && app.isAlive()) {
                app.kill();
                killed.add(app.spec().name());
            }
        }
        for (AppProcess app : apps) {
            app.awaitExit(Duration.ofSeconds(5));
        }
        if (!killed.isEmpty()) {
            Console.fail("arrêtés de force après " + grace.toSeconds() + " s : " + String.join(", ", killed));
        }
    }
}
