package fr.marelle.platform.sample;

import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.ActorContext;
import fr.marelle.platform.audit.Role;
import fr.marelle.platform.test.TestKafka;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A writer that holds its transaction open longer than the gap timeout, while others write and a projection lags
 * (as after a restart): the projection must still see every committed event. Writes are bounded by PostgreSQL
 * timeouts below the gap timeout, so such a writer is aborted and its events are never committed. The control case
 * lifts the bound for one transaction and shows the event it commits late is lost to the projection: the reason
 * the bound exists.
 */
class LongTransactionTest {

    static final long GAP_TIMEOUT_MS = 2_000;
    static final long HOLD_MS = 4_000;
    static SampleContext sample;
    static JdbcClient jdbc;
    static CommandGateway commands;
    static TransactionTemplate transactions;
    static StreamingEventProcessor notes;
    final Actor actor = new Actor("writer", Role.ADMIN, null, null);

    @BeforeAll
    static void start() {
        sample = new SampleContext(TestKafka.bootstrapServers(), Map.of(
                "marelle.eventstore.gap-timeout", GAP_TIMEOUT_MS + "ms",
                "marelle.eventstore.statement-timeout", "1s",
                "marelle.eventstore.idle-in-transaction-timeout", "1s"));
        jdbc = sample.bean(JdbcClient.class);
        commands = sample.bean(CommandGateway.class);
        transactions = new TransactionTemplate(sample.bean(PlatformTransactionManager.class));
        notes = sample.bean(EventProcessingConfiguration.class)
                .eventProcessor("notes", StreamingEventProcessor.class).orElseThrow();
    }

    @AfterAll
    static void stop() {
        sample.close();
    }

    @Test
    void a_writer_holding_its_transaction_past_the_gap_timeout_is_aborted_and_projections_see_every_event()
            throws Exception {
        awaitCaughtUp();
        notes.shutDown(); // the projection lags behind the writers, as after a restart
        String slowId = UUID.randomUUID().toString();
        CountDownLatch appended = new CountDownLatch(1);
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> ActorContext.runAs(actor, "slow", () ->
                transactions.executeWithoutResult(status -> {
                    commands.sendAndWait(new Note.CreateNote(slowId, "lent"));
                    appended.countDown(); // its global index is allocated, not committed
                    sleep(HOLD_MS);
                })));
        assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
        List<String> others = writeOthers();
        String quickHold = holdBriefly();

        assertThatThrownBy(() -> slow.get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(storedEvents(slowId)).as("the aborted writer committed nothing").isZero();

        sleep(GAP_TIMEOUT_MS + 500); // the others' events are now older than the gap timeout
        notes.start();
        // every committed event reaches the projection, however long the aborted writer held its index
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(projected(others)).isEqualTo(others.size());
            assertThat(projected(List.of(quickHold))).isEqualTo(1);
        });
    }

    @Test
    void control_without_the_bound_a_transaction_committed_after_the_gap_timeout_is_lost_to_projections()
            throws Exception {
        awaitCaughtUp();
        notes.shutDown();
        String lateId = UUID.randomUUID().toString();
        CountDownLatch appended = new CountDownLatch(1);
        CompletableFuture<Void> late = CompletableFuture.runAsync(() -> ActorContext.runAs(actor, "late", () ->
                transactions.executeWithoutResult(status -> {
                    jdbc.sql("SET LOCAL idle_in_transaction_session_timeout = 0").update(); // escape the bound
                    commands.sendAndWait(new Note.CreateNote(lateId, "tardif"));
                    appended.countDown();
                    sleep(HOLD_MS);
                })));
        assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
        List<String> others = writeOthers();
        sleep(GAP_TIMEOUT_MS + 500);
        notes.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> projected(others) == others.size());

        late.get(20, TimeUnit.SECONDS); // committed, after the projection skipped its index
        assertThat(storedEvents(lateId)).isEqualTo(1);
        String after = UUID.randomUUID().toString();
        ActorContext.runAs(actor, "after", () -> commands.sendAndWait(new Note.CreateNote(after, "après")));
        await().atMost(Duration.ofSeconds(30)).until(() -> projected(List.of(after)) == 1);
        assertThat(projected(List.of(lateId))).as("the late event is never projected").isZero();
    }

    private List<String> writeOthers() {
        List<String> ids = new ArrayList<>();
        ActorContext.runAs(actor, "others", () -> {
            for (int i = 0; i < 10; i++) {
                String id = UUID.randomUUID().toString();
                commands.sendAndWait(new Note.CreateNote(id, "autre " + i));
                ids.add(id);
            }
        });
        return ids;
    }

    /** A transaction held open briefly (under the bound) commits, and its event is projected. */
    private String holdBriefly() {
        String id = UUID.randomUUID().toString();
        ActorContext.runAs(actor, "brief", () -> transactions.executeWithoutResult(status -> {
            commands.sendAndWait(new Note.CreateNote(id, "bref"));
            sleep(500);
        }));
        return id;
    }

    /** The projection runs, holds its segments, and each has reached the head of the event stream. */
    private void awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(30)).until(() -> notes.isRunning()
                && !notes.processingStatus().isEmpty()
                && notes.processingStatus().values().stream().allMatch(EventTrackerStatus::isCaughtUp));
    }

    private long storedEvents(String noteId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?").param(noteId)
                .query(Long.class).single();
    }

    private long projected(List<String> ids) {
        return ids.stream().filter(id -> jdbc.sql("SELECT count(*) FROM rm_note WHERE note_id = ?").param(id)
                .query(Long.class).single() == 1).count();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
