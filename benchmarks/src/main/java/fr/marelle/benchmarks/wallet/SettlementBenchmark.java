package fr.marelle.benchmarks.wallet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.marelle.contracts.billing.ChargesSettled;
import fr.marelle.contracts.billing.OrderPlaced;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.integration.IntegrationHeaders;
import fr.marelle.platform.security.PemKeys;
import fr.marelle.platform.security.ServiceTokenIssuer;
import fr.marelle.platform.security.ServiceTokenProperties;
import fr.marelle.platform.test.TestDatabases;
import fr.marelle.platform.test.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The evening settlement of a day's attendances (DESIGN §6): billing publishes one {@code ChargesSettled} per family
 * and service-day, and wallet-service — its jar as a separate process, on a new database, with an embedded broker —
 * debits each charge once, CESU first where it may pay, publishes a {@code WalletDebited} per charge and the alerts,
 * and updates its read models. Measured from the first record published: debits committed per second, the time until
 * every wallet's read model is up to date, the time until every debit is on Kafka.
 *
 * <p>Baseline, in the same run, alternating with the service's rounds: the smallest correct consumer of the same
 * records — plain JDBC in this JVM on a database of its own, idempotent (a processed-message row), a charge debited
 * at most once (a settled-charge row), balances updated in place — with as many consumer threads as wallet-service has
 * listeners. Started by {@code bench/settlement.sh}; see {@code benchmarks/README.md}.
 */
public final class SettlementBenchmark {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String PLAIN_TOPIC = "bench.plain.billing";

    record Options(int attendances, int families, int listeners, int rounds, String heap, long seed,
                   boolean keepDatabase, String out, String label, Path jar) {
    }

    /** A service of the day and what one attendance costs. */
    record Service(String id, long cents, boolean cesuAlways, boolean cesuUnderSix) {
    }

    static final List<Service> SERVICES = List.of(
            new Service("canteen", 380, false, false),
            new Service("morning-daycare", 190, true, false),
            new Service("evening-daycare", 250, true, false),
            new Service("leisure-centre", 1_200, false, true));

    record Family(String id, List<Boolean> childUnderSix, long initialCents) {
    }

    /** The settlement of one day: one message per family and service, each with its children's charges. */
    record Day(LocalDate date, String prefix, List<ChargesSettled> messages, int charges, long totalCents) {
    }

