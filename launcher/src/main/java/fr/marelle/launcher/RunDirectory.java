package fr.marelle.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The data directory of a local run ({@code .run/} by default): secrets, logs, the embedded databases' and Kafka's
 * files, and small state files for scripts. One launcher at a time owns it, through an OS file lock that dies
 * with the process.
 */
final class RunDirectory implements AutoCloseable {

    private static final String READY_FILE = "ready";
    private static final String LAUNCHER_PID_FILE = "launcher.pid";
    private static final String APP_PIDS_FILE = "apps.pids";

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private RunDirectory(Path path, FileChannel lockChannel, FileLock lock) {
        this.path = path;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    static RunDirectory open(Path path) {
        try {
            Files.createDirectories(path.resolve("logs"));
            // the data directory sits in the working tree: keep it out of git without touching the root .gitignore
            Path gitignore = path.resolve(".gitignore");
            if (!Files.exists(gitignore)) {
                Files.writeString(gitignore, "*\n", StandardCharsets.UTF_8);
            }
            FileChannel channel = FileChannel.open(path.resolve("launcher.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldInThisJvm) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                String pid = readPid(path.resolve(LAUNCHER_PID_FILE)).map(p -> " (pid " + p + ")").orElse("");
                throw new LauncherException("Marelle tourne déjà avec ce répertoire de données" + pid + " : " + path);
            }
            RunDirectory directory = new RunDirectory(path, channel, lock);
            Files.deleteIfExists(directory.path.resolve(READY_FILE));
            Files.writeString(path.resolve(LAUNCHER_PID_FILE), ProcessHandle.current().pid() + "\n");
            return directory;
        } catch (IOException e) {
            throw new LauncherException("Impossible de préparer le répertoire de données " + path + " : " + e.getMessage(), e);
        }
    }

    Path path() {
        return path;
    }

    Path logs() {
        return path.resolve("logs");
    }

    /** The log of an app for this run; the previous run's log is kept once as {@code <name>.previous.log}. */
    Path freshLog(String name) {
        Path log = logs().resolve(name + ".log");
        try {
            if (Files.exists(log)) {
                Files.move(log, logs().resolve(name + ".previous.log"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return log;
    }

    /**
     * Stops the apps a previous launcher left running (it was killed before it could stop them), recognised by
     * their pid and jar: otherwise they would hold the ports and the databases' processor tokens.
     */
    void stopLeftovers(Duration grace) {
        Path file = path.resolve(APP_PIDS_FILE);
        if (!Files.exists(file)) {
            return;
        }
        List<ProcessHandle> leftovers = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] fields = line.split(" ", 3);
                if (fields.length < 3) {
                    continue;
                }
                String jar = fields[2];
                Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(fields[0]))
                        .filter(ProcessHandle::isAlive)
                        // a recycled pid is someone else's process: only one running that jar is ours
                        .filter(handle -> handle.info().commandLine().map(command -> command.contains(jar)).orElse(false));
                process.ifPresent(handle -> {
                    Console.step("Arrêt de " + fields[1] + " (pid " + fields[0] + "), resté d'une session précédente");
                    handle.destroy();
                    leftovers.add(handle);
                });
            }
            Files.delete(file);
        } catch (IOException | NumberFormatException e) {
            throw new LauncherException("Fichier " + file + " illisible : supprimez-le. " + e.getMessage(), e);
        }
        Instant deadline = Instant.now().plus(grace);
        for (ProcessHandle handle : leftovers) {
            try {
                handle.onExit().get(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                handle.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handle.destroyForcibly();
            }
        }
    }

    void recordAppPids(Map<AppSpec, Long> pids, Path root) {
        String lines = pids.entrySet().stream()
                .map(entry -> entry.getValue() + " " + entry.getKey().name() + " " + entry.getKey().jar(root))
                .collect(Collectors.joining("\n", "", "\n"));
        write(APP_PIDS_FILE, lines);
    }

    /** Written once every app is healthy: scripts (the offline check) wait for it. */
    void markReady(List<String> facts) {
        write(READY_FILE, String.join("\n", facts) + "\n");
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(path.resolve(READY_FILE));
            Files.deleteIfExists(path.resolve(APP_PIDS_FILE));
            Files.deleteIfExists(path.resolve(LAUNCHER_PID_FILE));
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String name, String content) {
        try {
            Path temporary = path.resolve(name + ".tmp");
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, path.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> readPid(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
