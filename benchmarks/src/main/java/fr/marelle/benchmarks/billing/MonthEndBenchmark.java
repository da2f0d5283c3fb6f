package fr.marelle.benchmarks.billing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.marelle.benchmarks.support.Db;
import fr.marelle.benchmarks.support.Machine;
import fr.marelle.benchmarks.support.Report;
import fr.marelle.benchmarks.support.ServiceProcess;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.security.PemKeys;
import fr.marelle.platform.security.ServiceTokenIssuer;
import fr.marelle.platform.security.ServiceTokenProperties;
import fr.marelle.platform.test.TestDatabases;
import fr.marelle.platform.test.TestKafka;
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
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Month-end benchmark: the invoices of N families (10 000 by default) with their PDFs, by billing-service itself —
 * its jar started as a separate process on a new database and an embedded Kafka broker, asked through its HTTP API
 * with a finance member's signed token, exactly as the console does — next to two baselines measured in the same
 * run on the same machine: OpenPDF rendering a comparable invoice alone, and plain single-row INSERT transactions of
 * an invoice-sized row into the same database. Started by {@code bench/month-end.sh}; see
 * {@code benchmarks/README.md}.
 *
 * <p>The month's settled charges and the families' directory are loaded with COPY into billing's own tables (the
 * ledger read model and the reference tables), not produced by a month of planning events: what is measured is
 * month end, from "issue the month's invoices" to the last PDF stored.
 */
