package fr.marelle.systemtests.offline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code scripts/offline-check.sh} (the harness that cuts the network and traces every connect()) and keeps
 * what it printed, both for the assertions and, echoed to the test output, for whoever reads a CI log.
 */
public final class OfflineCheck {

    /** The script's exit status when the harness cannot run on this machine (automake's SKIP convention). */
    public static final int CANNOT_RUN_HERE = 77;

    private final Path root;
    private final Path logs;

    private OfflineCheck(Path root, Path logs) {
        this.root = root;
        this.logs = logs;
    }

    /** Found from the module's directory, where failsafe runs the tests. */
    public static OfflineCheck fromModuleDirectory() {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isRegularFile(root.resolve("scripts/offline-check.sh"))) {
            root = root.getParent();
        }
        if (root == null) {
            throw new IllegalStateException("scripts/offline-check.sh not found above " + Path.of("").toAbsolutePath());
        }
        Path logs = root.resolve("system-tests/target/offline-check");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new OfflineCheck(root, logs);
    }

    public Path root() {
        return root;
    }

    /**
     * @param name    names the log file kept under target/offline-check
     * @param timeout after which the script and everything it started are killed, and the result says so
     */
    public Result run(String name, Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("scripts/offline-check.sh").toString()));
        command.addAll(List.of(arguments));
        Path log = logs.resolve(name + ".log");
        try {
            Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            Thread copier = new Thread(() -> copy(process.getInputStream(), log), "offline-check-output");
            copier.start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                // the script, its namespace, the launcher and the apps: all started by this test
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            copier.join(TimeUnit.SECONDS.toMillis(30));
            String output = Files.readString(log, StandardCharsets.UTF_8);
            return new Result(finished ? process.exitValue() : -1, finished, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void copy(InputStream from, Path log) {
        try (InputStream in = from; OutputStream file = Files.newOutputStream(log)) {
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                file.write(buffer, 0, read);
                file.flush();
                System.out.write(buffer, 0, read);
                System.out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param exitCode the script's status, -1 if it was killed at the timeout */
    public record Result(int exitCode, boolean finished, String output) {

        public boolean cannotRunHere() {
            return exitCode == CANNOT_RUN_HERE;
        }

        public String describe() {
            return (finished ? "exit status " + exitCode : "killed at the timeout") + ", output:\n" + output;
        }
    }
}
