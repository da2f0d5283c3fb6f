package fr.marelle.notification.message.delivery;

import fr.marelle.notification.message.MessageEvents.DeliveryAttemptFailed;
import fr.marelle.notification.message.MessageEvents.DeliveryStarted;
import fr.marelle.notification.message.MessageEvents.MessageFailed;
import fr.marelle.notification.message.MessageEvents.MessageQueued;
import fr.marelle.notification.message.MessageEvents.MessageRequeued;
import fr.marelle.notification.message.MessageEvents.MessageSent;
import fr.marelle.notification.message.MessageId;
import fr.marelle.platform.audit.AuditMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static fr.marelle.notification.message.delivery.DeliveryQueue.utc;

/**
 * Keeps {@code delivery_queue} in step with the messages' events: a queued message is due at once (an SMS deferred
 * to the morning, at its {@code notBefore}), a failed attempt makes it due again after the back-off, a sent or
 * failed message leaves the queue, a requeued one comes back. Once its rows are committed it wakes the delivery
 * worker, so that a message due now leaves without waiting for the next poll.
 *
 * <p>It feeds a side effect (emails and SMS), so it is never replayed: rebuilding the read models sends nothing. Its
 * rows move with its token in one transaction. The aggregate, not this table, is what refuses to send a message
 * twice: a stale row only costs a refused {@code StartDelivery}. (The processing group kept its name from before
 * SMS: renaming it would give it a new token.)
 */
@Component
@ProcessingGroup(DeliverySchedule.PROCESSING_GROUP)
@DisallowReplay
class DeliverySchedule {

    static final String PROCESSING_GROUP = "email-delivery";

    private final JdbcClient jdbc;
    private final ObjectProvider<DeliveryWorker> worker;

    DeliverySchedule(JdbcClient jdbc, ObjectProvider<DeliveryWorker> worker) {
        this.jdbc = jdbc;
        this.worker = worker;
    }

    @EventHandler
    void on(MessageQueued event, @Timestamp Instant queuedAt,
            @MetaDataValue(AuditMetadata.CORRELATION_ID) String correlationId) {
        Instant due = event.notBefore() != null && event.notBefore().isAfter(queuedAt) ? event.notBefore() : queuedAt;
        jdbc.sql("""
                        INSERT INTO delivery_queue (message_id, correlation_id, due_at) VALUES (?, ?, ?)
                        ON CONFLICT (message_id) DO NOTHING""")
                .params(event.messageId().value(), correlationId, utc(due))
                .update();
        wakeAfterCommit();
    }

    /**
     * Only in streams from before ADR 21 (the queue claim is now the lease): should the worker die during the
     * attempt, the message is due again when the attempt's lease ends.
     */
    @EventHandler
    void on(DeliveryStarted event) {
        jdbc.sql("UPDATE delivery_queue SET due_at = ? WHERE message_id = ?")
                .params(utc(event.leaseUntil()), event.messageId().value())
                .update();
    }

    @EventHandler
    void on(DeliveryAttemptFailed event, @MetaDataValue(AuditMetadata.CORRELATION_ID) String correlationId) {
        dueAt(event.messageId(), event.nextAttemptAt(), correlationId);
    }

    @EventHandler
    void on(MessageRequeued event, @MetaDataValue(AuditMetadata.CORRELATION_ID) String correlationId) {
        dueAt(event.messageId(), event.requeuedAt(), correlationId);
    }

    @EventHandler
    void on(MessageSent event) {
        remove(event.messageId());
    }

    @EventHandler
    void on(MessageFailed event) {
        remove(event.messageId());
    }

    /** The worker looks for due messages once this batch's rows are visible to it. */
    private void wakeAfterCommit() {
        DeliveryWorker delivery = worker.getIfAvailable();
        if (delivery == null) {
            return;
        }
        if (CurrentUnitOfWork.isStarted()) {
            // once per batch of events, whatever their number
            var root = CurrentUnitOfWork.get().root();
            root.getOrComputeResource(DeliverySchedule.class.getName() + ".wake", key -> {
                root.afterCommit(unitOfWork -> delivery.wake());
                return Boolean.TRUE;
            });
        } else {
            delivery.wake();
        }
    }

    private void dueAt(MessageId messageId, Instant dueAt, String correlationId) {
        jdbc.sql("""
                        INSERT INTO delivery_queue (message_id, correlation_id, due_at) VALUES (?, ?, ?)
                        ON CONFLICT (message_id) DO UPDATE SET due_at = excluded.due_at,
                            correlation_id = coalesce(excluded.correlation_id, delivery_queue.correlation_id),
                            claim_id = NULL, claimed_by = NULL, claimed_until = NULL""")
                .params(messageId.value(), correlationId, utc(dueAt))
                .update();
        wakeAfterCommit();
    }

    private void remove(MessageId messageId) {
        jdbc.sql("DELETE FROM delivery_queue WHERE message_id = ?").params(messageId.value()).update();
    }
}
