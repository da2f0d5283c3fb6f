package fr.marelle.benchmarks.alerts;

import fr.marelle.benchmarks.support.CpuMeter;
import fr.marelle.benchmarks.support.Db;
import fr.marelle.benchmarks.support.IntegrationRecords;
import fr.marelle.benchmarks.support.Machine;
import fr.marelle.benchmarks.support.Report;
import fr.marelle.benchmarks.support.ServiceProcess;
import fr.marelle.platform.security.PemKeys;
import fr.marelle.platform.test.TestDatabases;
import fr.marelle.platform.test.TestKafka;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Alert-latency benchmark: how long a wallet alert takes, at 200 crossings per second, from the wallet's event to
 * the message handed to its provider — the SMS taken by the SMS gateway, the email accepted by the SMTP server —
 * through notification-service itself (its jar as a separate process, a new database, an embedded Kafka broker, the
 * real HTTP SMS adapter and SMTP client), next to a baseline measured in the same run: the raw Kafka publish →
 * consume latency at the same rate on the same broker. Started by {@code bench/alerts.sh}; see
 * {@code benchmarks/README.md}.
 *
 * <p>What is measured, exactly: for each family, t0 is the moment its {@code WalletBalanceLow} record is handed to
 * the Kafka producer (what wallet-service's outbox publisher does once the debit that crossed the threshold is
 * committed; its own publishing delay is not in the figure); t1 is the moment the gateway receives the SMS, or the
 * SMTP server accepts the email (end of DATA). Both ends are in this JVM, on one clock. Every family is distinct (one
 * crossing each, so the daily SMS rule never withholds), and the service runs without a night (its
 * {@code MARELLE_SMS_NIGHTSTART}/{@code NIGHTEND} equal), so that the figures do not depend on the hour.
 */
public final class AlertLatencyBenchmark {

    private static final String API_KEY = "bench-" + UUID.randomUUID();

    record Options(int rate, Duration duration, Duration warmup, String heap, int deliveryThreads,
                   int listeners, boolean keepDatabase, String out, String label, Path jar) {

        int measured() {
            return (int) (rate * duration.toSeconds());
        }

        int warmed() {
            return (int) (rate * warmup.toSeconds());
        }
    }

    /** One family: its ids, its guardian's address and mobile, and its alert's times. */
    static final class Family {
        final String familyId = UUID.randomUUID().toString();
        final String guardianId = UUID.randomUUID().toString();
        final String email;
        final String mobile;
        volatile long sentAt;
        volatile long smsAt;
        volatile long emailAt;

