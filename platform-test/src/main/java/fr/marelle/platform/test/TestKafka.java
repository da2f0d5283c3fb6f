package fr.marelle.platform.test;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One embedded KRaft Kafka broker per test JVM, started on first use, with topics created on demand. Tests that
 * need a broker of their own (to stop it) start one with {@link #startBroker(int)}.
 */
public final class TestKafka {

    private static EmbeddedKafkaKraftBroker shared;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (shared == null) {
            shared = startBroker(0);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::destroy, "stop-test-kafka"));
        }
        return shared.getBrokersAsString();
    }

    /** A new broker on the given port (0 for any free port). */
    public static EmbeddedKafkaKraftBroker startBroker(int port) {
        return startBroker(port, null);
    }

    /**
     * A new broker on the given port that tells clients to reach it at {@code advertised} (host:port), e.g. a
     * {@link TcpProxy} in front of it.
     */
    public static EmbeddedKafkaKraftBroker startBroker(int port, String advertised) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        // the test kit keeps a listeners setting it is given; kafkaPorts() is ignored in KRaft mode
        broker.brokerProperty("listeners", "EXTERNAL://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:0");
        if (advertised != null) {
            broker.brokerProperty("advertised.listeners", "EXTERNAL://" + advertised);
        }
        broker.brokerProperty("auto.create.topics.enable", "true");
        broker.brokerProperty("num.partitions", "3");
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.brokerProperty("offsets.topic.num.partitions", "5");
        broker.afterPropertiesSet();
        return broker;
    }
}