    record Round(String what, int round, double publishSeconds, double committedSeconds, double upToDateSeconds,
                 double publishedSeconds, double serviceCpuSeconds, double postgresCpuSeconds, double machineBusy,
                 int charges) {

        double debitsPerSecond() {
            return charges / committedSeconds;
        }
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Options options = parse(args);
        StringBuilder report = new StringBuilder();
        String walletUrl = TestDatabases.create("bench_settlement");
        String plainUrl = TestDatabases.create("bench_settlement_plain");
        EmbeddedKafkaKraftBroker kafka = TestKafka.startBroker(0);
        Process service = null;
        try {
            line(report, "Settlement benchmark — " + options.label() + " — " + LocalDateTime.now(PARIS)
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + " (Paris)");
            line(report, String.format(Locale.ROOT, "machine: %d cores (shared), load average at start %s; "
                            + "%d attendances a day, %d families, %d rounds each, wallet-service -Xmx%s, "
                            + "%d Kafka listeners (3 partitions); baseline with as many consumer threads",
                    Runtime.getRuntime().availableProcessors(), loadAverage(), options.attendances(),
                    options.families(), options.rounds(), options.heap(), options.listeners()));

            String[] keys = PemKeys.generate();
            int port = freePort();
            Path log = Path.of(options.out()).resolveSibling(Path.of(options.out()).getFileName().toString()
                    .replace(".txt", "-wallet-service.log"));
            service = startService(options, walletUrl, kafka.getBrokersAsString(), keys[0], port, log);
            awaitHealthy(port, service, log);

            Random random = new Random(options.seed());
            List<Family> families = families(options, random);
            KafkaProducer<String, byte[]> producer = producer(kafka.getBrokersAsString());
            Setup walletSetup = new Setup(families);
            Setup plainSetup = new Setup(families);

            // --- initial balances: what each family paid at the town hall (through the API, as the console does)
            ServiceTokenProperties tokenProperties = new ServiceTokenProperties();
            tokenProperties.setPrivateKey(keys[1]);
            ServiceTokenIssuer tokens = new ServiceTokenIssuer(tokenProperties, Clock.systemUTC());
            Instant creditsStart = Instant.now();
            credit(port, tokens, families);
            try (Connection plain = connect(plainUrl)) {
                PlainSettlement.createSchema(plain);
                PlainSettlement.credit(plain, families);
            }
            line(report, String.format(Locale.ROOT, "setup: %d of the %d families paid 0 to 60 € at the town hall "
                            + "(recorded through wallet-service's API in %.1f s, not measured)",
                    families.stream().filter(f -> f.initialCents() > 0).count(), families.size(),
                    seconds(creditsStart)));

            PlainSettlement plainConsumer = new PlainSettlement(plainUrl, kafka.getBrokersAsString(),
                    options.listeners());
            WalletTopic walletTopic = new WalletTopic(kafka.getBrokersAsString());
            List<Round> rounds = new ArrayList<>();
            try {
                for (int r = 1; r <= options.rounds(); r++) {
                    Day serviceDay = walletSetup.day(LocalDate.of(2026, 9, 1).plusDays(2L * r), "s" + r, options,
                            random);
                    Day plainDay = plainSetup.day(LocalDate.of(2026, 9, 2).plusDays(2L * r), "p" + r, options,
                            random);
                    rounds.add(walletRound(r, serviceDay, producer, walletUrl, service, walletTopic, report));
                    rounds.add(plainRound(r, plainDay, producer, plainUrl, plainConsumer));
                }
            } finally {
                plainConsumer.close();
                walletTopic.close();
            }

            // --- checks: every charge debited once, balances = credits − debits, nothing dead-lettered
            Checks checks = check(walletUrl, plainUrl, walletSetup, plainSetup, kafka.getBrokersAsString());

            line(report, "");
            line(report, String.format(Locale.ROOT, "%-44s %5s %9s %9s %10s %10s %10s %8s %8s %6s", "",
                    "round", "debits", "debits/s", "committed", "up to date", "on Kafka", "app CPU",
                    "PG CPU", "busy"));
            for (Round round : rounds) {
                line(report, String.format(Locale.ROOT, "%-44s %5d %9d %9.0f %9.1fs %9.1fs %10s %7.1fs %7.1fs %5.0f%%",
                        round.what(), round.round(), round.charges(), round.debitsPerSecond(),
                        round.committedSeconds(), round.upToDateSeconds(),
                        round.publishedSeconds() > 0 ? String.format(Locale.ROOT, "%.1fs", round.publishedSeconds())
                                : "—", round.serviceCpuSeconds(), round.postgresCpuSeconds(), round.machineBusy()));
            }
            line(report, "(measured from the first record published; publishing the day's records took "
                    + rounds.stream().map(r -> String.format(Locale.ROOT, "%.2f", r.publishSeconds()))
                    .toList() + " s; app CPU = wallet-service's process, or this JVM for the baseline)");
            Round bestService = rounds.stream().filter(r -> r.what().startsWith("wallet"))
                    .min(java.util.Comparator.comparingDouble(Round::upToDateSeconds)).orElseThrow();
            Round bestPlain = rounds.stream().filter(r -> r.what().startsWith("baseline"))
                    .min(java.util.Comparator.comparingDouble(Round::upToDateSeconds)).orElseThrow();
            line(report, "");
            line(report, String.format(Locale.ROOT, "best rounds: wallet-service %.0f debits/s, every wallet up to "
                            + "date %.1f s after the first record; baseline %.0f debits/s (%.1f s); ratio %.2f",
                    bestService.debitsPerSecond(), bestService.upToDateSeconds(), bestPlain.debitsPerSecond(),
                    bestPlain.upToDateSeconds(), bestService.debitsPerSecond() / bestPlain.debitsPerSecond()));
            line(report, "checks: " + checks);
            if (!checks.ok()) {
                line(report, "CHECKS FAILED");
            }
            System.out.print(report);
            Files.createDirectories(Path.of(options.out()).toAbsolutePath().getParent());
            Files.writeString(Path.of(options.out()), report.toString());
            System.out.println("(written to " + options.out() + "; service log " + log + ")");
            producer.close();
            if (!checks.ok()) {
                System.exit(1);
            }
        } finally {
            if (service != null) {
                service.destroy();
                if (!service.waitFor(30, TimeUnit.SECONDS)) {
                    service.destroyForcibly();
                }
            }
            kafka.destroy();
            if (!options.keepDatabase()) {
                TestDatabases.drop(databaseOf(walletUrl));
                TestDatabases.drop(databaseOf(plainUrl));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ rounds

    static Round walletRound(int r, Day day, KafkaProducer<String, byte[]> producer, String walletUrl,
                             Process service, WalletTopic walletTopic, StringBuilder report) throws Exception {
        try (Connection c = connect(walletUrl)) {
            // the day's orders first: the charges are "à venir" before they are settled (not measured)
            publishOrders(producer, "marelle.billing", day);
            awaitCount(c, "SELECT count(*) FROM rm_wallet_reservation WHERE service_date = ?", day.date(),
                    day.charges(), Duration.ofMinutes(10), "reservations of " + day.date());
            long startIndex = single(c, "SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
            walletTopic.expect(day.prefix(), day.charges());
            long cpuBefore = processCpuTicks(service.pid());
            Map<Integer, Long> pgBefore = postgresTicks(c);
            long[] machineBefore = machineTicks();
            Instant start = Instant.now();
            publishSettlement(producer, "marelle.billing", day);
            double publish = seconds(start);
            double committed = -1;
            double upToDate = -1;
            Instant deadline = start.plus(Duration.ofMinutes(20));
            try (PreparedStatement debits = c.prepareStatement("SELECT count(*) FROM domain_event_entry "
                    + "WHERE global_index > ? AND payload_type = 'fr.marelle.wallet.wallet.WalletEvents$ChargeDebited'");
                 PreparedStatement view = c.prepareStatement("SELECT (SELECT count(*) FROM rm_wallet_movement "
                         + "WHERE service_date = ?), (SELECT count(*) FROM rm_wallet_reservation WHERE service_date = ?)")) {
                while (upToDate < 0 || committed < 0) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("settlement of round " + r + " not done after 20 minutes");
                    }
                    Thread.sleep(100);
                    if (committed < 0) {
                        debits.setLong(1, startIndex);
                        if (count(debits) >= day.charges()) {
                            committed = seconds(start);
                        }
                    }
                    if (upToDate < 0) {
                        view.setObject(1, day.date());
                        view.setObject(2, day.date());
                        try (ResultSet rs = view.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) >= day.charges() && rs.getLong(2) == 0) {
                                upToDate = seconds(start);
                            }
                        }
                    }
                }
            }
            double published = walletTopic.await(day.prefix(), start, Duration.ofMinutes(5));
            double cpu = (processCpuTicks(service.pid()) - cpuBefore) / 100.0;
            double pg = postgresSeconds(pgBefore, postgresTicks(c));
            long[] machineAfter = machineTicks();
            return new Round("wallet-service (Axon, event store, read models)", r, publish, committed, upToDate,
                    published, cpu, pg, busy(machineBefore, machineAfter), day.charges());
        }
    }

