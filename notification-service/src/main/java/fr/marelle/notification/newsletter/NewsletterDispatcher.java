package fr.marelle.notification.newsletter;

import fr.marelle.notification.directory.RecipientDirectory;
import fr.marelle.notification.directory.RecipientDirectory.GuardianContact;
import fr.marelle.notification.message.Channel;
import fr.marelle.notification.message.MessageCommands.QueueMessage;
import fr.marelle.notification.message.MessageId;
import fr.marelle.notification.message.MessageTemplate;
import fr.marelle.notification.message.NotificationKind;
import fr.marelle.notification.family.query.FamilyPreferences;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.ActorContext;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Turns the recipients of newsletters being sent into queued emails, {@value #BATCH} per short transaction (so that a
 * town of thousands of families never holds a long one), on every replica ({@code SKIP LOCKED}). Each guardian's
 * address, name and language are read from the directory at that moment; a guardian who withdrew consent, or whose
 * family turned the newsletter off, meanwhile is skipped (and counted as such). The row that says an email is queued
 * commits with the email, and the email's id derives from the newsletter and the guardian: each guardian gets it
 * once.
 */
@Component
class NewsletterDispatcher implements SmartLifecycle {

    static final int BATCH = 50;
    static final Actor ACTOR = Actor.system("notification-service");
    private static final Logger log = LoggerFactory.getLogger(NewsletterDispatcher.class);
    private static final Duration POLL = Duration.ofSeconds(2);

    private record Pending(UUID newsletterId, UUID guardianId, UUID familyId) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CommandGateway commands;
    private final RecipientDirectory directory;
    private final FamilyPreferences preferences;
    private final Clock clock;
    private volatile ScheduledExecutorService executor;
    private volatile boolean running;

    NewsletterDispatcher(JdbcClient jdbc, TransactionTemplate transactions, CommandGateway commands,
                         RecipientDirectory directory, FamilyPreferences preferences, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.commands = commands;
        this.directory = directory;
        this.preferences = preferences;
        this.clock = clock;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "newsletter-dispatcher");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        executor.scheduleWithFixedDelay(this::drain, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A sending started: queue its emails now rather than at the next poll. */
    void wake() {
        ScheduledExecutorService current = executor;
        if (running && current != null) {
            current.execute(this::drain);
        }
    }

    @Override
    public void stop() {
        running = false;
        ScheduledExecutorService current = executor;
        if (current != null) {
            current.shutdown();
            try {
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

    private void drain() {
        try {
            int done;
            do {
                done = ActorContext.callAs(ACTOR, "newsletter-" + UUID.randomUUID(), this::queueBatch);
            } while (running && done == BATCH);
        } catch (Exception e) {
            log.warn("Newsletter dispatch round failed, next round in {}: {}", POLL, e.toString());
        }
    }

    /** One batch in one transaction: the emails and the rows that say they are queued commit together. */
    int queueBatch() {
        Integer done = transactions.execute(status -> {
            List<Pending> batch = jdbc.sql("""
                            SELECT newsletter_id, guardian_id, family_id FROM newsletter_recipient
                            WHERE queued_at IS NULL AND skipped IS NULL
                            ORDER BY newsletter_id, guardian_id
                            LIMIT ? FOR UPDATE SKIP LOCKED""")
                    .param(BATCH).query(Pending.class).list();
            for (Pending pending : batch) {
                String skipped = queue(pending);
                jdbc.sql("""
                                UPDATE newsletter_recipient SET queued_at = ?, skipped = ?
                                WHERE newsletter_id = ? AND guardian_id = ?""")
                        .params(clock.instant().atOffset(ZoneOffset.UTC), skipped, pending.newsletterId(),
                                pending.guardianId())
                        .update();
            }
            return batch.size();
        });
        return done == null ? 0 : done;
    }

    /** Queues the guardian's email; answers why it was skipped, or {@code null}. */
    private String queue(Pending pending) {
        Optional<GuardianContact> guardian = directory.guardian(pending.guardianId().toString());
        if (guardian.isEmpty()) {
            return "GUARDIAN_UNKNOWN";
        }
        GuardianContact contact = guardian.get();
        if (!contact.newsletterConsent()) {
            return "CONSENT_WITHDRAWN";
        }
        if (!preferences.of(pending.familyId()).get(NotificationKind.NEWSLETTER).contains(Channel.EMAIL)) {
            return "TURNED_OFF";
        }
        Optional<String> address = contact.addressOn(Channel.EMAIL);
        if (address.isEmpty()) {
            return "NO_ADDRESS";
        }
        Map<String, String> parameters = new HashMap<>();
        parameters.put("newsletterId", pending.newsletterId().toString());
        if (contact.firstName() != null && !contact.firstName().isBlank()) {
            parameters.put("firstName", contact.firstName().strip());
        }
        String cause = "newsletter:" + pending.newsletterId() + "/" + pending.guardianId();
        commands.sendAndWait(new QueueMessage(MessageId.causedBy(cause, MessageTemplate.NEWSLETTER.name()),
                pending.familyId().toString(), Channel.EMAIL, address.get(), MessageTemplate.NEWSLETTER.name(),
                contact.language(), parameters, null, cause));
        return null;
    }
}