        Family(int index) {
            this.email = "famille" + index + "@bench.example";
            this.mobile = "+3361" + String.format("%07d", index);
        }
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Options options = parse(args);
        Report report = Report.echoingTo(System.err);
        String url = TestDatabases.create("bench_alerts");
        String database = Db.nameOf(url);
        EmbeddedKafkaKraftBroker kafka = TestKafka.startBroker(0);
        List<Family> families = new ArrayList<>();
        for (int i = 0; i < options.warmed() + options.measured(); i++) {
            families.add(new Family(i));
        }
        Map<String, Family> byEmail = new ConcurrentHashMap<>();
        Map<String, Family> byMobile = new ConcurrentHashMap<>();
        families.forEach(f -> {
            byEmail.put(f.email, f);
            byMobile.put(f.mobile, f);
        });
        ServiceProcess service = null;
        try (SmtpSink smtp = new SmtpSink((recipient, at) -> {
                 Family family = byEmail.get(recipient);
                 if (family != null && family.emailAt == 0) {
                     family.emailAt = at;
                 }
             });
             SmsGatewaySink sms = new SmsGatewaySink(API_KEY, (recipient, at) -> {
                 Family family = byMobile.get(recipient);
                 if (family != null && family.smsAt == 0) {
                     family.smsAt = at;
                 }
             });
             KafkaProducer<String, byte[]> producer = producer(kafka.getBrokersAsString())) {
            report.line("Alert-latency benchmark — " + options.label() + " — " + Report.parisNow());
            report.format("machine: %d cores (shared), load average %s; database %s; "
                            + "notification-service -Xmx%s, %d delivery threads, %s",
                    Runtime.getRuntime().availableProcessors(), Machine.loadAverage(), database, options.heap(),
                    options.deliveryThreads(), options.listeners() > 0 ? options.listeners() + " Kafka listener(s)"
                            : "its own number of Kafka listeners");
            report.format("load: %d WalletBalanceLow/s for %d s (%d families, each "
                            + "guardian with an email and a mobile: %d SMS and %d emails), after %d s of warm-up",
                    options.rate(), options.duration().toSeconds(), options.measured(), options.measured(),
                    options.measured(), options.warmup().toSeconds());

            // --- the service, as deployed: its own process, database and broker; the real SMTP and HTTP SMS clients
            service = startService(options, url, kafka.getBrokersAsString(), smtp.port(), sms.url());
            service.awaitHealthy();

            // --- the families, as accounts-service publishes them, in the service's directory
            Instant registering = Instant.now();
            for (Family family : families) {
                producer.send(record("marelle.accounts", "accounts.GuardianRegistered.v1", family.familyId, """
                        {"familyId":"%s","guardianId":"%s","civility":"MADAME","firstName":"Camille",
                         "lastName":"Martin","mainPhone":"%s","secondaryPhone":null,"loginEmail":"%s",
                         "notificationEmail":null,"language":"fr","newsletterConsent":false,"origin":"SELF"}"""
                        .formatted(family.familyId, family.guardianId, family.mobile, family.email)));
            }
            producer.flush();
            try (Connection c = Db.connect(url)) {
                if (Db.awaitCount(c, "SELECT count(*) FROM directory_guardian", families.size(),
                        Duration.ofMinutes(5), Duration.ofMillis(250)) < families.size()) {
                    throw new IllegalStateException("Not " + families.size() + " rows after " + Duration.ofMinutes(5)
                            + ": SELECT count(*) FROM directory_guardian");
                }
            }
            report.format("directory: %d guardians registered in %.1f s (not measured)",
                    families.size(), Report.seconds(registering));

            // --- baseline: the same broker, the same rate, a plain consumer in this JVM
            Histogram baseline = kafkaBaseline(kafka.getBrokersAsString(), producer, options);

            // --- warm-up, then the measured load
            double jitAtStart = service.jitSeconds();
            Instant warmupStart = Instant.now();
            publishAlerts(producer, families.subList(0, options.warmed()), options.rate());
            if (!awaitDelivered(families.subList(0, options.warmed()), Duration.ofMinutes(10))) {
                throw new IllegalStateException("The warm-up's messages were not all delivered within 10 minutes");
            }
            double jitBeforeLoad = service.jitSeconds();
            report.format("warm-up: %d alerts at %d/s, all delivered %.1f s after the first; JIT compilation %.1f s "
                            + "meanwhile", options.warmed(), options.rate(), Report.seconds(warmupStart),
                    jitBeforeLoad - jitAtStart);
            List<Family> measured = families.subList(options.warmed(), families.size());
            SingleConnectionDataSource meterConnection = new SingleConnectionDataSource(Db.connect(url), true);
            CpuMeter cpu = new CpuMeter(meterConnection);
            CpuMeter.Sample cpuBefore = cpu.sample();
            long serviceCpuBefore = service.cpuTicks();
            Machine.Ticks machineBefore = Machine.ticks();
            Instant loadStart = Instant.now();
            double achieved = publishAlerts(producer, measured, options.rate());
            boolean complete = awaitDelivered(measured, Duration.ofMinutes(2));
            double serviceCpu = Machine.seconds(service.cpuTicks() - serviceCpuBefore);
            CpuMeter.Usage others = CpuMeter.between(cpuBefore, cpu.sample());
            meterConnection.destroy();
            double jitDuringLoad = service.jitSeconds() - jitBeforeLoad;
            double machineBusy = Machine.ticks().busyPercentSince(machineBefore);

            Histogram toSms = new Histogram(3_600_000_000L, 3);
            Histogram toEmail = new Histogram(3_600_000_000L, 3);
            int missingSms = 0;
            int missingEmail = 0;
            for (Family family : measured) {
                if (family.smsAt == 0) {
                    missingSms++;
                } else {
                    toSms.recordValue(Math.max(1, (family.smsAt - family.sentAt) / 1_000));
                }
                if (family.emailAt == 0) {
                    missingEmail++;
                } else {
                    toEmail.recordValue(Math.max(1, (family.emailAt - family.sentAt) / 1_000));
                }
            }

            report.line("");
            report.format("%-52s %7s %9s %9s %9s %9s", "", "count", "p50 ms", "p90 ms",
                    "p99 ms", "max ms");
            row(report, "baseline: Kafka publish → consume, same rate", baseline);
            row(report, "WalletBalanceLow published → SMS at the gateway", toSms);
            row(report, "WalletBalanceLow published → email accepted by SMTP", toEmail);
            report.line("");
            report.format("published %.0f alerts/s (asked %d/s); %s", achieved,
                    options.rate(), complete ? "every SMS and email arrived"
                            : missingSms + " SMS and " + missingEmail + " emails missing after 2 minutes");
            double p99 = Math.max(toSms.getValueAtPercentile(99) , toEmail.getValueAtPercentile(99)) / 1000.0;
            report.format("aim: p99 under 2 000 ms → %s (worst p99 of the two channels: "
                    + "%.0f ms)", complete && p99 < 2000 ? "met" : "NOT met", p99);
            report.format("CPU during the load: notification-service %.1f s (%.1f ms per "
                            + "alert, email and SMS); machine %.0f %% busy (2 cores, shared with other people's work); "
                            + "load average after %s", serviceCpu, 1000 * serviceCpu / measured.size(), machineBusy,
                    Machine.loadAverage());
            report.format("JIT compilation during the load: %.1f s of the service's CPU (still warming up if large)",
                    jitDuringLoad);
            report.format("other CPU during the load: PostgreSQL %.1f s (%.1f ms per alert: the service database's "
                            + "backends and the server's auxiliary processes); this benchmark's JVM %.1f s (the Kafka "
                            + "broker, the publisher, the SMTP and SMS sinks)", others.postgresSeconds(),
                    1000 * others.postgresSeconds() / measured.size(), others.jvmSeconds());
            report.line("service log: " + service.log());
        } finally {
            if (service != null) {
                service.close();
            }
            kafka.destroy();
            if (!options.keepDatabase()) {
                TestDatabases.drop(database);
            }
        }
        System.out.print(report.text());
        report.writeTo(Path.of(options.out()));
        System.out.println("(also in " + options.out() + ")");
    }