    static Round plainRound(int r, Day day, KafkaProducer<String, byte[]> producer, String plainUrl,
                            PlainSettlement consumer) throws Exception {
        try (Connection c = connect(plainUrl)) {
            PlainSettlement.reserve(c, day);
            long cpuBefore = jvmCpuNanos();
            Map<Integer, Long> pgBefore = postgresTicks(c);
            long[] machineBefore = machineTicks();
            Instant start = Instant.now();
            publishSettlement(producer, PLAIN_TOPIC, day);
            double publish = seconds(start);
            awaitCount(c, "SELECT count(*) FROM plain_settled WHERE service_date = ?", day.date(), day.charges(),
                    Duration.ofMinutes(20), "baseline settlement of " + day.date());
            double done = seconds(start);
            double cpu = (jvmCpuNanos() - cpuBefore) / 1e9;
            double pg = postgresSeconds(pgBefore, postgresTicks(c));
            return new Round("baseline (plain JDBC consumer, same records)", r, publish, done, done, -1, cpu, pg,
                    busy(machineBefore, machineTicks()), day.charges());
        }
    }

    // ------------------------------------------------------------------------------------------------ the data

    static List<Family> families(Options options, Random random) {
        List<Family> families = new ArrayList<>();
        for (int i = 0; i < options.families(); i++) {
            int children = 1 + (random.nextInt(10) < 6 ? 0 : random.nextInt(10) < 7 ? 1 : 2);
            List<Boolean> underSix = new ArrayList<>();
            for (int k = 0; k < children; k++) {
                underSix.add(random.nextInt(3) == 0);
            }
            // a third of the families paid something at the town hall before
            long initial = random.nextInt(3) == 0 ? 100L * (1 + random.nextInt(60)) : 0;
            families.add(new Family(UUID.randomUUID().toString(), underSix, initial));
        }
        return families;
    }

