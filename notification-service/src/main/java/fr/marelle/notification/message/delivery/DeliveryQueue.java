package fr.marelle.notification.message.delivery;

import fr.marelle.notification.message.MessageId;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The {@code delivery_queue} table: one row per email waiting for an attempt. Rows are written by
 * {@link DeliverySchedule} from the message's events; workers only claim them, for a lease, and give back a claim
 * they could not use. Every statement here is its own short transaction: nothing is held while an email is sent.
 */
class DeliveryQueue {

    /** A due message claimed by one worker until {@code claimedUntil}. */
    record Claim(MessageId messageId, String correlationId, UUID claimId) {
    }

    private final JdbcClient jdbc;

    DeliveryQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims up to {@code limit} due messages that nobody holds, oldest first. {@code SKIP LOCKED} lets workers on
     * several replicas claim at the same time without waiting for one another or claiming the same row.
     */
    List<Claim> claimDue(String worker, Instant now, int limit, Duration lease) {
        UUID claimId = UUID.randomUUID();
        return jdbc.sql("""
                        UPDATE delivery_queue q
                        SET claim_id = :claimId, claimed_by = :worker, claimed_until = :until
                        FROM (SELECT message_id FROM delivery_queue
                              WHERE due_at <= :now AND (claimed_until IS NULL OR claimed_until <= :now)
                              ORDER BY due_at
                              LIMIT :limit
                              FOR UPDATE SKIP LOCKED) due
                        WHERE q.message_id = due.message_id
                        RETURNING q.message_id, q.correlation_id, q.claim_id""")
                .param("claimId", claimId)
                .param("worker", worker)
                .param("until", utc(now.plus(lease)))
                .param("now", utc(now))
                .param("limit", limit)
                .query((rs, row) -> new Claim(new MessageId(rs.getObject("message_id", UUID.class)),
                        rs.getString("correlation_id"), rs.getObject("claim_id", UUID.class)))
                .list();
    }

    /** Gives a claim back, the message due again at {@code dueAt}, unless the row changed since it was claimed. */
    void release(Claim claim, Instant dueAt) {
        jdbc.sql("""
                        UPDATE delivery_queue SET due_at = :dueAt, claim_id = NULL, claimed_by = NULL,
                            claimed_until = NULL
                        WHERE message_id = :messageId AND claim_id = :claimId""")
                .param("dueAt", utc(dueAt))
                .param("messageId", claim.messageId().value())
                .param("claimId", claim.claimId())
                .update();
    }

    /** Drops a row the message no longer needs (it was sent or failed), unless the row changed since. */
    void drop(Claim claim) {
        jdbc.sql("DELETE FROM delivery_queue WHERE message_id = :messageId AND claim_id = :claimId")
                .param("messageId", claim.messageId().value())
                .param("claimId", claim.claimId())
                .update();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
