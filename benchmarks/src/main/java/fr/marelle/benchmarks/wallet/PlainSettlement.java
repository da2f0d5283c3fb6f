package fr.marelle.benchmarks.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import fr.marelle.benchmarks.support.Db;
import fr.marelle.contracts.billing.ChargesSettled;
import fr.marelle.platform.integration.IntegrationHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The baseline: the smallest correct settlement consumer, plain JDBC, no framework. Each record in one transaction:
 * a processed-message row (a record delivered twice has one effect), then per charge a settled-charge row (debited at
 * most once), the wallet row locked and updated CESU first, a movement row, the reservation deleted. As many consumer
 * threads (one per partition) as wallet-service has listeners; each its own connection.
 */
final class PlainSettlement implements AutoCloseable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private volatile Throwable failure;

    PlainSettlement(String url, String bootstrap, int consumers) {
        for (int i = 0; i < consumers; i++) {
            Thread thread = new Thread(() -> consume(url, bootstrap), "plain-settlement-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    static void createSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE plain_processed (event_id VARCHAR(255) PRIMARY KEY);
                    CREATE TABLE plain_wallet (family_id UUID PRIMARY KEY, main_cents BIGINT NOT NULL,
                        cesu_cents BIGINT NOT NULL);
                    CREATE TABLE plain_settled (charge_id VARCHAR(100) PRIMARY KEY, family_id UUID NOT NULL,
                        service_date DATE NOT NULL);
                    CREATE INDEX ix_plain_settled_date ON plain_settled (service_date);
                    CREATE TABLE plain_reservation (charge_id VARCHAR(100) PRIMARY KEY, family_id UUID NOT NULL,
                        amount_cents BIGINT NOT NULL);
                    CREATE TABLE plain_movement (movement_id UUID PRIMARY KEY, family_id UUID NOT NULL,
                        charge_id VARCHAR(100) NOT NULL, from_main BIGINT NOT NULL, from_cesu BIGINT NOT NULL,
                        main_after BIGINT NOT NULL, cesu_after BIGINT NOT NULL,
                        occurred_at TIMESTAMPTZ NOT NULL DEFAULT now());
                    CREATE INDEX ix_plain_movement_family ON plain_movement (family_id)""");
        }
    }

    static void credit(Connection c, List<SettlementBenchmark.Family> families) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO plain_wallet (family_id, main_cents, cesu_cents) VALUES (?, ?, 0)")) {
            for (SettlementBenchmark.Family family : families) {
                insert.setObject(1, UUID.fromString(family.id()));
                insert.setLong(2, family.initialCents());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static void reserve(Connection c, SettlementBenchmark.Day day) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO plain_reservation (charge_id, family_id, amount_cents) VALUES (?, ?, ?)")) {
            for (ChargesSettled message : day.messages()) {
                for (var charge : message.charges()) {
                    insert.setString(1, charge.chargeId());
                    insert.setObject(2, UUID.fromString(message.familyId()));
                    insert.setLong(3, charge.amountCents());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private void consume(String url, String bootstrap) {
        try (Connection c = Db.connect(url);
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ConsumerConfig.GROUP_ID_CONFIG, "plain-baseline",
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                     ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                     ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000,
                     ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                     ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            c.setAutoCommit(false);
            consumer.subscribe(List.of(SettlementBenchmark.PLAIN_TOPIC));
            Statements statements = new Statements(c);
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                for (ConsumerRecord<String, byte[]> record : records) {
                    apply(c, statements, record);
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (Throwable e) {
            failure = e;
            e.printStackTrace();
        }
    }

    private record Statements(PreparedStatement processed, PreparedStatement settled, PreparedStatement lock,
                              PreparedStatement update, PreparedStatement movement, PreparedStatement release) {
        Statements(Connection c) throws SQLException {
            this(c.prepareStatement("INSERT INTO plain_processed (event_id) VALUES (?) ON CONFLICT DO NOTHING"),
                    c.prepareStatement("INSERT INTO plain_settled (charge_id, family_id, service_date) VALUES (?, ?, ?) "
                            + "ON CONFLICT DO NOTHING"),
                    c.prepareStatement("SELECT main_cents, cesu_cents FROM plain_wallet WHERE family_id = ? FOR UPDATE"),
                    c.prepareStatement("UPDATE plain_wallet SET main_cents = ?, cesu_cents = ? WHERE family_id = ?"),
                    c.prepareStatement("INSERT INTO plain_movement (movement_id, family_id, charge_id, from_main, "
                            + "from_cesu, main_after, cesu_after) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                    c.prepareStatement("DELETE FROM plain_reservation WHERE charge_id = ?"));
        }
    }

    private static void apply(Connection c, Statements s, ConsumerRecord<String, byte[]> record) throws Exception {
        Header type = record.headers().lastHeader(IntegrationHeaders.EVENT_TYPE);
        Header id = record.headers().lastHeader(IntegrationHeaders.EVENT_ID);
        if (type == null || !ChargesSettled.TYPE.qualifiedName().equals(new String(type.value(),
                StandardCharsets.UTF_8))) {
            return;
        }
        s.processed().setString(1, new String(id.value(), StandardCharsets.UTF_8));
        if (s.processed().executeUpdate() == 0) {
            c.commit();
            return;
        }
        JsonNode message = SettlementBenchmark.JSON.readTree(record.value());
        UUID family = UUID.fromString(message.path("familyId").asText());
        for (JsonNode charge : message.path("charges")) {
            String chargeId = charge.path("chargeId").asText();
            s.settled().setString(1, chargeId);
            s.settled().setObject(2, family);
            s.settled().setObject(3, LocalDate.parse(charge.path("date").asText()));
            if (s.settled().executeUpdate() == 0) {
                continue; // debited at most once
            }
            long main;
            long cesu;
            s.lock().setObject(1, family);
            try (ResultSet rs = s.lock().executeQuery()) {
                rs.next();
                main = rs.getLong(1);
                cesu = rs.getLong(2);
            }
            long amount = charge.path("amountCents").asLong();
            long fromCesu = charge.path("cesuEligible").asBoolean() ? Math.min(amount, Math.max(0, cesu)) : 0;
            long fromMain = amount - fromCesu;
            main -= fromMain;
            cesu -= fromCesu;
            s.update().setLong(1, main);
            s.update().setLong(2, cesu);
            s.update().setObject(3, family);
            s.update().executeUpdate();
            s.movement().setObject(1, UUID.randomUUID());
            s.movement().setObject(2, family);
            s.movement().setString(3, chargeId);
            s.movement().setLong(4, fromMain);
            s.movement().setLong(5, fromCesu);
            s.movement().setLong(6, main);
            s.movement().setLong(7, cesu);
            s.movement().executeUpdate();
            s.release().setString(1, chargeId);
            s.release().executeUpdate();
        }
        c.commit();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(5_000);
        }
        if (failure != null) {
            throw new IllegalStateException("the baseline consumer failed", failure);
        }
    }
}
