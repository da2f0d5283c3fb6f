package fr.marelle.notification.message.delivery;

import fr.marelle.notification.message.MessageId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The {@code delivery_queue} table: one row per email waiting for an attempt. Rows are written by
 * {@link DeliverySchedule} from the message's events; workers only claim them, for a lease, and give back a claim
 * they could not use. Every call here is its own short transaction: nothing is held while an email is sent.
 */
class DeliveryQueue {

    /** A due message claimed by one worker until {@code claimedUntil}. */
    record Claim(MessageId messageId, String correlationId, UUID claimId) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transactions;

    DeliveryQueue(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = JdbcClient.create(jdbc);
        this.batch = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    /**
     * Claims up to {@code limit} due messages that nobody holds, oldest first, in one short transaction: the due rows
     * are locked ({@code FOR UPDATE SKIP LOCKED}: workers on several replicas claim at the same time without waiting
     * for one another or claiming the same row), then marked with the claim, one primary-key update each (a JDBC
     * batch, one round trip).
     *
     * <p>Not one {@code UPDATE … FROM (SELECT … FOR UPDATE SKIP LOCKED)}: PostgreSQL caches a prepared statement's
     * generic plan, and the one it makes while the queue is empty joins the claimed rows to a sequential scan of the
     * whole table; the table only grows (a backlog, and dead rows until a vacuum), and so did the claim's time (0.9 ms
     * a claim in the alert benchmark, most of the database's time after the event store). The plans of these two
     * statements walk an index whatever the table's size when they were made.
     */
    List<Claim> claimDue(String worker, Instant now, int limit, Duration lease) {
        UUID claimId = UUID.randomUUID();
        List<Claim> claims = transactions.execute(status -> {
            List<Claim> due = jdbc.sql("""
                            SELECT message_id, correlation_id FROM delivery_queue
                            WHERE due_at <= :now AND (claimed_until IS NULL OR claimed_until <= :now)
                            ORDER BY due_at
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED""")
                    .param("now", utc(now))
                    .param("limit", limit)
                    .query((rs, row) -> new Claim(new MessageId(rs.getObject("message_id", UUID.class)),
                            rs.getString("correlation_id"), claimId))
                    .list();
            if (!due.isEmpty()) {
                OffsetDateTime until = utc(now.plus(lease));
                batch.batchUpdate("""
                                UPDATE delivery_queue SET claim_id = ?, claimed_by = ?, claimed_until = ?
                                WHERE message_id = ?""", due, due.size(), (statement, claim) -> {
                            statement.setObject(1, claimId);
                            statement.setString(2, worker);
                            statement.setObject(3, until);
                            statement.setObject(4, claim.messageId().value());
                        });
            }
            return due;
        });
        return claims == null ? List.of() : claims;
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
