package fr.marelle.benchmarks;

import fr.marelle.benchmarks.append.BookingStream;
import fr.marelle.benchmarks.append.CachedBookingStream;
import fr.marelle.benchmarks.append.ExistingStream;
import fr.marelle.benchmarks.support.CpuMeter;
import fr.marelle.benchmarks.support.Db;
import fr.marelle.benchmarks.support.Machine;
import fr.marelle.benchmarks.support.Report;
import fr.marelle.platform.MarelleApplication;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.ActorContext;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.test.MarelleTestInitializer;
import fr.marelle.platform.test.TestDatabases;
import org.HdrHistogram.Histogram;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.DateTimeUtils;
import org.postgresql.core.BaseConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Append-path benchmark: events per second and commit latency of the Axon command path (a command applying 1 or 20
 * events to a new aggregate, sent with {@code CommandGateway.sendAndWait} from C client threads) side by side with
 * plain single-row INSERTs into an identical table of the same database, through the same Hikari pool, in the same
 * run. Started by {@code bench/append-path.sh}; see {@code benchmarks/README.md}.
 */
public final class AppendPathBenchmark {

    /** What one client does per timed operation. */
    enum Mode {
        PLAIN("plain-insert", 1, "single-row INSERT, autocommit: one row = one transaction = one round trip"),
        PLAIN_TX("plain-insert-tx", 1, "single-row INSERT inside setAutoCommit(false) ... commit(), as Spring does"),
        PLAIN_BATCH_20("plain-batch-20", 20, "20-row JDBC batch (addBatch/executeBatch) in one transaction"),
        AXON_1("axon-1", 1, "sendAndWait(command) creating a new aggregate that applies 1 event"),
        AXON_20("axon-20", 20, "sendAndWait(command) creating a new aggregate that applies 20 events"),
        AXON_1_EXISTING("axon-1-existing", 1,
                "sendAndWait(command) on the client's existing aggregate (replayed from the store), 1 event"),
        AXON_1_EXISTING_CACHED("axon-1-existing-cached", 1,
                "sendAndWait(command) on the client's existing aggregate, Axon aggregate cache, 1 event");

        final String label;
        final int events;
        final String description;

        Mode(String label, int events, String description) {
            this.label = label;
            this.events = events;
            this.description = description;
        }

        boolean axon() {
            return name().startsWith("AXON");
        }