    /** What was credited and settled, to check the balances at the end. */
    static final class Setup {
        final List<Family> families;
        final Map<String, Long> debitedPerFamily = new LinkedHashMap<>();
        int charges;
        long totalCents;

        Setup(List<Family> families) {
            this.families = families;
        }

        /**
         * A day's attendances: families in turn, each child at one to three of the day's services, until there are
         * as many attendances as asked; one message per family and service.
         */
        Day day(LocalDate date, String prefix, Options options, Random random) {
            Map<String, List<OrderPlaced.Charge>> byFamilyAndService = new LinkedHashMap<>();
            int count = 0;
            long total = 0;
            outer:
            while (true) {
                for (Family family : families) {
                    for (int child = 0; child < family.childUnderSix().size(); child++) {
                        int services = 1 + random.nextInt(3);
                        int first = random.nextInt(SERVICES.size());
                        for (int s = 0; s < services; s++) {
                            Service service = SERVICES.get((first + s) % SERVICES.size());
                            boolean cesu = service.cesuAlways() || (service.cesuUnderSix()
                                    && family.childUnderSix().get(child));
                            String childId = family.id().substring(0, 24) + String.format("%012d", child);
                            String chargeId = prefix + "-" + UUID.randomUUID();
                            byFamilyAndService.computeIfAbsent(family.id() + "|" + service.id(), k -> new ArrayList<>())
                                    .add(new OrderPlaced.Charge(chargeId, "b-" + chargeId, childId, service.id(),
                                            date, service.cents(), 1, service.cents(), cesu));
                            debitedPerFamily.merge(family.id(), service.cents(), Long::sum);
                            total += service.cents();
                            if (++count >= options.attendances()) {
                                break outer;
                            }
                        }
                    }
                }
            }
            List<ChargesSettled> messages = new ArrayList<>();
            byFamilyAndService.forEach((key, charges) -> messages.add(new ChargesSettled(key.substring(0,
                    key.indexOf('|')), charges.get(0).serviceId(), date, charges)));
            charges += count;
            totalCents += total;
            return new Day(date, prefix, messages, count, total);
        }
    }

    // ------------------------------------------------------------------------------------------------ Kafka

