package fr.marelle.benchmarks.wallet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.marelle.benchmarks.support.Db;
import fr.marelle.benchmarks.support.IntegrationRecords;
import fr.marelle.benchmarks.support.Machine;
import fr.marelle.benchmarks.support.Report;
import fr.marelle.benchmarks.support.ServiceProcess;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
        Report report = Report.quiet();
        String walletUrl = TestDatabases.create("bench_settlement");
        String plainUrl = TestDatabases.create("bench_settlement_plain");
        EmbeddedKafkaKraftBroker kafka = TestKafka.startBroker(0);
        ServiceProcess service = null;
        boolean failed = false;
        try {
            report.line("Settlement benchmark — " + options.label() + " — " + Report.parisNow());
            report.format("machine: %d cores (shared), load average at start %s; "
                            + "%d attendances a day, %d families, %d rounds each, wallet-service -Xmx%s, "
                            + "%d Kafka listeners (3 partitions); baseline with as many consumer threads",
                    Runtime.getRuntime().availableProcessors(), Machine.loadAverage(), options.attendances(),
                    options.families(), options.rounds(), options.heap(), options.listeners());

            String[] keys = PemKeys.generate();
            service = ServiceProcess.builder("wallet-service", options.jar())
                    .heap(options.heap())
                    .javaOptionsFrom("WALLET_JAVA_OPTS") // e.g. a JFR recording
                    .logBeside(Path.of(options.out()))
                    .platform(walletUrl, kafka.getBrokersAsString(), keys[0])
                    .env("MARELLE_WALLET_LISTENERS", Integer.toString(options.listeners()))
                    // no card payment in this benchmark: no provider to reach
                    .env("MARELLE_WALLET_PAYMENTS_PROVIDER", "none")
                    .start();
            service.awaitHealthy();

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
            credit(service, tokens, families);
            try (Connection plain = Db.connect(plainUrl)) {
                PlainSettlement.createSchema(plain);
                PlainSettlement.credit(plain, families);
            }
            report.format("setup: %d of the %d families paid 0 to 60 € at the town hall "
                            + "(recorded through wallet-service's API in %.1f s, not measured)",
                    families.stream().filter(f -> f.initialCents() > 0).count(), families.size(),
                    Report.seconds(creditsStart));

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
                    rounds.add(walletRound(r, serviceDay, producer, walletUrl, service, walletTopic));
                    rounds.add(plainRound(r, plainDay, producer, plainUrl, plainConsumer));
                }
            } finally {
                plainConsumer.close();
                walletTopic.close();
            }

            // --- checks: every charge debited once, balances = credits − debits, nothing dead-lettered
            Checks checks = check(walletUrl, plainUrl, walletSetup, plainSetup, kafka.getBrokersAsString());

            report.line("");
            report.format("%-44s %5s %9s %9s %10s %10s %10s %8s %8s %6s", "",
                    "round", "debits", "debits/s", "committed", "up to date", "on Kafka", "app CPU",
                    "PG CPU", "busy");
            for (Round round : rounds) {
                report.format("%-44s %5d %9d %9.0f %9.1fs %9.1fs %10s %7.1fs %7.1fs %5.0f%%",
                        round.what(), round.round(), round.charges(), round.debitsPerSecond(),
                        round.committedSeconds(), round.upToDateSeconds(),
                        round.publishedSeconds() > 0 ? String.format(Locale.ROOT, "%.1fs", round.publishedSeconds())
                                : "—", round.serviceCpuSeconds(), round.postgresCpuSeconds(), round.machineBusy());
            }
            report.line("(measured from the first record published; publishing the day's records took "
                    + rounds.stream().map(r -> String.format(Locale.ROOT, "%.2f", r.publishSeconds()))
                    .toList() + " s; app CPU = wallet-service's process, or this JVM for the baseline)");
            Round bestService = rounds.stream().filter(r -> r.what().startsWith("wallet"))
                    .min(java.util.Comparator.comparingDouble(Round::upToDateSeconds)).orElseThrow();
            Round bestPlain = rounds.stream().filter(r -> r.what().startsWith("baseline"))
                    .min(java.util.Comparator.comparingDouble(Round::upToDateSeconds)).orElseThrow();
            report.line("");
            report.format("best rounds: wallet-service %.0f debits/s, every wallet up to "
                            + "date %.1f s after the first record; baseline %.0f debits/s (%.1f s); ratio %.2f",
                    bestService.debitsPerSecond(), bestService.upToDateSeconds(), bestPlain.debitsPerSecond(),
                    bestPlain.upToDateSeconds(), bestService.debitsPerSecond() / bestPlain.debitsPerSecond());
            report.line("checks: " + checks);
            if (!checks.ok()) {
                report.line("CHECKS FAILED");
            }
            System.out.print(report.text());
            report.writeTo(Path.of(options.out()));
            System.out.println("(written to " + options.out() + "; service log " + service.log() + ")");
            producer.close();
            failed = !checks.ok();
        } finally {
            if (service != null) {
                service.close();
            }
            kafka.destroy();
            if (!options.keepDatabase()) {
                TestDatabases.drop(Db.nameOf(walletUrl));
                TestDatabases.drop(Db.nameOf(plainUrl));
            }
        }
        if (failed) {
            System.exit(1); // after the service, the broker and the databases are gone
        }
    }

    // ------------------------------------------------------------------------------------------------ rounds

    static Round walletRound(int r, Day day, KafkaProducer<String, byte[]> producer, String walletUrl,
                             ServiceProcess service, WalletTopic walletTopic) throws Exception {
        try (Connection c = Db.connect(walletUrl)) {
            // the day's orders first: the charges are "à venir" before they are settled (not measured)
            publishOrders(producer, "marelle.billing", day);
            awaitCount(c, "SELECT count(*) FROM rm_wallet_reservation WHERE service_date = ?", day.date(),
                    day.charges(), Duration.ofMinutes(10), "reservations of " + day.date());
            long startIndex = Db.single(c, "SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
            walletTopic.expect(day.prefix(), day.charges());
            long cpuBefore = service.cpuTicks();
            Map<Integer, Long> pgBefore = Machine.postgresTicks(c);
            Machine.Ticks machineBefore = Machine.ticks();
            Instant start = Instant.now();
            publishSettlement(producer, "marelle.billing", day);
            double publish = Report.seconds(start);
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
                        if (Db.single(debits) >= day.charges()) {
                            committed = Report.seconds(start);
                        }
                    }
                    if (upToDate < 0) {
                        view.setObject(1, day.date());
                        view.setObject(2, day.date());
                        try (ResultSet rs = view.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) >= day.charges() && rs.getLong(2) == 0) {
                                upToDate = Report.seconds(start);
                            }
                        }
                    }
                }
            }
            double published = walletTopic.await(day.prefix(), start, Duration.ofMinutes(5));
            double cpu = Machine.seconds(service.cpuTicks() - cpuBefore);
            double pg = Machine.seconds(Machine.ticksBetween(pgBefore, Machine.postgresTicks(c)));
            double busy = Machine.ticks().busyPercentSince(machineBefore);
            return new Round("wallet-service (Axon, event store, read models)", r, publish, committed, upToDate,
                    published, cpu, pg, busy, day.charges());
        }
    }

    static Round plainRound(int r, Day day, KafkaProducer<String, byte[]> producer, String plainUrl,
                            PlainSettlement consumer) throws Exception {
        try (Connection c = Db.connect(plainUrl)) {
            PlainSettlement.reserve(c, day);
            long cpuBefore = Machine.jvmCpuNanos();
            Map<Integer, Long> pgBefore = Machine.postgresTicks(c);
            Machine.Ticks machineBefore = Machine.ticks();
            Instant start = Instant.now();
            publishSettlement(producer, PLAIN_TOPIC, day);
            double publish = Report.seconds(start);
            awaitCount(c, "SELECT count(*) FROM plain_settled WHERE service_date = ?", day.date(), day.charges(),
                    Duration.ofMinutes(20), "baseline settlement of " + day.date());
            double done = Report.seconds(start);
            double cpu = (Machine.jvmCpuNanos() - cpuBefore) / 1e9;
            double pg = Machine.seconds(Machine.ticksBetween(pgBefore, Machine.postgresTicks(c)));
            return new Round("baseline (plain JDBC consumer, same records)", r, publish, done, done, -1, cpu, pg,
                    Machine.ticks().busyPercentSince(machineBefore), day.charges());
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
        return IntegrationRecords.record(topic, key, type, "billing-service", JSON.writeValueAsBytes(payload));
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

    /** Each family's first cash payment, recorded by finance staff through wallet-service's API (4 at a time). */
    static void credit(ServiceProcess service, ServiceTokenIssuer tokens, List<Family> families) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Actor finance = new Actor("bench-finance", Role.FINANCE, null, "127.0.0.1");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (Family family : families) {
                if (family.initialCents() == 0) {
                    continue;
                }
                answers.add(pool.submit(() -> http.send(HttpRequest.newBuilder(URI.create(service.baseUrl()
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
        try (Connection c = Db.connect(walletUrl)) {
            walletDebits = Db.single(c, "SELECT count(*) FROM domain_event_entry WHERE payload_type = "
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
        try (Connection c = Db.connect(plainUrl)) {
            plainDebits = Db.single(c, "SELECT count(*) FROM plain_settled");
            plainBalances = Db.single(c, "SELECT coalesce(sum(main_cents + cesu_cents), 0) FROM plain_wallet")
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

    static void awaitCount(Connection c, String sql, LocalDate date, long wanted, Duration timeout, String what)
            throws Exception {
        if (Db.awaitCount(c, sql, wanted, timeout, Duration.ofMillis(100), date) < wanted) {
            throw new IllegalStateException(what + ": not done after " + timeout);
        }
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
