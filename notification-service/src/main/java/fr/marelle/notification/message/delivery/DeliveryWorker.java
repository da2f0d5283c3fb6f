package fr.marelle.notification.message.delivery;

import fr.marelle.notification.message.DeliveryOrder;
import fr.marelle.notification.message.MessageCommands.StartDelivery;
import fr.marelle.notification.message.delivery.DeliveryQueue.Claim;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.ActorContext;
import fr.marelle.platform.errors.DomainException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends the messages that are due, emails and SMS, on every replica, with a few threads.
 *
 * <p>For each message: claim its queue row for a lease (a committed {@code UPDATE … FOR UPDATE SKIP LOCKED}, so
 * threads and replicas never claim the same row, and nobody claims it again before the lease ends: the claim is the
 * attempt's lease, ADR 21); ask the aggregate for the attempt ({@code StartDelivery}, which refuses a message already
 * sent, failed or not yet due, and records nothing); write and hand it to its provider with no transaction open
 * ({@link MessageSender}); record the outcome on the aggregate ({@code RecordDelivery} or
 * {@code RecordDeliveryFailure}, which decides on the retry). Every command runs as the service itself, under the
 * correlation id of the flow that queued the message.
 *
 * <p>Threads look for due messages every poll interval, and at once when {@link #wake()} says a message was queued
 * (the delivery schedule calls it after its transaction commits), so that an alert leaves within a fraction of a
 * second. A wake-up sends one thread, not all of them: each idle thread sent would run a claim of its own for the
 * same few messages. A thread that claimed a full batch sends one more thread and looks again without waiting, so that
 * a backlog (a newsletter) spreads over the threads.
 *
 * <p>The only window for a duplicate is a crash (or a lost database) between the provider's acceptance and the
 * recording of it: the attempt's lease then ends and another attempt starts. Delivery is at least once, exactly once
 * when everything works (and an SMS gateway that honours the {@code Idempotency-Key} sends a retried SMS once).
 */
class DeliveryWorker implements SmartLifecycle {

    static final Actor ACTOR = Actor.system("notification-service");
    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final Set<String> NOTHING_LEFT_TO_SEND = Set.of("MESSAGE_ALREADY_SENT", "MESSAGE_FAILED");
    private static final int RECORD_TRIES = 3;

    private final DeliveryQueue queue;
    private final CommandGateway commands;
    private final MessageSender sender;
    private final OutgoingMailProperties.Delivery settings;
    private final Clock clock;
    private final String id = UUID.randomUUID().toString().substring(0, 8);
    /** Who holds a claim, as the queue shows it: the JVM (pid@host) and this worker. */
    private final String name = ManagementFactory.getRuntimeMXBean().getName() + "/" + id;
    private final Object signal = new Object();
    /**
     * Wake-ups no thread has taken yet (guarded by {@link #signal}), at most one per thread: each sends one thread to
     * look for due messages, a waiting one at once, else the next to finish its batch.
     */
    private int wakeUps;
    private volatile ExecutorService executor;
    private volatile boolean running;

    DeliveryWorker(DeliveryQueue queue, CommandGateway commands, MessageSender sender,
                   OutgoingMailProperties.Delivery settings, Clock clock) {
        this.queue = queue;
        this.commands = commands;
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            log.info("Message delivery is disabled on this replica");
            return;
        }
        AtomicInteger count = new AtomicInteger();
        executor = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread thread = new Thread(r, "message-delivery-" + id + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        for (int i = 0; i < settings.threads(); i++) {
            executor.execute(this::loop);
        }
    }

    /** Something was queued: one thread looks for due messages now rather than at the next poll. */
    void wake() {
        synchronized (signal) {
            if (wakeUps < settings.threads()) {
                wakeUps++;
            }
            signal.notify();
        }
    }

    @Override
    public void stop() {
        running = false;
        synchronized (signal) {
            signal.notifyAll();
        }
        ExecutorService current = executor;
        if (current != null) {
            current.shutdown();
            try {
                // an attempt cut short is retried once its lease ends
                if (!current.awaitTermination(10, TimeUnit.SECONDS)) {
                    current.shutdownNow();
                }
            } catch (InterruptedException e) {
                current.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            int claimed;
            try {
                claimed = deliverDue();
            } catch (RuntimeException e) {
                log.warn("Delivery round failed, next round in {}: {}", settings.pollInterval(), e.toString());
                claimed = 0;
            }
            if (claimed < settings.batchSize()) {
                await();
            }
        }
    }

    /** Waits for the poll interval, or less if a wake-up is there to take. */
    private void await() {
        long deadline = System.nanoTime() + settings.pollInterval().toNanos();
        synchronized (signal) {
            try {
                while (running && wakeUps == 0) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) {
                        return;
                    }
                    signal.wait(left);
                }
                if (wakeUps > 0) {
                    wakeUps--;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    /** Claims the due messages and delivers them one by one; answers how many were claimed. */
    int deliverDue() {
        List<Claim> claims = queue.claimDue(name, clock.instant(), settings.batchSize(), settings.lease());
        if (claims.size() >= settings.batchSize()) {
            wake(); // more may be due: another thread claims them meanwhile
        }
        for (Claim claim : claims) {
            if (!running) {
                break; // the claims left run out with their lease
            }
            MDC.put("correlationId", claim.correlationId());
            try {
                ActorContext.runAs(ACTOR, claim.correlationId(), () -> deliver(claim));
            } catch (RuntimeException e) {
                log.warn("Delivery of message {} failed; it is retried when its claim ends: {}", claim.messageId(),
                        e.toString());
            } finally {
                MDC.remove("correlationId");
            }
        }
        return claims.size();
    }

    private void deliver(Claim claim) {
        Instant startedAt = clock.instant();
        DeliveryOrder order;
        try {
            order = commands.sendAndWait(new StartDelivery(claim.messageId(), startedAt));
        } catch (DomainException refused) {
            if (NOTHING_LEFT_TO_SEND.contains(refused.code())) {
                queue.drop(claim);
            } else {
                queue.release(claim, clock.instant().plus(settings.lease()));
            }
            log.debug("Message {} not started: {}", claim.messageId(), refused.code());
            return;
        } catch (AggregateNotFoundException unknown) {
            log.error("Queued message {} does not exist; dropped from the queue", claim.messageId());
            queue.drop(claim);
            return;
        }
        record(order, sender.attempt(order));
    }

    /**
     * Records the outcome, trying a few times if the database hiccups: a success left unrecorded would be sent
     * again once the attempt's lease ends.
     */
    private void record(DeliveryOrder order, Object outcome) {
        for (int attempt = 1; ; attempt++) {
            try {
                commands.sendAndWait(outcome);
                return;
            } catch (DomainException refused) {
                log.warn("Outcome of message {} attempt {} refused: {}", order.messageId(), order.attempt(),
                        refused.code());
                return;
            } catch (RuntimeException e) {
                if (attempt >= RECORD_TRIES) {
                    log.error("Outcome of message {} attempt {} could not be recorded; the message will be tried "
                            + "again when the attempt's lease ends: {}", order.messageId(), order.attempt(), e.toString());
                    return;
                }
                sleep(500L * attempt);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