    static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
    }

    /** One order per family with the day's charges, as billing publishes them when the days are booked. */
    static void publishOrders(KafkaProducer<String, byte[]> producer, String topic, Day day) throws Exception {
        Map<String, List<OrderPlaced.Charge>> byFamily = new LinkedHashMap<>();
        for (ChargesSettled message : day.messages()) {
            byFamily.computeIfAbsent(message.familyId(), k -> new ArrayList<>()).addAll(message.charges());
        }
        List<Future<?>> sends = new ArrayList<>();
        for (Map.Entry<String, List<OrderPlaced.Charge>> family : byFamily.entrySet()) {
            long total = family.getValue().stream().mapToLong(OrderPlaced.Charge::amountCents).sum();
            sends.add(producer.send(record(topic, family.getKey(), OrderPlaced.TYPE.qualifiedName(),
                    new OrderPlaced(UUID.randomUUID().toString(), "CMD-" + day.prefix(), family.getKey(),
                            UUID.randomUUID().toString(), Instant.now(), family.getValue(), total))));
        }
        for (Future<?> send : sends) {
            send.get();
        }
    }

    static void publishSettlement(KafkaProducer<String, byte[]> producer, String topic, Day day) throws Exception {
        List<Future<?>> sends = new ArrayList<>();
        for (ChargesSettled message : day.messages()) {
            sends.add(producer.send(record(topic, message.familyId(), ChargesSettled.TYPE.qualifiedName(), message)));
        }
        for (Future<?> send : sends) {
            send.get();
        }
    }

    static ProducerRecord<String, byte[]> record(String topic, String key, String type, Object payload)
            throws IOException {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, JSON.writeValueAsBytes(payload));
        String eventId = UUID.randomUUID().toString();
        record.headers().add(IntegrationHeaders.EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add(IntegrationHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
        record.headers().add(IntegrationHeaders.SOURCE, "billing-service".getBytes(StandardCharsets.UTF_8));
        record.headers().add(IntegrationHeaders.OCCURRED_AT, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(IntegrationHeaders.CORRELATION_ID, ("bench-" + eventId).getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** Counts the WalletDebited records wallet-service publishes, per round (charge ids carry the round's prefix). */
    static final class WalletTopic implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final Map<String, AtomicLong> counts = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<String, Integer> expected = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<String, Instant> completedAt = new java.util.concurrent.ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        WalletTopic(String bootstrap) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
            consumer.subscribe(List.of("marelle.wallet"));
            thread = new Thread(this::run, "bench-wallet-topic");
            thread.setDaemon(true);
            thread.start();
        }

        void expect(String prefix, int charges) {
            expected.put(prefix, charges);
        }

        private void run() {
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    Header type = record.headers().lastHeader(IntegrationHeaders.EVENT_TYPE);
                    if (type == null || !new String(type.value(), StandardCharsets.UTF_8)
                            .equals("wallet.WalletDebited.v1")) {
                        continue;
                    }
                    try {
                        String charge = JSON.readTree(record.value()).path("chargeId").asText();
                        String prefix = charge.substring(0, charge.indexOf('-'));
                        long seen = counts.computeIfAbsent(prefix, k -> new AtomicLong()).incrementAndGet();
                        Integer wanted = expected.get(prefix);
                        if (wanted != null && seen >= wanted) {
                            completedAt.putIfAbsent(prefix, Instant.now());
                        }
                    } catch (IOException | RuntimeException ignored) {
                        // not a benchmark debit
                    }
                }
            }
            consumer.close();
        }

        double await(String prefix, Instant start, Duration timeout) throws InterruptedException {
            Instant deadline = Instant.now().plus(timeout);
            while (!completedAt.containsKey(prefix) && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            Instant at = completedAt.get(prefix);
            return at == null ? -1 : Duration.between(start, at).toNanos() / 1e9;
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(5_000);
        }
    }

    // ------------------------------------------------------------------------------------------------ the service

    static Process startService(Options options, String url, String kafka, String publicKey, int port, Path log)
            throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xms" + options.heap(), "-Xmx" + options.heap(), "-Daxoniq.update-checker.disabled=true"));
        String extra = System.getenv("WALLET_JAVA_OPTS"); // e.g. a JFR recording
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
        env.put("MARELLE_WALLET_LISTENERS", Integer.toString(options.listeners()));
        // no card payment in this benchmark: no provider to reach
        env.put("MARELLE_WALLET_PAYMENTS_PROVIDER", "none");
        env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        env.put("MALLOC_ARENA_MAX", "2");
        return builder.start();
    }

    static void awaitHealthy(int port, Process service, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!service.isAlive()) {
                throw new IllegalStateException("wallet-service stopped; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
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
        throw new IllegalStateException("wallet-service not healthy after 3 minutes; see " + log);
    }

    /** Each family's first cash payment, recorded by finance staff through wallet-service's API (4 at a time). */
    static void credit(int port, ServiceTokenIssuer tokens, List<Family> families) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Actor finance = new Actor("bench-finance", Role.FINANCE, null, "127.0.0.1");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (Family family : families) {
                if (family.initialCents() == 0) {
                    continue;
                }
                answers.add(pool.submit(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                        + "/api/families/" + family.id() + "/wallet/payments"))
                                .header("Authorization", "Bearer " + tokens.issue(finance))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                                        "operationId", UUID.randomUUID().toString(), "method", "CASH",
                                        "amountCents", family.initialCents(), "reason", "Espèces (benchmark)"))))
                                .build(), HttpResponse.BodyHandlers.discarding()).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                if (answer.get() != 201) {
                    throw new IllegalStateException("a credit was refused: " + answer.get());
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    // ------------------------------------------------------------------------------------------------ checks

    record Checks(long walletDebits, long expectedDebits, boolean walletBalances, long plainDebits,
                  long expectedPlainDebits, boolean plainBalances, long deadLetters) {

        boolean ok() {
            return walletDebits == expectedDebits && walletBalances && plainDebits == expectedPlainDebits
                    && plainBalances && deadLetters == 0;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "wallet-service debited %d of %d charges once each, balances %s; "
                            + "baseline debited %d, balances %s; %d record(s) dead-lettered", walletDebits,
                    expectedDebits, walletBalances ? "= credits − debits for every family" : "WRONG", plainDebits,
                    plainBalances ? "= credits − debits" : "WRONG", deadLetters);
        }
    }

    static Checks check(String walletUrl, String plainUrl, Setup setup, Setup plainSetup, String bootstrap)
            throws SQLException {
        long walletDebits;
        boolean walletBalances = true;
        long plainDebits;
        boolean plainBalances;
        long expectedTotal = 0;
        for (Family f : plainSetup.families) {
            expectedTotal += f.initialCents() - plainSetup.debitedPerFamily.getOrDefault(f.id(), 0L);
        }
        try (Connection c = connect(walletUrl)) {
            walletDebits = single(c, "SELECT count(*) FROM domain_event_entry WHERE payload_type = "
                    + "'fr.marelle.wallet.wallet.WalletEvents$ChargeDebited'");
            Map<String, Long> balances = new LinkedHashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT family_id, main_balance_cents + cesu_balance_cents FROM rm_wallet")) {
                while (rs.next()) {
                    balances.put(rs.getString(1), rs.getLong(2));
                }
            }
            for (Family f : setup.families) {
                long expected = f.initialCents() - setup.debitedPerFamily.getOrDefault(f.id(), 0L);
                if (balances.getOrDefault(f.id(), 0L) != expected) {
                    walletBalances = false;
                }
            }
        }
        try (Connection c = connect(plainUrl)) {
            plainDebits = single(c, "SELECT count(*) FROM plain_settled");
            plainBalances = single(c, "SELECT coalesce(sum(main_cents + cesu_cents), 0) FROM plain_wallet")
                    == expectedTotal;
        }
        long deadLetters = 0;
        try (KafkaConsumer<String, byte[]> dlt = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-dlt-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            dlt.subscribe(List.of("marelle.billing.wallet-service.DLT"));
            for (int i = 0; i < 10; i++) {
                deadLetters += dlt.poll(Duration.ofMillis(300)).count();
            }
        }
        return new Checks(walletDebits, setup.charges, walletBalances, plainDebits, plainSetup.charges,
                plainBalances, deadLetters);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, TestDatabases.user(), TestDatabases.password());
    }

    static void awaitCount(Connection c, String sql, LocalDate date, long wanted, Duration timeout, String what)
            throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        try (PreparedStatement query = c.prepareStatement(sql)) {
            query.setObject(1, date);
            while (count(query) < wanted) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(what + ": not done after " + timeout);
                }
                Thread.sleep(100);
            }
        }
    }

    static long count(PreparedStatement query) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** CPU ticks of the PostgreSQL backends serving this database, and of the server's own processes. */
    static Map<Integer, Long> postgresTicks(Connection c) throws SQLException {
        Map<Integer, Long> ticks = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity "
                + "WHERE datname = current_database() OR datname IS NULL")) {
            while (rs.next()) {
                ticks.put(rs.getInt(1), processCpuTicks(rs.getInt(1)));
            }
        }
        return ticks;
    }

    static double postgresSeconds(Map<Integer, Long> before, Map<Integer, Long> after) {
        long ticks = 0;
        for (Map.Entry<Integer, Long> e : after.entrySet()) {
            ticks += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return ticks / 100.0;
    }

    static long processCpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static long jvmCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    static long[] machineTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            return new long[]{total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 1};
        }
    }

    static double busy(long[] before, long[] after) {
        return 100.0 * (after[0] - before[0]) / Math.max(1, after[1] - before[1]);
    }

    static String loadAverage() {
        try {
            return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toNanos() / 1e9;
    }

    static String databaseOf(String url) {
        return url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    }

    static void line(StringBuilder report, String text) {
        report.append(text).append('\n');
    }

    static Options parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unknown argument " + arg + " (see bench/settlement.sh --help)");
            }
            String[] kv = arg.substring(2).split("=", 2);
            values.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        return new Options(Integer.parseInt(values.getOrDefault("attendances", "20000")),
                Integer.parseInt(values.getOrDefault("families", "8000")),
                Integer.parseInt(values.getOrDefault("listeners", "3")),
                Integer.parseInt(values.getOrDefault("rounds", "2")), values.getOrDefault("heap", "512m"),
                Long.parseLong(values.getOrDefault("seed", "42")), values.containsKey("keep-database"),
                values.getOrDefault("out", "bench/results/settlement.txt"), values.getOrDefault("label", ""),
                Path.of(values.getOrDefault("jar", "wallet-service/target/wallet-service.jar")).toAbsolutePath());
    }
}
