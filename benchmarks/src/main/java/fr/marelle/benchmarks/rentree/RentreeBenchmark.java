package fr.marelle.benchmarks.rentree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.marelle.benchmarks.support.Db;
import fr.marelle.benchmarks.support.Machine;
import fr.marelle.benchmarks.support.Report;
import fr.marelle.benchmarks.support.ServiceProcess;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
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
    private final Report report = Report.echoingTo(System.out);

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
        String database = Db.nameOf(url);
        EmbeddedKafkaKraftBroker kafka = TestKafka.startBroker(0);
        String[] keys = PemKeys.generate();
        ServiceTokenProperties tokenProperties = new ServiceTokenProperties();
        tokenProperties.setPrivateKey(keys[1]);
        tokenProperties.setTtl(Duration.ofHours(2)); // issued before the timed run, as the gateway's cost is not ours
        ServiceTokenIssuer tokens = new ServiceTokenIssuer(tokenProperties, Clock.systemUTC());
        int port = Machine.freePort();
        Path log = Path.of("bench", "results", "rentree-planning-service-" + port + ".log");
        ServiceProcess service = null;
        try {
            log("database " + database + ", Kafka " + kafka.getBrokersAsString() + ", planning-service on " + port);
            service = ServiceProcess.builder("planning-service", options.jar())
                    .heap(options.heap())
                    .javaOptionsFrom("PLANNING_JAVA_OPTS")
                    .port(port)
                    .log(log)
                    .platform(url, kafka.getBrokersAsString(), keys[0])
                    .env("MARELLE_SERVICES_CHILDREN_URL", "http://127.0.0.1:1")
                    .start();
            service.awaitHealthy();
            Thread.sleep(2000); // the shipped calendar and catalogue are loaded once the application is ready
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                    .version(HttpClient.Version.HTTP_1_1).build();
            String admin = tokens.issue(new Actor("bench-admin", Role.ADMIN, null, "127.0.0.1"));
            String base = service.baseUrl();
            List<LocalDate> month = schoolDays(http, base, admin);
            for (String serviceId : SERVICES) {
                raiseCapacity(http, base, admin, serviceId);
            }
            List<Family> families = seed(url);
            Instant prepared = Instant.now();
            List<String> parentTokens = families.stream().map(f -> tokens.issue(new Actor("parent-" + f.familyId(),
                    Role.PARENT, f.familyId().toString(), "203.0.113.9"))).toList();
            log(String.format(Locale.ROOT, "%d families, %d children seeded, tokens signed in %.3f s; booking %s to %s "
                    + "(%d school days)", families.size(), families.size() * 2, Report.seconds(prepared), month.get(0),
                    month.get(month.size() - 1), month.size()));
            warmUp(http, base, admin, month);

            long planningTicksBefore = service.cpuTicks();
            Map<Integer, Long> pgBefore = postgresTicks(url);
            Machine.Ticks machineBefore = Machine.ticks();
            long clientCpuBefore = Machine.jvmCpuNanos();
            String loadBefore = Machine.loadAverage();
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
            double elapsed = Report.seconds(started);
            long planningTicks = service.cpuTicks() - planningTicksBefore;
            long pgTicks = Machine.ticksBetween(pgBefore, postgresTicks(url));
            Machine.Ticks machineAfter = Machine.ticks();
            double clientCpu = (Machine.jvmCpuNanos() - clientCpuBefore) / 1e9;
            double machineBusy = Machine.seconds(machineAfter.busy() - machineBefore.busy());
            double machineCapacity = Machine.seconds(machineAfter.total() - machineBefore.total());
            String loadAfter = Machine.loadAverage();
            Instant caughtUpFrom = Instant.now();
            long projected;
            try (Connection c = Db.connect(url)) { // the bookings read model holds every child-day answered
                projected = Db.awaitCount(c, "SELECT count(*) FROM rm_booking", childDays.get(), Duration.ofMinutes(5),
                        Duration.ofMillis(500));
            }

            long submissions = (long) families.size() * SERVICES.size();
            report.line("Rentrée benchmark, " + options.label() + ", " + Instant.now());
            report.line("  " + families.size() + " families × 2 children × " + SERVICES.size() + " services ("
                    + month.get(0) + " to " + month.get(month.size() - 1) + ", " + month.size() + " school days), "
                    + options.clients() + " client threads, planning-service heap " + options.heap()
                    + ", booking desk batch ≤ 64 jobs");
            report.format("  submissions      %,d in %.1f s = %.0f /s, errors %d%s", submissions,
                    elapsed, submissions / elapsed, errors.get(), firstErrors.isEmpty() ? "" : " " + firstErrors);
            report.format("  child-days       %,d (%,d waitlisted) = %,.0f child-days/s",
                    childDays.get(), waitlisted.get(), childDays.get() / elapsed);
            Report.Latencies ms = Report.Latencies.ofMicros(latency);
            report.format("  latency ms       p50 %.1f  p90 %.1f  p99 %.1f  max %.1f", ms.p50(), ms.p90(), ms.p99(),
                    ms.max());
            report.format("  CPU s            planning-service %.1f, PostgreSQL %.1f, client %.1f, "
                            + "others %.1f of %.1f available (%.0f µs planning+PG per child-day)",
                    planningTicks / 100.0, pgTicks / 100.0, clientCpu,
                    Math.max(0, machineBusy - planningTicks / 100.0 - pgTicks / 100.0 - clientCpu), machineCapacity,
                    (planningTicks + pgTicks) / 100.0 * 1e6 / Math.max(1, childDays.get()));
            report.line("  load average     before " + loadBefore + ", after " + loadAfter);
            report.format("  read model       %,d rows in rm_booking %.1f s after the last answer",
                    projected, Report.seconds(caughtUpFrom));
            report.format("  aim              ≥ 2 000 child-days/s: %s",
                    childDays.get() / elapsed >= 2000 ? "met" : "NOT met");
            if (options.out() != null) {
                report.writeTo(options.out());
                log("table written to " + options.out());
            }
        } finally {
            if (service != null) {
                service.close();
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
        try (Connection c = Db.connect(url)) {
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

    /** The PostgreSQL processes serving the benchmark database and the server's own (WAL writer…), by pid. */
    private static Map<Integer, Long> postgresTicks(String url) throws SQLException {
        try (Connection c = Db.connect(url)) {
            return Machine.postgresTicks(c);
        }
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
