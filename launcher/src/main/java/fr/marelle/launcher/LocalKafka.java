package fr.marelle.launcher;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A single-node KRaft Kafka broker (broker and controller in one) in the launcher's JVM, with its log in the data
 * directory. Unlike a test broker it keeps its topics and consumer offsets across runs: a message published just
 * before a stop is still delivered after the next start.
 */
final class LocalKafka implements AutoCloseable {

    static final int PORT = 9092;
    static final int CONTROLLER_PORT = 9093;

    private final KafkaRaftServer server;
    private final int port;

    private LocalKafka(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static LocalKafka start(Path directory, int port, int controllerPort) {
        try {
            Path data = directory.resolve("data");
            Files.createDirectories(data);
            Properties properties = brokerProperties(data, port, controllerPort);
            Path config = directory.resolve("server.properties");
            try (Writer writer = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
                properties.store(writer, "Written by the Marelle launcher at each start; edit the launcher, not this file");
            }
            // formatted once; formatting again, even with --ignore-formatted, insists on the same cluster id
            if (!Files.exists(data.resolve("meta.properties"))) {
                format(config);
            }
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
            server.startup();
            return new LocalKafka(server, port);
        } catch (IOException | RuntimeException e) {
            throw new LauncherException("Kafka n'a pas démarré : " + e.getMessage()
                    + " (détails dans .run/logs/launcher.log)", e);
        }
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    static Properties brokerProperties(Path data, int port, int controllerPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", data.toString());
        // the services declare their topics, but consumers may subscribe first: let the broker create them
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("num.partitions", "3");
        // one node: every internal topic has a single replica
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        // small and quick: a handful of consumer groups, a laptop's cores and memory
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "2");
        p.setProperty("num.recovery.threads.per.data.dir", "1");
        p.setProperty("background.threads", "2");
        // the log cleaner would otherwise take a 128 MiB buffer out of the launcher's heap
        p.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        p.setProperty("log.cleaner.threads", "1");
        return p;
    }

    /** Formats the empty log directory for a new single-node cluster. */
    private static void format(Path config) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status;
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            status = StorageTool.execute(new String[]{
                    "format", "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString()}, print);
        }
        if (status != 0) {
            throw new LauncherException("Formatage du stockage Kafka impossible : " + output.toString(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
