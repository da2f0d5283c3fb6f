package fr.marelle.notification.message.delivery;

import fr.marelle.platform.test.MarelleServiceTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A wake-up sends one of the worker's threads to the queue, not all of them: each thread sent runs a claim, and all but
 * one would find nothing. A thread that claims a full batch sends another one, so that a backlog is shared.
 */
@MarelleServiceTest
class WakeUpTest {

    private static final int THREADS = 8;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    CommandGateway commands;
    @Autowired
    MessageSender sender;
    @Autowired
    Clock clock;

    /** The queue, counting the claims made and the threads that made them. */
    class CountingQueue extends DeliveryQueue {

        final AtomicInteger claims = new AtomicInteger();
        final Set<String> claimingThreads = ConcurrentHashMap.newKeySet();

        CountingQueue() {
            super(jdbc, transactions);
        }

        @Override
        List<Claim> claimDue(String worker, Instant now, int limit, Duration lease) {
            claims.incrementAndGet();
            List<Claim> claimed = super.claimDue(worker, now, limit, lease);
            if (!claimed.isEmpty()) {
                claimingThreads.add(Thread.currentThread().getName());
            }
            return claimed;
        }
    }

    /** Polls only once a minute: every claim in these tests comes from a start or a wake-up. */
    private static OutgoingMailProperties.Delivery settings(int batchSize) {
        return new OutgoingMailProperties.Delivery(true, THREADS, Duration.ofMinutes(1), batchSize,
                Duration.ofMinutes(2), List.of(Duration.ofMinutes(1)), 6);
    }

    @Test
    void a_wake_up_sends_one_idle_thread_to_claim() throws InterruptedException {
        CountingQueue queue = new CountingQueue();
        DeliveryWorker worker = new DeliveryWorker(queue, commands, sender, settings(10), clock);
        worker.start();
        try {
            // each thread looks once when it starts, then waits
            await().atMost(Duration.ofSeconds(10)).until(() -> queue.claims.get() == THREADS);
            Thread.sleep(300);

            worker.wake();
            await().atMost(Duration.ofSeconds(10)).until(() -> queue.claims.get() >= THREADS + 1);
            Thread.sleep(500);
            assertThat(queue.claims.get()).as("claims after one wake-up with %d idle threads", THREADS)
                    .isEqualTo(THREADS + 1);

            worker.wake();
            worker.wake();
            await().atMost(Duration.ofSeconds(10)).until(() -> queue.claims.get() >= THREADS + 3);
            Thread.sleep(500);
            assertThat(queue.claims.get()).as("claims after two more wake-ups").isEqualTo(THREADS + 3);
        } finally {
            worker.stop();
        }
    }

    @Test
    void a_thread_that_claims_a_full_batch_sends_another_and_the_backlog_is_shared() {
        CountingQueue queue = new CountingQueue();
        DeliveryWorker worker = new DeliveryWorker(queue, commands, sender, settings(2), clock);
        worker.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> queue.claims.get() == THREADS);
            // 40 rows due at once, for messages that do not exist: each is claimed, refused and dropped
            List<UUID> backlog = Stream.generate(UUID::randomUUID).limit(40).toList();
            backlog.forEach(id -> jdbc.update("INSERT INTO delivery_queue (message_id, correlation_id, due_at) "
                    + "VALUES (?, ?, now() - interval '1 second')", id, UUID.randomUUID().toString()));

            worker.wake();

            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM delivery_queue WHERE message_id = ANY(?)", Integer.class,
                    (Object) backlog.toArray(UUID[]::new)) == 0);
            assertThat(queue.claimingThreads).as("threads of this worker that claimed from the backlog")
                    .hasSizeGreaterThan(1);
        } finally {
            worker.stop();
        }
    }
}
