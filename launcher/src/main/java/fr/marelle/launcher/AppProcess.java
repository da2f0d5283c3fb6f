package fr.marelle.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** One app as a child JVM: {@code java <options> -jar <jar>}, its output in its own log file. */
final class AppProcess {

    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+(at |\\.\\.\\. \\d+ (common frames|more))");

    private final AppSpec spec;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;
    private Instant startedAt;

    AppProcess(AppSpec spec, Path jar, List<String> jvmOptions, Map<String, String> environment, Path log) {
        this.spec = spec;
        this.environment = environment;
        this.log = log;
        List<String> command = new ArrayList<>();
        // the JDK the launcher runs on, not whatever `java` is first on the PATH
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        this.command = List.copyOf(command);
    }

    AppSpec spec() {
        return spec;
    }

    Path log() {
        return log;
    }

    void start(Path workingDirectory) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        startedAt = Instant.now();
        process = builder.start();
    }

    long pid() {
        return process.pid();
    }

    Instant startedAt() {
        return startedAt;
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    OptionalInt exitCode() {
        return process == null || process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** SIGTERM: Spring Boot shuts down gracefully (server.shutdown=graceful) and Axon releases its tokens. */
    void requestStop() {
        if (isAlive()) {
            process.destroy();
        }
    }

    /** @return true if it has exited within the time */
    boolean awaitExit(Duration timeout) {
        if (process == null || !process.isAlive()) {
            return true;
        }
        try {
            return process.waitFor(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    void kill() {
        if (isAlive()) {
            process.destroyForcibly();
        }
    }

    /**
     * The last lines of the log, to show why an app failed without sending the user to the file. Stack frames are
     * left out: the exception messages and their causes are what tell the story, and they fit on one screen.
     */
    List<String> logTail(int lines) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            long from = Math.max(0, length - 256 * 1024);
            byte[] bytes = new byte[(int) (length - from)];
            file.seek(from);
            file.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines()
                    .filter(line -> !STACK_FRAME.matcher(line).find())
                    .toList();
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return Files.exists(log) ? List.of("(journal illisible : " + e.getMessage() + ")") : List.of("(pas de journal)");
        }
    }
}