public final class MonthEndBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    record Options(int families, YearMonth month, int threads, String heap, long seed, boolean keepDatabase,
                   String out, String label, Path jar) {
    }

    public static void main(String[] args) throws Exception {
        // the embedded broker logs every step at INFO: only warnings, so that the figures stay readable
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Options options = parse(args);
        Report report = Report.quiet();
        String url = TestDatabases.create("bench_month_end");
        String database = Db.nameOf(url);
        EmbeddedKafkaKraftBroker kafka = TestKafka.startBroker(0);
        ServiceProcess service = null;
        boolean failed = false;
        try {
            report.line("Month-end benchmark — " + options.label() + " — " + Report.parisNow());
            report.line("machine: " + Runtime.getRuntime().availableProcessors() + " cores (shared), database "
                    + database + ", " + options.families() + " families, month " + options.month()
                    + ", billing-service -Xmx" + options.heap() + ", invoicing threads " + options.threads());

            // --- the service, as deployed: its own process, database and broker
            String[] keys = PemKeys.generate();
            service = ServiceProcess.builder("billing-service", options.jar())
                    .heap(options.heap())
                    .javaOptionsFrom("BILLING_JAVA_OPTS") // e.g. a JFR recording
                    .logBeside(Path.of(options.out()))
                    .platform(url, kafka.getBrokersAsString(), keys[0])
                    .env("MARELLE_BILLING_INVOICINGTHREADS", Integer.toString(options.threads()))
                    .start();
            service.awaitHealthy();

            // --- the month's settled charges
            Seeded seeded;
            try (Connection c = Db.connect(url)) {
                Instant start = Instant.now();
                seeded = seed(c, options);
                report.format("seeded: %d families, %d children, %d settled charges "
                                + "(%.1f per family), %s in total, in %.1f s (COPY; not measured)", seeded.families,
                        seeded.children, seeded.charges, seeded.charges / (double) seeded.families,
                        euros(seeded.totalCents), Report.seconds(start));
            }

            // --- baseline 1: OpenPDF alone, one thread
            List<List<BareInvoicePdf.Line>> samples = sampleInvoices(options.seed(), 400);
            for (int i = 0; i < 300; i++) { // warm-up (JIT)
                BareInvoicePdf.render("FAC-2026-" + i, "Madame Camille Martin", samples.get(i % samples.size()),
                        "41,20 €");
            }
            int bareCount = 2_000;
            long bareBytes = 0;
            Instant bareStart = Instant.now();
            for (int i = 0; i < bareCount; i++) {
                bareBytes += BareInvoicePdf.render(String.format("FAC-2026-%06d", i), "Madame Camille Martin",
                        samples.get(i % samples.size()), "41,20 €").length;
            }
            double bareSeconds = Report.seconds(bareStart);
            double barePerSecond = bareCount / bareSeconds;

            // --- baseline 2: plain INSERT transactions of an invoice-sized row (event-sized JSON + PDF-sized bytes)
            int pdfSize = (int) (bareBytes / bareCount);
            double plainPerSecond;
            try (Connection c = Db.connect(url)) {
                plainPerSecond = plainInserts(c, options.families(), pdfSize);
            }

            // --- month end through the service's API
            ServiceTokenProperties tokenProperties = new ServiceTokenProperties();
            tokenProperties.setPrivateKey(keys[1]);
            ServiceTokenIssuer tokens = new ServiceTokenIssuer(tokenProperties, Clock.systemUTC());
            Actor finance = new Actor("bench-finance", Role.FINANCE, null, "127.0.0.1");
            HttpClient http = HttpClient.newHttpClient();
            long serviceCpuBefore = service.cpuTicks();
            Machine.Ticks machineBefore = Machine.ticks();
            Instant runStart = Instant.now();
            HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl()
                            + "/api/invoice-runs"))
                    .header("Authorization", "Bearer " + tokens.issue(finance))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"period\":\"" + options.month() + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (started.statusCode() != 202) {
                throw new IllegalStateException("The run was refused: " + started.statusCode() + " " + started.body());
            }
            String runId = JSON.readTree(started.body()).path("runId").asText();
            Double issuedAt = null;
            JsonNode run;
            while (true) {
                run = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(service.baseUrl()
                                        + "/api/invoice-runs/" + runId))
                                .header("Authorization", "Bearer " + tokens.issue(finance)).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                String status = run.path("status").asText();
                if (issuedAt == null && !status.equals("RUNNING")) {
                    issuedAt = Report.seconds(runStart);
                    if (!status.equals("COMPLETED")) {
                        throw new IllegalStateException("The run ended " + status + ": " + run);
                    }
                }
                if (issuedAt != null && run.path("documentsRendered").asLong() >= run.path("issued").asLong()) {
                    break;
                }
                if (Duration.between(runStart, Instant.now()).toMinutes() >= 20) {
                    throw new IllegalStateException("Month end not done after 20 minutes: " + run);
                }
                Thread.sleep(200);
            }
            double allPdfs = Report.seconds(runStart);
            double serviceCpu = Machine.seconds(service.cpuTicks() - serviceCpuBefore);
            double machineBusy = Machine.ticks().busyPercentSince(machineBefore);

            // --- checks: every family invoiced once, numbers 1..N without gap, totals to the cent
            Checks checks;
            try (Connection c = Db.connect(url)) {
                checks = check(c, options, seeded);
            }

            long issued = run.path("issued").asLong();
            report.line("");
            report.format("%-58s %10s %12s", "", "per second", "10 000 in");
            report.format("%-58s %10.0f %11.1fs", "baseline: OpenPDF alone, 1 thread "
                    + "(avg " + pdfSize + " B)", barePerSecond, 10_000 / barePerSecond);
            report.format("%-58s %10.0f %11.1fs", "baseline: plain INSERT tx of an "
                    + "invoice-sized row, 1 conn", plainPerSecond, 10_000 / plainPerSecond);
            report.format("%-58s %10.0f %11.1fs", "billing-service: invoices issued "
                    + "(numbered, events committed)", issued / issuedAt, 10_000 / (issued / issuedAt));
            report.format("%-58s %10.0f %11.1fs", "billing-service: invoices with their "
                    + "PDFs stored", issued / allPdfs, 10_000 / (issued / allPdfs));
            report.line("");
            report.format("month end for %d families: %d invoices issued in %.1f s, every "
                            + "PDF stored after %.1f s (goal: 120 s)", options.families(), issued, issuedAt,
                    allPdfs);
            report.format("CPU: billing-service %.1f s (%.1f ms per invoice); machine "
                            + "busy %.0f %% of %d cores during the run (PostgreSQL and others included)", serviceCpu,
                    1000 * serviceCpu / Math.max(1, issued), machineBusy, Runtime.getRuntime().availableProcessors());
            report.line("checks: " + checks);
            if (!checks.ok()) {
                report.line("CHECKS FAILED");
            }
            System.out.print(report.text());
            report.writeTo(Path.of(options.out()));
            System.out.println("(written to " + options.out() + "; service log " + service.log() + ")");
            failed = !checks.ok();
        } finally {
            if (service != null) {
                service.close();
            }
            kafka.destroy();
            if (!options.keepDatabase()) {
                TestDatabases.drop(database);
            }
        }
        if (failed) {
            System.exit(1); // after the service, the broker and the databases are gone
        }
    }

    // ------------------------------------------------------------------------------------------------ the month

    record Seeded(int families, int children, long charges, long totalCents) {
    }

    /** Families of 1 to 3 children: canteen most school days, some evening daycare, Wednesdays at the centre. */
    static Seeded seed(Connection c, Options options) throws SQLException, IOException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        Random random = new Random(options.seed());
        String now = Instant.now().toString();
        copy.copyIn("COPY ref_service (service_id, code, name, cesu_class, unit, active, updated_at) FROM STDIN",
                new StringReader("canteen\tCANTEEN\tRestauration scolaire\tNONE\tDAY\ttrue\t" + now + "\n"
                        + "evening\tEVENING\tGarderie soir\tDAYCARE\tSESSION\ttrue\t" + now + "\n"
                        + "centre\tWEDNESDAY\tMercredis et vacances scolaires\tLEISURE_CENTRE\tDAY\ttrue\t" + now
                        + "\n"));
        StringBuilder families = new StringBuilder();
        StringBuilder guardians = new StringBuilder();
        StringBuilder children = new StringBuilder();
        StringBuilder charges = new StringBuilder();
        List<LocalDate> schoolDays = new ArrayList<>();
        List<LocalDate> wednesdays = new ArrayList<>();
        for (LocalDate d = options.month().atDay(1); !d.isAfter(options.month().atEndOfMonth()); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.WEDNESDAY) {
                wednesdays.add(d);
            } else if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                schoolDays.add(d);
            }
        }
        String[] firstNames = {"Léa", "Tom", "Inès", "Hugo", "Chloé", "Lucas", "Manon", "Nathan", "Jade", "Louis"};
        String[] lastNames = {"Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois"};
        int childCount = 0;
        long chargeCount = 0;
        long total = 0;
        for (int f = 0; f < options.families(); f++) {
            String familyId = new UUID(0x6d61726c656c6c65L, f).toString();
            String last = lastNames[random.nextInt(lastNames.length)];
            families.append(familyId).append("\t").append(1 + random.nextInt(80)).append(" rue de la Gare\t\\N\t88450")
                    .append("\tVincey\t").append(random.nextInt(1500)).append("\t\\N\t").append(now).append("\n");
            guardians.append(new UUID(0x677561726469616eL, f)).append("\t").append(familyId).append("\tMADAME\t")
                    .append(firstNames[random.nextInt(firstNames.length)]).append("\t").append(last).append("\t")
                    .append(now).append("\n");
            boolean reduced = random.nextInt(3) > 0;
            int kids = 1 + (random.nextInt(10) < 5 ? 0 : random.nextInt(10) < 7 ? 1 : 2);
            for (int k = 0; k < kids; k++) {
                String childId = new UUID(0x6368696c64000000L + k, f).toString();
                childCount++;
                children.append(childId).append("\t").append(familyId).append("\t")
                        .append(firstNames[random.nextInt(firstNames.length)]).append("\t").append(last)
                        .append("\t").append(LocalDate.of(2016 + random.nextInt(7), 1 + random.nextInt(12), 1))
                        .append("\t").append(now).append("\n");
                boolean evening = random.nextInt(3) == 0;
                boolean centre = random.nextInt(2) == 0;
                for (LocalDate day : schoolDays) {
                    if (random.nextInt(100) < 85) {
                        total += charge(charges, familyId, childId, "canteen", day, reduced ? 190 : 385, now);
                        chargeCount++;
                    }
                    if (evening && random.nextInt(100) < 80) {
                        total += charge(charges, familyId, childId, "evening", day, reduced ? 150 : 210, now);
                        chargeCount++;
                    }
                }
                if (centre) {
                    for (LocalDate day : wednesdays) {
                        total += charge(charges, familyId, childId, "centre", day, reduced ? 800 : 1200, now);
                        chargeCount++;
                    }
                }
            }
        }
        copy.copyIn("COPY ref_family (family_id, address_line1, address_line2, postcode, city, declared_qf, "
                + "caf_number, updated_at) FROM STDIN", new StringReader(families.toString()));
        copy.copyIn("COPY ref_guardian (guardian_id, family_id, civility, first_name, last_name, registered_at) "
                + "FROM STDIN", new StringReader(guardians.toString()));
        copy.copyIn("COPY ref_child (child_id, family_id, first_name, last_name, birth_date, updated_at) FROM STDIN",
                new StringReader(children.toString()));
        copy.copyIn("COPY rm_charge (charge_id, family_id, booking_id, child_id, service_id, charge_date, kind, "
                + "unit_price_cents, surcharge_cents, quantity, amount_cents, cesu_eligible, quotient_familial, "
                + "order_id, state, updated_at) FROM STDIN", new StringReader(charges.toString()));
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
        return new Seeded(options.families(), childCount, chargeCount, total);
    }

    private static long charge(StringBuilder out, String familyId, String childId, String service, LocalDate day,
                               long cents, String now) {
        out.append(UUID.randomUUID()).append("\t").append(familyId).append("\t").append(UUID.randomUUID())
                .append("\t").append(childId).append("\t").append(service).append("\t").append(day)
                .append("\tBOOKED\t").append(cents).append("\t0\t1\t").append(cents).append("\t")
                .append(!service.equals("canteen")).append("\t\\N\t\\N\tSETTLED\t").append(now).append("\n");
        return cents;
    }

    /** Invoices of the same shape as the month's (for the rendering baseline). */
    static List<List<BareInvoicePdf.Line>> sampleInvoices(long seed, int count) {
        Random random = new Random(seed);
        List<List<BareInvoicePdf.Line>> invoices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<BareInvoicePdf.Line> lines = new ArrayList<>();
            int kids = 1 + random.nextInt(2);
            for (int k = 0; k < kids; k++) {
                lines.add(new BareInvoicePdf.Line("Léa Martin", "Restauration scolaire",
                        "01, 02, 05, 06, 08, 09, 12, 13, 15, 16, 19, 20, 22, 23, 26/10/2026", "1,90 €", 15, "28,50 €"));
                if (random.nextBoolean()) {
                    lines.add(new BareInvoicePdf.Line("Léa Martin", "Garderie soir", "01, 05, 06, 12, 13/10/2026",
                            "1,50 €", 5, "7,50 €"));
                }
                if (random.nextBoolean()) {
                    lines.add(new BareInvoicePdf.Line("Léa Martin", "Mercredis et vacances scolaires",
                            "07, 14, 21, 28/10/2026", "8,00 €", 4, "32,00 €"));
                }
            }
            invoices.add(lines);
        }
        return invoices;
    }

    /** Single-row INSERT transactions (BEGIN, INSERT, COMMIT) of an invoice-sized row, one connection. */
    static double plainInserts(Connection c, int rows, int pdfSize) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_plain_invoice (invoice_id UUID PRIMARY KEY, number VARCHAR(32) NOT NULL, "
                    + "family_id VARCHAR(64) NOT NULL, payload BYTEA NOT NULL, pdf BYTEA NOT NULL)");
        }
        byte[] payload = new byte[2_500];
        byte[] pdf = new byte[pdfSize];
        new Random(7).nextBytes(pdf);
        java.util.Arrays.fill(payload, (byte) 'x');
        c.setAutoCommit(false);
        Instant start = Instant.now();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_plain_invoice VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < rows; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, String.format("FAC-2026-%06d", i));
                insert.setString(3, "family-" + i);
                insert.setBytes(4, payload);
                insert.setBytes(5, pdf);
                insert.executeUpdate();
                c.commit();
            }
        }
        double perSecond = rows / Report.seconds(start);
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE bench_plain_invoice");
        }
        return perSecond;
    }

    // ------------------------------------------------------------------------------------------------ checks

    record Checks(long invoices, long families, boolean numbersWithoutGap, boolean totalsToTheCent,
                  boolean linesAddUp, long documents, boolean ok) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d invoices for %d families; numbers 1..N without gap nor duplicate: "
                            + "%s; sum of invoices = sum of settled charges: %s; every invoice = sum of its lines: %s;"
                            + " %d PDFs stored", invoices, families, numbersWithoutGap ? "yes" : "NO",
                    totalsToTheCent ? "yes" : "NO", linesAddUp ? "yes" : "NO", documents);
        }
    }

    static Checks check(Connection c, Options options, Seeded seeded) throws Exception {
        // the invoices read model follows the events: wait for it to catch up
        long invoices = Db.awaitCount(c, "SELECT count(*) FROM rm_invoice", options.families(), Duration.ofMinutes(2),
                Duration.ofMillis(200));
        long families = Db.single(c, "SELECT count(DISTINCT family_id) FROM invoice_claim");
        long min = Db.single(c, "SELECT coalesce(min(substring(number from 10)::bigint), 0) FROM rm_invoice");
        long max = Db.single(c, "SELECT coalesce(max(substring(number from 10)::bigint), 0) FROM rm_invoice");
        long distinct = Db.single(c, "SELECT count(DISTINCT number) FROM rm_invoice");
        boolean numbers = min == 1 && max == invoices && distinct == invoices;
        long total = Db.single(c, "SELECT coalesce(sum(total_cents), 0) FROM rm_invoice");
        long badInvoices = Db.single(c, "SELECT count(*) FROM rm_invoice i WHERE i.total_cents <> "
                + "(SELECT sum(l.amount_cents) FROM rm_invoice_line l WHERE l.invoice_id = i.invoice_id) OR EXISTS "
                + "(SELECT 1 FROM rm_invoice_line l WHERE l.invoice_id = i.invoice_id "
                + "AND l.amount_cents <> l.unit_price_cents * l.quantity)");
        long documents = Db.single(c, "SELECT count(*) FROM invoice_document WHERE kind = 'INVOICE'");
        boolean ok = invoices == options.families() && families == options.families() && numbers
                && total == seeded.totalCents() && badInvoices == 0 && documents == invoices;
        return new Checks(invoices, families, numbers, total == seeded.totalCents(), badInvoices == 0, documents, ok);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static String euros(long cents) {
        return String.format(Locale.FRANCE, "%,.2f €", cents / 100.0);
    }

    static Options parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unknown argument " + arg + " (see bench/month-end.sh --help)");
            }
            String[] kv = arg.substring(2).split("=", 2);
            values.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        YearMonth month = values.containsKey("month") ? YearMonth.parse(values.get("month"))
                : YearMonth.now(PARIS).minusMonths(1);
        return new Options(Integer.parseInt(values.getOrDefault("families", "10000")), month,
                Integer.parseInt(values.getOrDefault("threads", "2")), values.getOrDefault("heap", "768m"),
                Long.parseLong(values.getOrDefault("seed", "42")), values.containsKey("keep-database"),
                values.getOrDefault("out", "bench/results/month-end.txt"), values.getOrDefault("label", ""),
                Path.of(values.getOrDefault("jar", "billing-service/target/billing-service.jar")).toAbsolutePath());
    }
}
