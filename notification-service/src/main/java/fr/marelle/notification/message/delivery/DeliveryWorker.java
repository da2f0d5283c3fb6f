package fr.marelle.notification.message.delivery;

import fr.marelle.notification.message.DeliveryFailureCode;
import fr.marelle.notification.message.DeliveryOrder;
import fr.marelle.notification.message.MessageCommands.RecordDelivery;
import fr.marelle.notification.message.MessageCommands.RecordDeliveryFailure;
import fr.marelle.notification.message.MessageCommands.StartDelivery;
import fr.marelle.notification.message.delivery.DeliveryQueue.Claim;
import fr.marelle.notification.message.rendering.EmailRenderer;
import fr.marelle.notification.message.rendering.LinkUnavailableException;
import fr.marelle.notification.message.rendering.RenderedEmail;
import fr.marelle.notification.message.rendering.RenderingFailedException;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends the emails that are due, on every replica.
 *
 * <p>For each message: claim its queue row for a lease (a committed {@code UPDATE … FOR UPDATE SKIP LOCKED}, so
 * replicas never claim the same row); start an attempt on the aggregate ({@code StartDelivery}, which refuses a
 * message already sent, failed, not yet due, or held by another attempt's lease); render and send it with no
 * transaction open; record the outcome on the aggregate ({@code RecordDelivery} or {@code RecordDeliveryFailure},
 * which decides on the retry). Every command runs as the service itself, under the correlation id of the flow that
 * queued the message.
 *
 * <p>The only window for a duplicate is a crash (or a lost database) between the SMTP server's acceptance and the
 * recording of it: the attempt's lease then ends and another attempt starts. Delivery is at least once, exactly once
 * when everything works.
 */
class DeliveryWorker implements SmartLifecycle {

    static final Actor ACTOR = Actor.system("notification-service");
    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final Set<String> NOTHING_LEFT_TO_SEND = Set.of("MESSAGE_ALREADY_SENT", "MESSAGE_FAILED");
    private static final int RECORD_TRIES = 3;

    private final DeliveryQueue queue;
    private final CommandGateway commands;
    private final EmailRenderer renderer;
    private final SmtpMailer mailer;
    private final OutgoingMailProperties.Delivery settings;
    private final Clock clock;
    private final String id = UUID.randomUUID().toString().substring(0, 8);
    /** Who holds a claim, as the queue shows it: the JVM (pid@host) and this worker. */
    private final String name = ManagementFactory.getRuntimeMXBean().getName() + "/" + id;
    private volatile ScheduledExecutorService executor;
    private volatile boolean running;

    DeliveryWorker(DeliveryQueue queue, CommandGateway commands, EmailRenderer renderer, SmtpMailer mailer,
                   OutgoingMailProperties.Delivery settings, Clock clock) {
        this.queue = queue;
        this.commands = commands;
        this.renderer = renderer;
        this.mailer = mailer;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            log.info("Email delivery is disabled on this replica");
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "email-delivery-" + id);
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        long interval = settings.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        ScheduledExecutorService current = executor;
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

    private void poll() {
        try {
            int claimed;
            do {
                claimed = deliverDue();
            } while (running && claimed == settings.batchSize());
        } catch (RuntimeException e) {
            log.warn("Email delivery round failed, next round in {}: {}", settings.pollInterval(), e.toString());
        }
    }

    /** Claims the due messages and delivers them one by one; answers how many were claimed. */
    int deliverDue() {
        List<Claim> claims = queue.claimDue(name, clock.instant(), settings.batchSize(), settings.lease());
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
            order = commands.sendAndWait(new StartDelivery(claim.messageId(), startedAt,
                    startedAt.plus(settings.lease())));
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
        record(order, attempt(order));
    }

    /** Renders and sends, outside any transaction. Never throws: every failure is an outcome to record. */
    private Object attempt(DeliveryOrder order) {
        try {
            RenderedEmail email = renderer.render(order);
            SentEmail sent = mailer.send(order.messageId(), order.recipient(), email);
            log.info("Message {} ({}) sent at attempt {}, Message-ID {}", order.messageId(), order.template(),
                    order.attempt(), sent.messageIdHeader());
            return new RecordDelivery(order.messageId(), order.attempt(), sent.messageIdHeader(),
                    sent.serverReply(), clock.instant());
        } catch (LinkUnavailableException e) {
            return failure(order, DeliveryFailureCode.LINK_UNAVAILABLE, e.getMessage(), e.isPermanent());
        } catch (RenderingFailedException e) {
            return failure(order, DeliveryFailureCode.RENDERING_FAILED, e.getMessage(), true);
        } catch (MailDeliveryException e) {
            return failure(order, e.code(), e.getMessage(), e.permanent());
        } catch (RuntimeException e) {
            return failure(order, DeliveryFailureCode.UNEXPECTED, "Erreur inattendue : " + e.getClass().getName(),
                    false);
        }
    }

    private RecordDeliveryFailure failure(DeliveryOrder order, DeliveryFailureCode code, String reason,
                                          boolean permanent) {
        log.warn("Message {} ({}) attempt {} failed ({}{}): {}", order.messageId(), order.template(),
                order.attempt(), code, permanent ? ", permanent" : "", reason);
        return new RecordDeliveryFailure(order.messageId(), order.attempt(), code, truncate(reason), permanent,
                clock.instant());
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

    private static String truncate(String reason) {
        if (reason == null) {
            return null;
        }
        return reason.length() <= 500 ? reason : reason.substring(0, 500) + "…";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
