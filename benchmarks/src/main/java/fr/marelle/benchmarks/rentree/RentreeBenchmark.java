package fr.marelle.benchmarks.rentree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.marelle.platform.MarelleApplication;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.security.PemKeys;
import fr.marelle.platform.security.ServiceTokenIssuer;
import fr.marelle.platform.security.ServiceTokenProperties;
import fr.marelle.platform.test.TestDatabases;
import fr.marelle.platform.test.TestKafka;
import org.HdrHistogram.Histogram;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rentrée benchmark: N families with two children each submit a month of canteen, morning and evening daycare
 * through planning-service's HTTP API (its jar as a separate process, a new database, an embedded Kafka broker that
 * receives every {@code BookingsSubmitted}), from C client threads, as the gateway would (one signed parent token
 * per family, one submission per service). Prints child-days per second, submissions per second, p50/p99 of a
 * submission, CPU time of planning-service, PostgreSQL and this client, and the load average. Started by
 * {@code bench/rentree.sh}; see {@code benchmarks/README.md}.
 */
public final class RentreeBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final List<String> SERVICES = List.of("canteen", "morning-daycare", "evening-daycare");

    record Options(int families, int clients, int days, int capacity, String heap, Path jar, Path out, String label,
                   boolean keepDatabase) {
    }

    private final Options options;
    private final StringBuilder report = new StringBuilder();

    private RentreeBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        MarelleApplication.disableVendorCalls();
        // the embedded broker logs every step at INFO: only warnings reach the console
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        int status = 0;
        try {
            new RentreeBenchmark(parse(args)).run();
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private void run() throws Exception {
        String url = TestDatabases.create("rentree");
        String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        EmbeddedKafkaKraftBroker kafka = TestKafka.startBroker(0);
        String[] keys = PemKeys.generate();
        ServiceTokenProperties tokenProperties = new ServiceTokenProperties();
        tokenProperties.setPrivateKey(keys[1]);
        tokenProperties.setTtl(Duration.ofHours(2)); // issued before the timed run, as the gateway's cost is not ours
        ServiceTokenIssuer tokens = new ServiceTokenIssuer(tokenProperties, Clock.systemUTC());
        int port = freePort();
        Path log = Path.of("bench", "results", "rentree-planning-service-" + port + ".log");
        Process service = null;
        try {
            log("database " + database + ", Kafka " + kafka.getBrokersAsString() + ", planning-service on " + port);
            service = start(url, kafka.getBrokersAsString(), keys[0], port, log);
            awaitHealthy(port, service, log);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                    .version(HttpClient.Version.HTTP_1_1).build();
            String admin = tokens.issue(new Actor("bench-admin", Role.ADMIN, null, "127.0.0.1"));
            String base = "http://127.0.0.1:" + port;
            List<LocalDate> month = schoolDays(http, base, admin);
            for (String serviceId : SERVICES) {
                raiseCapacity(http, base, admin, serviceId);
            }
            List<Family> families = seed(url);
            Instant prepared = Instant.now();
            List<String> parentTokens = families.stream().map(f -> tokens.issue(new Actor("parent-" + f.familyId(),
                    Role.PARENT, f.familyId().toString(), "203.0.113.9"))).toList();
            log(families.size() + " families, " + families.size() * 2 + " children seeded, tokens signed in "
                    + seconds(prepared) + " s; booking " + month.get(0) + " to " + month.get(month.size() - 1)
                    + " (" + month.size() + " school days)");
            warmUp(http, base, admin, month);

            long planningTicksBefore = processTicks(service.pid());
            Map<Integer, Long> pgBefore = postgresTicks(url);
            long[] machineBefore = machineTicks();
            long clientCpuBefore = clientCpuNanos();
            String loadBefore = loadAverage();
            Histogram latency = new Histogram(60_000_000L, 3);
            AtomicLong childDays = new AtomicLong();
            AtomicLong waitlisted = new AtomicLong();
            AtomicInteger errors = new AtomicInteger();
            AtomicInteger next = new AtomicInteger();
            List<String> firstErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
            Instant started = Instant.now();
            ExecutorService clients = Executors.newFixedThreadPool(options.clients());
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < options.clients(); c++) {
                running.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < families.size(); i = next.getAndIncrement()) {
                        Family family = families.get(i);
                        for (String serviceId : SERVICES) {
                            String body = request(serviceId, family, month);
                            long t0 = System.nanoTime();
                            try {
                                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base
                                                + "/api/bookings")).timeout(Duration.ofSeconds(60))
                                        .header("Authorization", "Bearer " + parentTokens.get(i))
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                        HttpResponse.BodyHandlers.ofString());
                                long micros = (System.nanoTime() - t0) / 1000;
                                synchronized (latency) {
                                    latency.recordValue(Math.min(micros, latency.getHighestTrackableValue()));
                                }
                                if (response.statusCode() == 201) {
                                    JsonNode answer = JSON.readTree(response.body());
                                    childDays.addAndGet(answer.path("lines").size());
                                    waitlisted.addAndGet(answer.path("waitlisted").asLong());
                                } else {
                                    errors.incrementAndGet();
                                    if (firstErrors.size() < 3) {
                                        firstErrors.add(response.statusCode() + " " + response.body());
                                    }
                                }
                            } catch (Exception e) {
                                errors.incrementAndGet();
                                if (firstErrors.size() < 3) {
                                    firstErrors.add(e.toString());
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            clients.shutdown();
            double elapsed = seconds(started);
            long planningTicks = processTicks(service.pid()) - planningTicksBefore;
            long pgTicks = postgresTicks(url).entrySet().stream()
                    .mapToLong(e -> e.getValue() - pgBefore.getOrDefault(e.getKey(), 0L)).sum();
            long[] machineAfter = machineTicks();
            double clientCpu = (clientCpuNanos() - clientCpuBefore) / 1e9;
            double machineBusy = (machineAfter[0] - machineBefore[0]) / 100.0;
            double machineCapacity = (machineAfter[1] - machineBefore[1]) / 100.0;
            String loadAfter = loadAverage();
            Instant caughtUpFrom = Instant.now();
            long projected = awaitProjection(url, childDays.get());

            long submissions = (long) families.size() * SERVICES.size();
            line("Rentrée benchmark, " + options.label() + ", " + Instant.now());
            line("  " + families.size() + " families × 2 children × " + SERVICES.size() + " services (" + month.get(0)
                    + " to " + month.get(month.size() - 1) + ", " + month.size() + " school days), "
                    + options.clients() + " client threads, planning-service heap " + options.heap()
                    + ", booking desk batch ≤ 64 jobs");
            line(String.format(Locale.ROOT, "  submissions      %,d in %.1f s = %.0f /s, errors %d%s", submissions,
                    elapsed, submissions / elapsed, errors.get(), firstErrors.isEmpty() ? "" : " " + firstErrors));
            line(String.format(Locale.ROOT, "  child-days       %,d (%,d waitlisted) = %,.0f child-days/s",
                    childDays.get(), waitlisted.get(), childDays.get() / elapsed));
            line(String.format(Locale.ROOT, "  latency ms       p50 %.1f  p90 %.1f  p99 %.1f  max %.1f",
                    latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(90) / 1000.0,
                    latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0));
            line(String.format(Locale.ROOT, "  CPU s            planning-service %.1f, PostgreSQL %.1f, client %.1f, "
                            + "others %.1f of %.1f available (%.0f µs planning+PG per child-day)",
                    planningTicks / 100.0, pgTicks / 100.0, clientCpu,
                    Math.max(0, machineBusy - planningTicks / 100.0 - pgTicks / 100.0 - clientCpu), machineCapacity,
                    (planningTicks + pgTicks) / 100.0 * 1e6 / Math.max(1, childDays.get())));
            line("  load average     before " + loadBefore + ", after " + loadAfter);
            line(String.format(Locale.ROOT, "  read model       %,d rows in rm_booking %.1f s after the last answer",
                    projected, seconds(caughtUpFrom)));
            line(String.format(Locale.ROOT, "  aim              ≥ 2 000 child-days/s: %s",
                    childDays.get() / elapsed >= 2000 ? "met" : "NOT met"));
            if (options.out() != null) {
                Files.createDirectories(options.out().toAbsolutePath().getParent());
                Files.writeString(options.out(), report.toString());
                log("table written to " + options.out());
            }
        } finally {
            if (service != null) {
                service.destroy();
                service.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
                service.destroyForcibly();
            }
            kafka.destroy();
            if (!options.keepDatabase()) {
                TestDatabases.drop(database);
            }
        }
    }

    record Family(UUID familyId, UUID firstChild, UUID secondChild) {
    }

    /** The children as children-service would have announced them, written straight into planning's directory. */
    private List<Family> seed(String url) throws SQLException, IOException {
        List<Family> families = new ArrayList<>();
        StringBuilder children = new StringBuilder();
        StringBuilder familyRows = new StringBuilder();
        String school = UUID.randomUUID().toString();
        for (int i = 0; i < options.families(); i++) {
            Family family = new Family(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            families.add(family);
            familyRows.append(family.familyId()).append("\tCamille\tFamille").append(i).append('\n');
            for (UUID child : List.of(family.firstChild(), family.secondChild())) {
                children.append(child).append('\t').append(family.familyId()).append("\tEnfant\tFamille").append(i)
                        .append("\t2019-05-12\t").append(school)
                        .append("\t{PHOTO,SCHOOL_INSURANCE,HEALTH_SHEET}\t{}\t2026-2027\t2026-08-20T10:00:00Z\n");
            }
        }
        try (Connection c = DriverManager.getConnection(url, TestDatabases.user(), TestDatabases.password())) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("COPY dir_family (family_id, guardian_first_name, guardian_last_name) FROM STDIN",
                    new StringReader(familyRows.toString()));
            copy.copyIn("COPY dir_child (child_id, family_id, first_name, last_name, birth_date, school_id, "
                    + "satisfied, missing, requirements_year, updated_at) FROM STDIN", new StringReader(children.toString()));
        }
        return families;
    }

    private String request(String serviceId, Family family, List<LocalDate> month) throws IOException {
        return JSON.writeValueAsString(Map.of("serviceId", serviceId,
                "childIds", List.of(family.firstChild(), family.secondChild()),
                "from", month.get(0).toString(), "to", month.get(month.size() - 1).toString(),
                "weekdays", List.of("MONDAY", "TUESDAY", "THURSDAY", "FRIDAY"), "attendance", "PRESENT"));
    }

    /** {@code days} school days in a row, starting three weeks from now (their booking deadlines are ahead). */
    private List<LocalDate> schoolDays(HttpClient http, String base, String admin) throws Exception {
        LocalDate from = LocalDate.now(PARIS).plusWeeks(3);
        JsonNode days = get(http, base + "/api/calendar/days?from=" + from + "&to=" + from.plusDays(150), admin);
        List<LocalDate> month = new ArrayList<>();
        for (JsonNode day : days) {
            if ("SCHOOL_DAY".equals(day.path("kind").asText())) {
                month.add(LocalDate.parse(day.path("date").asText()));
                if (month.size() == options.days()) {
                    return month;
                }
            } else if (!month.isEmpty() && "HOLIDAY".equals(day.path("kind").asText())) {
                month.clear(); // a month without holidays in it
            }
        }
        throw new IllegalStateException("No " + options.days() + " school days in a row in the shipped calendar "
                + "after " + from);
    }

    /** A big town: the default services' capacity raised, as staff would, through the API. */
    private void raiseCapacity(HttpClient http, String base, String admin, String serviceId) throws Exception {
        JsonNode service = get(http, base + "/api/services/" + serviceId, admin);
        Map<String, Object> definition = JSON.convertValue(service.path("definition"), Map.class);
        definition.put("capacity", options.capacity());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/services/"
                        + serviceId)).header("Authorization", "Bearer " + admin).header("Content-Type",
                        "application/json").PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(definition)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 204) {
            throw new IllegalStateException("Capacity of " + serviceId + ": " + response.statusCode() + " "
                    + response.body());
        }
        Instant until = Instant.now().plusSeconds(30);
        while (get(http, base + "/api/services/" + serviceId, admin).path("definition").path("capacity").asInt()
                != options.capacity()) {
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException("The catalogue did not show the new capacity of " + serviceId);
            }
            Thread.sleep(100);
        }
    }

    /** A few previews so that the JIT has seen the path; nothing is booked. */
    private void warmUp(HttpClient http, String base, String admin, List<LocalDate> month) throws Exception {
        Instant until = Instant.now().plusSeconds(5);
        while (Instant.now().isBefore(until)) {
            get(http, base + "/api/calendar/days?from=" + month.get(0) + "&to=" + month.get(month.size() - 1), admin);
            get(http, base + "/api/services", admin);
        }
    }

    private static JsonNode get(HttpClient http, String url, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Waits until the bookings read model holds every child-day answered (at most 5 minutes). */
    private static long awaitProjection(String url, long expected) throws Exception {
        Instant until = Instant.now().plus(Duration.ofMinutes(5));
        long rows = 0;
        try (Connection c = DriverManager.getConnection(url, TestDatabases.user(), TestDatabases.password());
             Statement s = c.createStatement()) {
            while (Instant.now().isBefore(until)) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM rm_booking")) {
                    rs.next();
                    rows = rs.getLong(1);
                }
                if (rows >= expected) {
                    return rows;
                }
                Thread.sleep(500);
            }
        }
        return rows;
    }

    private Process start(String url, String kafka, String publicKey, int port, Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xms" + options.heap(), "-Xmx" + options.heap(), "-Daxoniq.update-checker.disabled=true"));
        String extra = System.getenv("PLANNING_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", options.jar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("SPRING_DATASOURCE_URL", url);
        env.put("SPRING_DATASOURCE_USERNAME", TestDatabases.user());
        env.put("SPRING_DATASOURCE_PASSWORD", TestDatabases.password());
        env.put("MARELLE_KAFKA_BOOTSTRAP", kafka);
        env.put("MARELLE_SERVICETOKEN_PUBLICKEY", publicKey);
        env.put("MARELLE_SERVICES_CHILDREN_URL", "http://127.0.0.1:1");
        env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        env.put("MALLOC_ARENA_MAX", "2");
        return builder.start();
    }

    private static void awaitHealthy(int port, Process service, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!service.isAlive()) {
                throw new IllegalStateException("planning-service stopped; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    // the shipped calendar and catalogue are loaded once the application is ready
                    Thread.sleep(2000);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("planning-service not healthy after 3 minutes; see " + log);
    }

    // --------------------------------------------------------------------------------------------- measuring

    /** utime + stime of a process, in clock ticks (1/100 s). */
    static long processTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The PostgreSQL processes serving the benchmark database and the server's own (WAL writer…), by pid. */
    private static Map<Integer, Long> postgresTicks(String url) throws SQLException {
        Map<Integer, Long> ticks = new java.util.HashMap<>();
        try (Connection c = DriverManager.getConnection(url, TestDatabases.user(), TestDatabases.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                     + "OR datname IS NULL")) {
            while (rs.next()) {
                ticks.put(rs.getInt(1), processTicks(rs.getInt(1)));
            }
        }
        return ticks;
    }

    private static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[]{1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(f[i]);
            }
            return new long[]{busy, busy + Long.parseLong(f[4]) + Long.parseLong(f[5])};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }

    private static long clientCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }

    private void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }

    private static void log(String text) {
        System.err.println("[rentree] " + text);
    }

    static Options parse(String[] args) {
        int families = 10_000;
        int clients = 16;
        int days = 20;
        int capacity = 10_000;
        String heap = "768m";
        Path jar = Path.of("planning-service/target/planning-service.jar");
        Path out = null;
        String label = "";
        boolean keep = false;
        for (String arg : args) {
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            if (arg.startsWith("--families=")) {
                families = Integer.parseInt(value);
            } else if (arg.startsWith("--clients=")) {
                clients = Integer.parseInt(value);
            } else if (arg.startsWith("--days=")) {
                days = Integer.parseInt(value);
            } else if (arg.startsWith("--capacity=")) {
                capacity = Integer.parseInt(value);
            } else if (arg.startsWith("--heap=")) {
                heap = value;
            } else if (arg.startsWith("--jar=")) {
                jar = Path.of(value);
            } else if (arg.startsWith("--out=")) {
                out = Path.of(value);
            } else if (arg.startsWith("--label=")) {
                label = value;
            } else if (arg.equals("--keep-database")) {
                keep = true;
            } else {
                throw new IllegalArgumentException("Unknown option " + arg + " (see bench/rentree.sh --help)");
            }
        }
        return new Options(families, clients, days, capacity, heap, jar, out, label, keep);
    }
}
