package fr.marelle.benchmarks.support;

import fr.marelle.platform.test.TestDatabases;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Marelle service's Spring Boot jar run as a process of its own, as deployed: {@code java -Xms<heap> -Xmx<heap>
 * [options from an environment variable] -jar <jar>}, listening on 127.0.0.1 on a port of its own, its output in a
 * log file, configured by environment variables only. Closing it stops the process (SIGTERM, then SIGKILL after 30 s).
 *
 * <pre>{@code
 * try (ServiceProcess service = ServiceProcess.builder("billing-service", jar)
 *         .heap("768m").javaOptionsFrom("BILLING_JAVA_OPTS").logBeside(reportFile)
 *         .platform(url, kafka.getBrokersAsString(), keys[0])
 *         .env("MARELLE_BILLING_INVOICINGTHREADS", "2")
 *         .start()) {
 *     service.awaitHealthy();
 *     ...
 * }
 * }</pre>
 */
public final class ServiceProcess implements AutoCloseable {

    /** How long a service may take to answer UP on {@code /actuator/health}. */
    public static final Duration HEALTHY_WITHIN = Duration.ofMinutes(3);

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** A service named {@code name} (in messages) run from {@code jar}. */
    public static Builder builder(String name, Path jar) {
        return new Builder(name, jar);
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** utime + stime of the service's process so far, in clock ticks (see {@link Machine#processTicks}). */
    public long cpuTicks() {
        return Machine.processTicks(process.pid());
    }

    /**
     * The service JVM's time in JIT compilation so far, in seconds, as {@code jstat -compiler} reads it from the JVM's
     * performance counters; {@code NaN} when it cannot be read. A young JVM compiles on a core of its own for minutes:
     * a figure measured meanwhile is a figure of warm-up, not of the service.
     */
    public double jitSeconds() {
        Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");
        try {
            Process run = new ProcessBuilder(jstat.toString(), "-compiler", Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!run.waitFor(10, TimeUnit.SECONDS) || run.exitValue() != 0) {
                return Double.NaN;
            }
            String[] lines = out.strip().split("\\R");
            String[] values = lines[lines.length - 1].strip().split("\\s+");
            return Double.parseDouble(values[3]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /**
     * Waits until {@code /actuator/health} answers 200 with an UP status (polled every 500 ms, each call bounded by
     * 2 s); fails as soon as the process has stopped, or after {@link #HEALTHY_WITHIN}, naming the log.
     */
    public void awaitHealthy() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(HEALTHY_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                                + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " not healthy after " + HEALTHY_WITHIN.toMinutes() + " minutes; see "
                + log);
    }

    /** Stops the service: SIGTERM, and SIGKILL if it has not exited 30 s later. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** What the service is started with; every service gets its port, address and the vendor check switched off. */
    public static final class Builder {
        private final String name;
        private final Path jar;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> javaOptions = new ArrayList<>();
        private String heap = "512m";
        private Integer port;
        private Path log;

        private Builder(String name, Path jar) {
            this.name = name;
            this.jar = jar;
        }

        /** {@code -Xms} and {@code -Xmx} (default 512m). */
        public Builder heap(String heap) {
            this.heap = heap;
            return this;
        }

        /**
         * More JVM options, read from the environment variable {@code variable} of the benchmark (e.g.
         * {@code BILLING_JAVA_OPTS=-XX:StartFlightRecording=...}), split on white space; nothing when unset or blank.
         */
        public Builder javaOptionsFrom(String variable) {
            String extra = System.getenv(variable);
            if (extra != null && !extra.isBlank()) {
                javaOptions.addAll(List.of(extra.trim().split("\\s+")));
            }
            return this;
        }

        /** The port to listen on; a free one is chosen at {@link #start()} when none is given. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Where the service's standard output and error go (its folder is created); this or {@link #logBeside}. */
        public Builder log(Path log) {
            this.log = log;
            return this;
        }

        /** The log beside the benchmark's report: {@code results/x.txt} gives {@code results/x-<name>.log}. */
        public Builder logBeside(Path report) {
            return log(report.resolveSibling(report.getFileName().toString().replace(".txt", "-" + name + ".log")));
        }

        /**
         * What every Marelle service needs: its database (as the test databases' user), the Kafka bootstrap servers,
         * and the PEM public key it checks service tokens with.
         */
        public Builder platform(String databaseUrl, String kafkaBootstrap, String serviceTokenPublicKey) {
            env.put("SPRING_DATASOURCE_URL", databaseUrl);
            env.put("SPRING_DATASOURCE_USERNAME", TestDatabases.user());
            env.put("SPRING_DATASOURCE_PASSWORD", TestDatabases.password());
            env.put("MARELLE_KAFKA_BOOTSTRAP", kafkaBootstrap);
            env.put("MARELLE_SERVICETOKEN_PUBLICKEY", serviceTokenPublicKey);
            return this;
        }

        /** One more environment variable of the service. */
        public Builder env(String variable, String value) {
            env.put(variable, value);
            return this;
        }

        public ServiceProcess start() throws IOException {
            if (log == null) {
                throw new IllegalStateException("no log file for " + name);
            }
            int chosen = port != null ? port : Machine.freePort();
            Files.createDirectories(log.toAbsolutePath().getParent());
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xms" + heap, "-Xmx" + heap, "-Daxoniq.update-checker.disabled=true"));
            command.addAll(javaOptions);
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> environment = builder.environment();
            environment.put("SERVER_PORT", Integer.toString(chosen));
            environment.put("SERVER_ADDRESS", "127.0.0.1");
            environment.putAll(env);
            environment.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            environment.put("MALLOC_ARENA_MAX", "2");
            return new ServiceProcess(name, builder.start(), chosen, log);
        }
    }
}
