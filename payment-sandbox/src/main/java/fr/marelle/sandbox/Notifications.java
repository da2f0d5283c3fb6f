package fr.marelle.sandbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The notifications the sandbox owes merchants. Each change of a payment's status owes one, due after a random delay
 * (so the notifications of two payments, or the PENDING and the outcome of one, may arrive in any order); now and
 * then the same notification is owed twice, the second later. Deliveries are claimed for a lease, so several workers
 * never send the same row at once.
 */
@Component
class Notifications {

    /** A delivery to attempt. */
    record Due(long id, UUID eventId, String paymentId, String status, Instant occurredAt, int attempts,
               String notificationUrl) {
    }

    private final JdbcClient jdbc;
    private final SandboxProperties.Notifications settings;
    private final Random random;

    Notifications(JdbcClient jdbc, SandboxProperties properties) {
        this.jdbc = jdbc;
        this.settings = properties.getNotifications();
        this.random = settings.getSeed() != 0 ? new Random(settings.getSeed()) : new Random();
    }

    /** In the caller's transaction. */
    void owe(String paymentId, String status, Instant at) {
        UUID eventId = UUID.randomUUID();
        insert(eventId, paymentId, status, at, at.plus(delay()));
        if (random.nextDouble() < settings.getDuplicateProbability()) {
            insert(eventId, paymentId, status, at, at.plus(delay()).plus(settings.getMaxFirstDelay()));
        }
    }

    private Duration delay() {
        long max = settings.getMaxFirstDelay().toMillis();
        return Duration.ofMillis(max <= 0 ? 0 : (long) (random.nextDouble() * max));
    }

    private void insert(UUID eventId, String paymentId, String status, Instant at, Instant due) {
        jdbc.sql("""
                        INSERT INTO sandbox_notification (event_id, payment_id, status, occurred_at, due_at)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(eventId, paymentId, status, at.atOffset(ZoneOffset.UTC), due.atOffset(ZoneOffset.UTC))
                .update();
    }

    List<Due> claimDue(Instant now, Duration lease, int limit) {
        return jdbc.sql("""
                        UPDATE sandbox_notification n SET claimed_until = :until
                        FROM (SELECT id FROM sandbox_notification
                              WHERE delivered_at IS NULL AND gave_up_at IS NULL AND due_at <= :now
                                AND (claimed_until IS NULL OR claimed_until <= :now)
                              ORDER BY due_at LIMIT :limit FOR UPDATE SKIP LOCKED) due, sandbox_payment p
                        WHERE n.id = due.id AND p.id = n.payment_id
                        RETURNING n.id, n.event_id, n.payment_id, n.status, n.occurred_at, n.attempts,
                                  p.notification_url""")
                .param("until", now.plus(lease).atOffset(ZoneOffset.UTC))
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("limit", limit)
                .query((rs, row) -> new Due(rs.getLong("id"), rs.getObject("event_id", UUID.class),
                        rs.getString("payment_id"), rs.getString("status"), Payments.instant(rs, "occurred_at"),
                        rs.getInt("attempts"), rs.getString("notification_url")))
                .list();
    }

    void delivered(Due due, Instant at) {
        jdbc.sql("UPDATE sandbox_notification SET delivered_at = ?, attempts = attempts + 1, claimed_until = NULL, "
                        + "last_error = NULL WHERE id = ?")
                .params(at.atOffset(ZoneOffset.UTC), due.id()).update();
    }

    /** Tried again after a growing back-off, or given up after the last attempt. */
    void failed(Due due, Instant at, String error) {
        int attempts = due.attempts() + 1;
        String reason = error.length() > 450 ? error.substring(0, 450) : error;
        if (attempts >= settings.getMaxAttempts()) {
            jdbc.sql("UPDATE sandbox_notification SET attempts = ?, gave_up_at = ?, claimed_until = NULL, "
                            + "last_error = ? WHERE id = ?")
                    .params(attempts, at.atOffset(ZoneOffset.UTC), reason, due.id()).update();
            return;
        }
        long backoff = Math.min(settings.getFirstRetry().toMillis() * (1L << Math.min(attempts - 1, 20)),
                settings.getMaxRetry().toMillis());
        jdbc.sql("UPDATE sandbox_notification SET attempts = ?, due_at = ?, claimed_until = NULL, last_error = ? "
                        + "WHERE id = ?")
                .params(attempts, at.plusMillis(backoff).atOffset(ZoneOffset.UTC), reason, due.id()).update();
    }

    /** Delivery rows of a payment, oldest first: for the status API and tests. */
    List<Delivery> of(String paymentId) {
        return jdbc.sql("SELECT event_id, status, attempts, delivered_at, gave_up_at, last_error "
                        + "FROM sandbox_notification WHERE payment_id = ? ORDER BY id")
                .param(paymentId).query((rs, row) -> new Delivery(rs.getObject("event_id", UUID.class),
                        rs.getString("status"), rs.getInt("attempts"), Payments.instant(rs, "delivered_at"),
                        Payments.instant(rs, "gave_up_at"), rs.getString("last_error"))).list();
    }

    record Delivery(UUID eventId, String status, int attempts, Instant deliveredAt, Instant gaveUpAt,
                    String lastError) {
    }
}