    // ------------------------------------------------------------------------------------------------ the load

    /** Publishes one alert per family at the rate, each stamped when handed to the producer; answers the rate achieved. */
    static double publishAlerts(KafkaProducer<String, byte[]> producer, List<Family> families, int rate)
            throws InterruptedException {
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < families.size(); i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            Family family = families.get(i);
            ProducerRecord<String, byte[]> alert = record("marelle.wallet", "wallet.WalletBalanceLow.v1",
                    family.familyId, """
                            {"familyId":"%s","balanceCents":1410,"thresholdCents":1500,"crossedAt":"%s"}"""
                            .formatted(family.familyId, Instant.now()));
            family.sentAt = System.nanoTime();
            producer.send(alert);
        }
        producer.flush();
        return families.size() / ((System.nanoTime() - start) / 1e9);
    }

    static boolean awaitDelivered(List<Family> families, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (families.stream().allMatch(f -> f.smsAt != 0 && f.emailAt != 0)) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return false;
    }

    /** Raw Kafka latency at the same rate and for the same time: a record published, then consumed here. */
    static Histogram kafkaBaseline(String bootstrap, KafkaProducer<String, byte[]> producer, Options options)
            throws Exception {
        String topic = "bench.baseline";
        Histogram histogram = new Histogram(3_600_000_000L, 3);
        AtomicBoolean running = new AtomicBoolean(true);
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-baseline-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        int total = options.measured();
        int[] seen = {0};
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            producer.send(new ProducerRecord<>(topic, "warm", new byte[8])).get(); // creates the topic
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.poll(Duration.ofMillis(100));
            Thread publisher = new Thread(() -> {
                long period = 1_000_000_000L / options.rate();
                long start = System.nanoTime();
                for (int i = 0; i < total && running.get(); i++) {
                    long wait = start + i * period - System.nanoTime();
                    if (wait > 0) {
                        try {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(),
                            ByteBuffer.allocate(8).putLong(System.nanoTime()).array()));
                }
            }, "baseline-publisher");
            publisher.start();
            long deadline = System.nanoTime() + options.duration().toNanos() + TimeUnit.SECONDS.toNanos(60);
            while (seen[0] < total && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    histogram.recordValue(Math.max(1, (now - ByteBuffer.wrap(record.value()).getLong()) / 1_000));
                    seen[0]++;
                }
            }
            running.set(false);
            publisher.join();
        }
        return histogram;
    }

    static ProducerRecord<String, byte[]> record(String topic, String type, String key, String json) {
        return IntegrationRecords.record(topic, key, type, "benchmark", json.getBytes(StandardCharsets.UTF_8));
    }

    static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new ByteArraySerializer());
    }

    // ------------------------------------------------------------------------------------------------ the service

    static ServiceProcess startService(Options options, String url, String kafka, int smtpPort, String smsUrl)
            throws IOException {
        ServiceProcess.Builder service = ServiceProcess.builder("notification-service", options.jar())
                .heap(options.heap())
                .javaOptionsFrom("NOTIFICATION_JAVA_OPTS") // e.g. a JFR recording
                .logBeside(Path.of(options.out()))
                .platform(url, kafka, PemKeys.generate()[0])
                .env("SPRING_MAIL_HOST", "127.0.0.1")
                .env("SPRING_MAIL_PORT", Integer.toString(smtpPort))
                .env("MARELLE_SMS_URL", smsUrl)
                .env("MARELLE_SMS_API_KEY", API_KEY)
                // no night: the figures must not depend on the hour the benchmark runs
                .env("MARELLE_SMS_NIGHTSTART", "00:00")
                .env("MARELLE_SMS_NIGHTEND", "00:00")
                .env("MARELLE_DELIVERY_THREADS", Integer.toString(options.deliveryThreads()))
                .env("MARELLE_PORTAL_URL", "https://famille.bench.example");
        if (options.listeners() > 0) {
            service.env("MARELLE_INTEGRATION_LISTENERCONCURRENCY", Integer.toString(options.listeners()));
        }
        return service.start();
    }

    // ------------------------------------------------------------------------------------------------ reporting

    static void row(Report report, String what, Histogram histogram) {
        Report.Latencies ms = Report.Latencies.ofMicros(histogram);
        report.format("%-52s %7d %9.1f %9.1f %9.1f %9.1f", what, ms.count(), ms.p50(), ms.p90(), ms.p99(), ms.max());
    }

    static Options parse(String[] args) {
        int rate = 200;
        Duration duration = Duration.ofSeconds(30);
        Duration warmup = Duration.ofSeconds(60);
        String heap = "512m";
        int threads = 16;
        int listeners = 0;
        boolean keep = false;
        String out = "bench/results/alerts.txt";
        String label = "";
        Path jar = Path.of("notification-service/target/notification-service.jar");
        for (String arg : args) {
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            if (arg.startsWith("--rate=")) {
                rate = Integer.parseInt(value);
            } else if (arg.startsWith("--duration=")) {
                duration = Duration.ofSeconds(Long.parseLong(value.replace("s", "")));
            } else if (arg.startsWith("--warmup=")) {
                warmup = Duration.ofSeconds(Long.parseLong(value.replace("s", "")));
            } else if (arg.startsWith("--heap=")) {
                heap = value;
            } else if (arg.startsWith("--delivery-threads=")) {
                threads = Integer.parseInt(value);
            } else if (arg.startsWith("--listeners=")) {
                listeners = Integer.parseInt(value);
            } else if (arg.equals("--keep-database")) {
                keep = true;
            } else if (arg.startsWith("--out=")) {
                out = value;
            } else if (arg.startsWith("--label=")) {
                label = value;
            } else if (arg.startsWith("--jar=")) {
                jar = Path.of(value);
            } else {
                throw new IllegalArgumentException("Unknown option " + arg + " (see bench/alerts.sh --help)");
            }
        }
        if (rate < 1 || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--rate and --duration must be positive");
        }
        return new Options(rate, duration, warmup, heap, threads, listeners, keep, out, label, jar);
    }
}