        static Mode of(String label) {
            return Arrays.stream(values()).filter(m -> m.label.equals(label)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown mode " + label + "; known: "
                            + Arrays.stream(values()).map(m -> m.label).toList()));
        }
    }

    /** One timed operation of one client thread. */
    @FunctionalInterface
    interface Operation {
        void run() throws Exception;
    }

    record Cell(Mode mode, int clients, long operations, long errors, double seconds, Histogram latencyMicros,
                long rows, long walBytes, Map<String, long[]> jdbc, String firstError, CpuMeter.Usage cpu) {

        double eventsPerSecond() {
            return operations * mode.events / seconds;
        }

        double operationsPerSecond() {
            return operations / seconds;
        }

        double p50() {
            return latencyMicros.getValueAtPercentile(50) / 1000.0;
        }

        double p99() {
            return latencyMicros.getValueAtPercentile(99) / 1000.0;
        }

        double events() {
            return (double) operations * mode.events;
        }

        static Cell merge(List<Cell> slices) {
            Cell first = slices.get(0);
            Histogram latency = new Histogram(3);
            Map<String, long[]> jdbc = new java.util.TreeMap<>();
            long operations = 0;
            long errors = 0;
            long rows = 0;
            long wal = 0;
            double seconds = 0;
            CpuMeter.Usage cpu = new CpuMeter.Usage(0, 0, 0, 0);
            String firstError = null;
            for (Cell c : slices) {
                latency.add(c.latencyMicros);
                c.jdbc.forEach((k, v) -> jdbc.merge(k, v.clone(), (a, b) -> new long[]{a[0] + b[0], a[1] + b[1]}));
                operations += c.operations;
                errors += c.errors;
                rows += c.rows;
                wal += c.walBytes;
                seconds += c.seconds;
                cpu = cpu.plus(c.cpu);
                firstError = firstError != null ? firstError : c.firstError;
            }
            return new Cell(first.mode, first.clients, operations, errors, seconds, latency, rows, wal, jdbc,
                    firstError, cpu);
        }
    }

    /** One stored event of the Axon path, copied column by column so the baseline writes rows of the same size. */
    /** A stored Axon row, with the audit columns its insert trigger derived (copied as plain values by the baseline). */
    record EventTemplate(String type, String payloadType, String payloadRevision, byte[] payload, byte[] metaData,
                         String familyId, String correlationId) {
    }

    static final String PLAIN_TABLE = "plain_event_entry";
    static final String INSERT_PLAIN = "INSERT INTO " + PLAIN_TABLE + " (event_identifier, time_stamp, payload_type, "
            + "payload_revision, payload, meta_data, type, aggregate_identifier, sequence_number, family_id, "
            + "correlation_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)";

    private final Options options;
    private final Report report = Report.echoingTo(System.out);
    private final long started = System.nanoTime();
    private ConfigurableApplicationContext context;
    private DataSource dataSource;
    private CommandGateway commands;
    private EventTemplate template;
    private CpuMeter cpu;

    private AppendPathBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        MarelleApplication.disableVendorCalls();
        int status = 0;
        try {
            new AppendPathBenchmark(Options.parse(args)).run();
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        // Axon and Kafka leave non-daemon threads behind
        System.exit(status);
    }

    private void run() throws Exception {
        String database = null;
        try {
            String url = TestDatabases.create("append_bench");
            database = Db.nameOf(url);
            if (!options.urlParams.isBlank()) {
                url = url + (url.contains("?") ? "&" : "?") + options.urlParams;
            }
            log("database " + database + " (created for this run, dropped at the end)");
            startContext(url);
            createPlainTable();
            header(url);
            warmUp();
            List<Cell> cells = new ArrayList<>();
            for (int clients : options.clients) {
                // the modes take turns in short slices, so that other people's load hits all of them alike
                Map<Mode, List<Cell>> slices = new LinkedHashMap<>();
                Duration slice = options.duration.dividedBy(options.rounds);
                for (int round = 0; round < options.rounds; round++) {
                    for (int i = 0; i < options.modes.size(); i++) {
                        Mode mode = options.modes.get((i + round) % options.modes.size());
                        slices.computeIfAbsent(mode, m -> new ArrayList<>()).add(measure(mode, clients, slice));
                    }
                }
                for (Mode mode : options.modes) {
                    Cell cell = Cell.merge(slices.get(mode));
                    cells.add(cell);
                    log(String.format(Locale.ROOT, "  %-24s C=%-3d %9.0f events/s  p50 %6.2f ms  p99 %7.2f ms%s",
                            mode.label, clients, cell.eventsPerSecond(), cell.p50(), cell.p99(),
                            cell.errors > 0 ? "  ERRORS " + cell.errors : ""));
                }
            }
            results(cells);
            write();
        } finally {
            if (context != null) {
                context.close();
            }
            if (database != null && !options.keepDatabase) {
                TestDatabases.drop(database);
                log("database " + database + " dropped");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // set-up

    private void startContext(String url) throws IOException {
        // a Kafka address nothing listens on: the app needs one, the benchmark neither publishes nor consumes
        Map<String, Object> properties = new LinkedHashMap<>(MarelleTestInitializer.properties("append-bench", url,
                "127.0.0.1:" + Machine.freePort()));
        // a service without HTTP: no service-token check, no web server
        properties.remove("marelle.service-token.public-key");
        properties.put("spring.main.web-application-type", "none");
        properties.put("spring.application.name", "append-bench");
        properties.put("logging.level.root", "ERROR"); // Spring and Axon start-up notices would clutter the table
        properties.put("bench.jdbc-timing", String.valueOf(options.jdbcTiming));
        for (String assignment : options.overrides) {
            int eq = assignment.indexOf('=');
            properties.put(assignment.substring(0, eq), assignment.substring(eq + 1));
        }
        // command-line arguments outrank the platform defaults (which outrank SpringApplication default properties)
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        long start = System.nanoTime();
        context = SpringApplication.run(BenchApplication.class, args);
        dataSource = context.getBean(DataSource.class);
        commands = context.getBean(CommandGateway.class);
        cpu = new CpuMeter(dataSource);
        log(String.format(Locale.ROOT, "Spring Boot + Axon context started in %.1f s",
                (System.nanoTime() - start) / 1e9));
    }

    /**
     * The baseline table: the same columns, types, defaults, constraints and indexes as the platform's
     * domain_event_entry (V1__axon_event_store.sql), with its own BIGSERIAL sequence.
     */
    private void createPlainTable() throws SQLException {
        sql("""
                CREATE TABLE plain_event_entry (
                    global_index         BIGSERIAL    NOT NULL PRIMARY KEY,
                    aggregate_identifier VARCHAR(255) NOT NULL,
                    sequence_number      BIGINT       NOT NULL,
                    type                 VARCHAR(255),
                    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
                    meta_data            BYTEA,
                    payload              BYTEA        NOT NULL,
                    payload_revision     VARCHAR(255),
                    payload_type         VARCHAR(255) NOT NULL,
                    time_stamp           VARCHAR(255) NOT NULL,
                    chain_hash           BYTEA,
                    family_id            VARCHAR(64),
                    correlation_id       VARCHAR(255),
                    CONSTRAINT uk_plain_event_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number)
                )""");
        sql("CREATE INDEX ix_plain_event_family ON " + PLAIN_TABLE + " (family_id, global_index) "
                + "WHERE family_id IS NOT NULL");
        sql("CREATE INDEX ix_plain_event_correlation ON " + PLAIN_TABLE + " (correlation_id) "
                + "WHERE correlation_id IS NOT NULL");
        sql("CREATE INDEX ix_plain_event_time ON " + PLAIN_TABLE + " (time_stamp)");
        String columns = "SELECT string_agg(column_name || ' ' || data_type || coalesce('(' || "
                + "character_maximum_length || ')', '') || ' ' || is_nullable || ' ' || "
                + "coalesce(regexp_replace(column_default, '_[a-z]+_entry_global', '_X_global'), ''), ', ' "
                + "ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = ?";
        String indexes = "SELECT string_agg(regexp_replace(regexp_replace(indexdef, 'INDEX [a-z_0-9]+ ON', 'INDEX ON'),"
                + " '(domain|plain)_event_entry', 'T', 'g'), '; ' ORDER BY regexp_replace(indexdef, "
                + "'INDEX [a-z_0-9]+ ON', '')) FROM pg_indexes WHERE tablename = ?";
        for (String check : List.of(columns, indexes)) {
            String axon = queryString(check, "domain_event_entry");
            String plain = queryString(check, PLAIN_TABLE);
            if (!axon.equals(plain.replace("plain_X_global", "domain_X_global"))) {
                throw new IllegalStateException("baseline table differs from domain_event_entry:\n  " + axon + "\n  "
                        + plain);
            }
        }
    }

    private void header(String url) throws SQLException {
        report.line("Marelle append-path benchmark");
        report.line("date        " + ZonedDateTime.now(ZoneId.systemDefault())
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        if (!options.label.isBlank()) {
            report.line("label       " + options.label);
        }
        report.line("machine     " + Runtime.getRuntime().availableProcessors() + " CPUs (nproc), "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB max heap, load average at start "
                + Machine.loadAverage() + " (shared machine: expect noise)");
        report.line("java        " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")");
        report.line("postgresql  " + queryString("SELECT version()") + "; synchronous_commit="
                + queryString("SHOW synchronous_commit") + ", fsync=" + queryString("SHOW fsync")
                + ", shared_buffers=" + queryString("SHOW shared_buffers") + ", commit_delay="
                + queryString("SHOW commit_delay"));
        var env = context.getEnvironment();
        report.line("jdbc        " + url.replaceAll("^.*//[^/]+/", "…/") + "; Hikari maximum-pool-size="
                + env.getProperty("spring.datasource.hikari.maximum-pool-size") + ", minimum-idle="
                + env.getProperty("spring.datasource.hikari.minimum-idle", "(= max)") + ", same pool for both paths");
        boolean axonTimeouts = env.getProperty("axon.timeout.enabled", Boolean.class, true);
        boolean platformTimeLimits = env.getProperty("marelle.time-limits.enabled", Boolean.class, true);
        report.line("axon        unit-of-work time limits " + (platformTimeLimits ? "by the platform's watchdog"
                + (axonTimeouts ? " and by Axon" : "") : axonTimeouts ? "by Axon" : "off")
                + (axonTimeouts ? " (Axon's handler timeouts: commands " + env.getProperty(
                "axon.timeout.handler.commands.timeout-ms", "default") + " ms, events " + env.getProperty(
                "axon.timeout.handler.events.timeout-ms", "default") + " ms)" : "") + "; micrometer monitors " + (env.getProperty(
                "axon.metrics.auto-configuration.enabled", Boolean.class, true) ? (env.getProperty(
                "axon.metrics.micrometer.dimensional", Boolean.class, false) ? "dimensional" : "not dimensional")
                : "off") + "; pgjdbc reWriteBatchedInserts=" + reWriteBatchedInserts());
        if (!options.overrides.isEmpty()) {
            report.line("overrides   " + String.join(" ", options.overrides));
        }
        report.line("cells       " + options.duration.toSeconds() + " s each, measured in " + options.rounds
                + " slices of " + options.duration.dividedBy(options.rounds).toMillis() + " ms taking turns with the "
                + "other modes, after " + options.warmup.toSeconds() + " s of warm-up; tables truncated and CHECKPOINT "
                + "before each slice; clients " + options.clients);
        report.line("axon path   new aggregate per command (no load, no contention), commandGateway.sendAndWait inside "
                + "ActorContext.runAs (audit metadata), platform's JDBC storage engine, Jackson, Spring transaction");
        report.line("baseline    " + PLAIN_TABLE + ": identical columns, types, constraints and indexes, same "
                + "database; it writes the audit columns (family, correlation) as plain values and no hash, while the "
                + "Axon path computes them and the hash chain (SHA-256 over the previous hash and the row; in the "
                + "append statement for a new stream, else in the store's insert trigger): the ratio includes their "
                + "cost");
        report.line("");
    }

    private boolean reWriteBatchedInserts() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return c.unwrap(BaseConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled();
        }
    }

    private void warmUp() throws Exception {
        log("warm-up " + options.warmup.toSeconds() + " s");
        // Axon first, so that the baseline can copy the size of a stored event
        List<Mode> order = new ArrayList<>(List.of(Mode.AXON_1, Mode.AXON_20));
        options.modes.stream().filter(m -> !order.contains(m)).forEach(order::add);
        Duration slice = options.warmup.dividedBy(order.size() + 2);
        for (Mode mode : order) {
            if (mode == Mode.AXON_20) {
                template = captureTemplate();
            }
            Duration length = mode.axon() ? slice.multipliedBy(2) : slice;
            Cell cell = measure(mode, 4, length.isZero() ? Duration.ofSeconds(1) : length);
            if (cell.errors > 0) {
                throw new IllegalStateException(mode.label + " fails: " + cell.firstError);
            }
        }
        report.format("event size  payload %d B, metadata %d B (%s rev %s); the baseline "
                        + "inserts rows with these exact bytes",
                template.payload.length, template.metaData.length, template.payloadType, template.payloadRevision);
        report.line("");
        if (options.jdbcTiming) {
            JdbcTiming.snapshotAndReset();
        }
    }

    private EventTemplate captureTemplate() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT type, payload_type, payload_revision, payload, "
                     + "meta_data, family_id, correlation_id FROM domain_event_entry WHERE payload_type = ? ORDER BY global_index DESC LIMIT 1")) {
            ps.setString(1, BookingStream.DayPlanned.class.getName());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no Axon event stored during the warm-up");
                }
                return new EventTemplate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4),
                        rs.getBytes(5), rs.getString(6), rs.getString(7));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // measuring

    private Cell measure(Mode mode, int clients, Duration duration) throws Exception {
        sql("TRUNCATE domain_event_entry, snapshot_event_entry, " + PLAIN_TABLE);
        sql("CHECKPOINT");
        long walBefore = walPosition();
        CpuMeter.Sample cpuBefore = cpu.sample();
        if (options.jdbcTiming) {
            JdbcTiming.snapshotAndReset();
        }
        Histogram[] histograms = new Histogram[clients];
        long[] operations = new long[clients];
        long[] errors = new long[clients];
        long[] finished = new long[clients];
        AtomicLong start = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        CyclicBarrier go = new CyclicBarrier(clients, () -> start.set(System.nanoTime()));
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int client = i;
            histograms[i] = new Histogram(3);
            Thread thread = new Thread(() -> {
                try {
                    Operation operation = operation(mode, client);
                    go.await();
                    long end = start.get() + duration.toNanos();
                    long now = System.nanoTime();
                    while (now < end) {
                        try {
                            operation.run();
                            long done = System.nanoTime();
                            histograms[client].recordValue(Math.max(1, (done - now) / 1000));
                            operations[client]++;
                            now = done;
                        } catch (Exception e) {
                            errors[client]++;
                            firstError.compareAndSet(null, e.toString());
                            now = System.nanoTime();
                        }
                    }
                    finished[client] = now;
                } catch (Exception e) {
                    firstError.compareAndSet(null, "client set-up: " + e);
                    errors[client]++;
                }
            }, "bench-client-" + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        CpuMeter.Usage usage = CpuMeter.between(cpuBefore, cpu.sample());
        long last = Arrays.stream(finished).max().orElse(start.get());
        Histogram all = new Histogram(3);
        for (Histogram h : histograms) {
            all.add(h);
        }
        Map<String, long[]> jdbc = options.jdbcTiming ? JdbcTiming.snapshotAndReset() : Map.of();
        long walBytes = walPosition() - walBefore;
        String table = mode.axon() ? "domain_event_entry" : PLAIN_TABLE;
        long rows = queryLong("SELECT count(*) FROM " + table);
        long ops = Arrays.stream(operations).sum();
        long setupRows = mode == Mode.AXON_1_EXISTING || mode == Mode.AXON_1_EXISTING_CACHED ? clients : 0;
        if (rows != ops * mode.events + setupRows) {
            throw new IllegalStateException(mode.label + ": " + rows + " rows stored for " + ops + " operations of "
                    + mode.events + " events");
        }
        return new Cell(mode, clients, ops, Arrays.stream(errors).sum(), Math.max(1, last - start.get()) / 1e9, all,
                rows, walBytes, jdbc, firstError.get(), usage);
    }

    /** Creates what a client needs (its actor, its aggregate for the existing-aggregate modes) and its operation. */
    private Operation operation(Mode mode, int client) throws Exception {
        String familyId = UUID.randomUUID().toString();
        String childId = UUID.randomUUID().toString();
        Actor actor = new Actor("parent-" + familyId.substring(0, 8), Role.PARENT, familyId, "203.0.113.7");
        LocalDate day = LocalDate.of(2025, 9, 1);
        return switch (mode) {
            case PLAIN -> () -> plainInserts(1, false);
            case PLAIN_TX -> () -> plainInserts(1, true);
            case PLAIN_BATCH_20 -> () -> plainInserts(20, true);
            case AXON_1, AXON_20 -> () -> ActorContext.runAs(actor, "bench-" + UUID.randomUUID(), () ->
                    commands.sendAndWait(new BookingStream.PlanDays(UUID.randomUUID().toString(), childId, familyId,
                            "CANTINE", day, mode.events, 495L)));
            case AXON_1_EXISTING -> {
                String streamId = UUID.randomUUID().toString();
                ActorContext.runAs(actor, "bench-open", () ->
                        commands.sendAndWait(new ExistingStream.Open(streamId, childId, familyId)));
                yield () -> ActorContext.runAs(actor, "bench-" + UUID.randomUUID(), () -> commands.sendAndWait(
                        new ExistingStream.PlanDay(streamId, childId, familyId, "CANTINE", day, 1, 495L)));
            }
            case AXON_1_EXISTING_CACHED -> {
                String streamId = UUID.randomUUID().toString();
                ActorContext.runAs(actor, "bench-open", () ->
                        commands.sendAndWait(new CachedBookingStream.OpenCached(streamId, childId, familyId)));
                yield () -> ActorContext.runAs(actor, "bench-" + UUID.randomUUID(), () -> commands.sendAndWait(
                        new CachedBookingStream.PlanDayCached(streamId, childId, familyId, "CANTINE", day, 1, 495L)));
            }
        };
    }

    /**
     * The baseline: rows of the same size as Axon's into the identical table, through the same pool; one row per
     * transaction (autocommit, or an explicit commit as Spring's transaction manager does), or a batch of rows.
     */
    private void plainInserts(int rows, boolean explicitTransaction) throws SQLException {
        String aggregate = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection()) {
            if (explicitTransaction) {
                c.setAutoCommit(false);
            }
            try (PreparedStatement ps = c.prepareStatement(INSERT_PLAIN)) {
                for (int i = 0; i < rows; i++) {
                    ps.setString(1, UUID.randomUUID().toString());
                    ps.setString(2, DateTimeUtils.formatInstant(Instant.now()));
                    ps.setString(3, template.payloadType);
                    ps.setString(4, template.payloadRevision);
                    ps.setBytes(5, template.payload);
                    ps.setBytes(6, template.metaData);
                    ps.setString(7, template.type);
                    ps.setString(8, aggregate);
                    ps.setLong(9, i);
                    ps.setString(10, template.familyId);
                    ps.setString(11, template.correlationId);
                    if (rows == 1) {
                        ps.executeUpdate();
                    } else {
                        ps.addBatch();
                    }
                }
                if (rows > 1) {
                    ps.executeBatch();
                }
            }
            if (explicitTransaction) {
                c.commit();
                c.setAutoCommit(true);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // results

    private void results(List<Cell> cells) {
        report.format("%-24s %7s %11s %11s %9s %9s %8s %9s", "mode", "clients", "events/s",
                "commands/s", "p50 ms", "p99 ms", "errors", "WAL B/ev");
        for (Cell c : cells) {
            report.format("%-24s %7d %11.0f %11.0f %9.2f %9.2f %8d %9.0f", c.mode.label,
                    c.clients, c.eventsPerSecond(), c.operationsPerSecond(), c.p50(), c.p99(), c.errors,
                    (double) c.walBytes / Math.max(1, c.rows));
        }
        report.line("(commands/s = transactions/s for the baseline; WAL B/ev is server-wide WAL per stored row: other "
                + "databases' writes inflate it)");
        report.line("");
        report.format("CPU per event, µs (JVM = this benchmark's JVM, PG = PostgreSQL processes of "
                + "this database and the server's auxiliary ones); machine = all %d CPUs busy, others = CPU used by "
                + "other processes", Runtime.getRuntime().availableProcessors());
        report.format("%-24s %7s %9s %9s %9s %10s %9s", "mode", "clients", "JVM µs", "PG µs",
                "sum µs", "machine %", "others %");
        for (Cell c : cells) {
            CpuMeter.Usage u = c.cpu;
            double capacity = Math.max(1e-9, u.wallCapacitySeconds());
            report.format("%-24s %7d %9.1f %9.1f %9.1f %10.0f %9.0f", c.mode.label, c.clients,
                    u.jvmSeconds() * 1e6 / c.events(), u.postgresSeconds() * 1e6 / c.events(),
                    (u.jvmSeconds() + u.postgresSeconds()) * 1e6 / c.events(),
                    100 * (u.jvmSeconds() + u.postgresSeconds() + u.othersSeconds()) / capacity,
                    100 * u.othersSeconds() / capacity);
        }
        report.line("");
        report.line("Ratios (events/s over plain-insert events/s at the same client count):");
        List<String> cpuRows = new ArrayList<>();
        for (int clients : options.clients) {
            Cell plain = find(cells, Mode.PLAIN, clients);
            if (plain == null) {
                continue;
            }
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  C=%-3d", clients));
            StringBuilder cpuRow = new StringBuilder(String.format(Locale.ROOT, "  C=%-3d", clients));
            for (Mode mode : options.modes) {
                Cell cell = find(cells, mode, clients);
                if (cell == null || mode == Mode.PLAIN) {
                    continue;
                }
                double ratio = cell.eventsPerSecond() / plain.eventsPerSecond();
                String aim = mode == Mode.AXON_1 ? (ratio >= 0.5 ? " (aim >= 0.50: met)" : " (aim >= 0.50: MISSED)")
                        : mode == Mode.AXON_20 ? (ratio > 1.0 ? " (aim > 1.00: met)" : " (aim > 1.00: MISSED)") : "";
                row.append(String.format(Locale.ROOT, "  %s %.2f%s", mode.label, ratio, aim));
                cpuRow.append(String.format(Locale.ROOT, "  %s %.2f", mode.label,
                        cpuPerEvent(plain) / cpuPerEvent(cell)));
            }
            report.line(row.toString());
            cpuRows.add(cpuRow.toString());
        }
        report.line("");
        report.line("The same ratios from CPU cost (plain-insert CPU µs per event over the mode's; what the events/s "
                + "ratio tends to when the CPUs are saturated, and far less sensitive to other people's load):");
        cpuRows.forEach(report::line);
        report.line("");
        report.line("Modes:");
        for (Mode mode : options.modes) {
            report.format("  %-24s %s", mode.label, mode.description);
        }
        if (options.jdbcTiming) {
            report.line("");
            report.line("JDBC calls per operation (count, mean µs; diagnostic mode adds a proxy to every call):");
            for (Cell c : cells) {
                double total = c.latencyMicros.getMean() * c.operations;
                double inJdbc = 0;
                StringBuilder detail = new StringBuilder();
                for (var e : c.jdbc.entrySet()) {
                    long[] v = e.getValue();
                    if (v[0] < c.operations / 100) {
                        continue; // the benchmark's own queries between slices (CPU sampling, row counts)
                    }
                    inJdbc += v[1] / 1000.0;
                    detail.append(String.format(Locale.ROOT, "%n      %6.2f x %8.1f µs  %s", (double) v[0] / c.operations,
                            v[1] / 1000.0 / v[0], e.getKey()));
                }
                report.format("  %s C=%d: mean %.0f µs per operation, of which %.0f µs in JDBC "
                                + "calls, %.0f µs elsewhere (framework, JSON, waiting for a CPU)%s", c.mode.label,
                        c.clients, c.latencyMicros.getMean(), inJdbc / c.operations, (total - inJdbc) / c.operations,
                        detail);
            }
        }
        double noisiest = cells.stream().mapToDouble(c -> c.cpu.othersSeconds() / Math.max(1e-9,
                c.cpu.wallCapacitySeconds())).max().orElse(0);
        if (noisiest > 0.25) {
            report.line("");
            report.format("NOTE: other processes used up to %.0f%% of the machine during a cell: "
                    + "events/s and their ratios are disturbed; the CPU-cost ratios much less so.", 100 * noisiest);
        }
        report.line("");
        report.line("load average at end " + Machine.loadAverage() + "; run took "
                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
    }

    private static double cpuPerEvent(Cell c) {
        return (c.cpu.jvmSeconds() + c.cpu.postgresSeconds()) / Math.max(1, c.events());
    }

    private static Cell find(List<Cell> cells, Mode mode, int clients) {
        return cells.stream().filter(c -> c.mode == mode && c.clients == clients).findFirst().orElse(null);
    }

    private void write() throws IOException {
        if (options.out == null) {
            return;
        }
        Path out = Path.of(options.out);
        report.writeTo(out);
        log("written to " + out);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // helpers

    private static void log(String text) {
        System.err.println("[append-path] " + text);
    }

    private long walPosition() throws SQLException {
        return queryLong("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn");
    }

    private void sql(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long queryLong(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String queryString(String sql, String... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return String.valueOf(rs.getString(1));
            }
        }
    }

    /** Command-line options; see {@code bench/append-path.sh --help}. */
    static final class Options {
        Duration duration = Duration.ofSeconds(12);
        int rounds = 6;
        Duration warmup = Duration.ofSeconds(20);
        List<Integer> clients = List.of(1, 4, 16);
        List<Mode> modes = List.of(Mode.PLAIN, Mode.AXON_1, Mode.PLAIN_TX, Mode.AXON_20, Mode.PLAIN_BATCH_20);
        List<String> overrides = new ArrayList<>();
        String urlParams = "";
        String out;
        String label = "";
        boolean jdbcTiming;
        boolean keepDatabase;

        static Options parse(String[] args) {
            Options o = new Options();
            for (String arg : args) {
                String key = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
                switch (key) {
                    case "--duration" -> o.duration = seconds(value);
                    case "--warmup" -> o.warmup = seconds(value);
                    case "--rounds" -> o.rounds = Integer.parseInt(value);
                    case "--clients" -> o.clients = Arrays.stream(value.split(",")).map(String::trim)
                            .map(Integer::parseInt).toList();
                    case "--modes" -> o.modes = Arrays.stream(value.split(",")).map(String::trim).map(Mode::of)
                            .toList();
                    case "--set" -> {
                        if (!value.contains("=")) {
                            throw new IllegalArgumentException("--set needs property=value");
                        }
                        o.overrides.add(value);
                    }
                    case "--url-params" -> o.urlParams = value;
                    case "--out" -> o.out = value;
                    case "--label" -> o.label = value;
                    case "--jdbc-timing" -> o.jdbcTiming = true;
                    case "--keep-database" -> o.keepDatabase = true;
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            return o;
        }

        private static Duration seconds(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            return v.endsWith("ms") ? Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)))
                    : Duration.ofSeconds(Long.parseLong(v.endsWith("s") ? v.substring(0, v.length() - 1) : v));
        }
    }
}
