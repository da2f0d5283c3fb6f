package fr.marelle.notification.message.query;

import fr.marelle.notification.message.MessageEvents.DeliveryAttemptFailed;
import fr.marelle.notification.message.MessageEvents.DeliveryStarted;
import fr.marelle.notification.message.MessageEvents.MessageFailed;
import fr.marelle.notification.message.MessageEvents.MessageQueued;
import fr.marelle.notification.message.MessageEvents.MessageRequeued;
import fr.marelle.notification.message.MessageEvents.MessageSent;
import fr.marelle.platform.audit.history.ProjectionTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Every message of a family with its delivery status, emails and SMS, for the family's history and the staff console
 * (and the progress of a newsletter). Rebuilt by resetting the processor "message-history": it owns
 * {@code rm_message} and sends nothing.
 */
@Component
@ProcessingGroup(MessageHistoryProjection.PROCESSING_GROUP)
@ProjectionTables("rm_message")
class MessageHistoryProjection {

    static final String PROCESSING_GROUP = "message-history";

    private final JdbcClient jdbc;

    MessageHistoryProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MessageQueued event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO rm_message (message_id, family_id, channel, recipient, template, language, status,
                            queued_at, updated_at, not_before, newsletter_id)
                        VALUES (?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?, ?)
                        ON CONFLICT (message_id) DO NOTHING""")
                .params(event.messageId().value(), familyOf(event), event.channel().name(),
                        event.recipient(), event.template(), event.language(), utc(at), utc(at),
                        event.notBefore() == null ? null : utc(event.notBefore()), newsletterOf(event))
                .update();
    }

    /** Only in streams from before ADR 21: attempts are now known by their outcomes. */
    @EventHandler
    void on(DeliveryStarted event, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE rm_message SET status = 'SENDING', attempts = ?, next_attempt_at = NULL, updated_at = ?
                        WHERE message_id = ? AND status <> 'SENT'""")
                .params(event.attempt(), utc(at), event.messageId().value())
                .update();
    }

    @EventHandler
    void on(MessageSent event, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE rm_message SET status = 'SENT', status_code = NULL, status_reason = NULL,
                            next_attempt_at = NULL, sent_at = ?, provider_reference = ?,
                            smtp_message_id = CASE WHEN channel = 'EMAIL' THEN ? END, updated_at = ?,
                            attempts = GREATEST(attempts, ?)
                        WHERE message_id = ?""")
                .params(utc(event.sentAt()), event.providerReference(), event.providerReference(), utc(at),
                        event.attempt(), event.messageId().value())
                .update();
    }

    @EventHandler
    void on(DeliveryAttemptFailed event, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE rm_message SET status = 'RETRY_SCHEDULED', status_code = ?, status_reason = ?,
                            next_attempt_at = ?, updated_at = ?, attempts = GREATEST(attempts, ?)
                        WHERE message_id = ?""")
                .params(event.reasonCode().name(), event.reason(), utc(event.nextAttemptAt()), utc(at),
                        event.attempt(), event.messageId().value())
                .update();
    }

    @EventHandler
    void on(MessageFailed event, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE rm_message SET status = 'FAILED', status_code = ?, status_reason = ?,
                            next_attempt_at = NULL, updated_at = ?, attempts = GREATEST(attempts, ?)
                        WHERE message_id = ?""")
                .params(event.reasonCode().name(), event.reason(), utc(at), event.attempt(),
                        event.messageId().value())
                .update();
    }

    @EventHandler
    void on(MessageRequeued event, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE rm_message SET status = 'QUEUED', status_code = NULL, status_reason = NULL,
                            next_attempt_at = NULL, updated_at = ?
                        WHERE message_id = ?""")
                .params(utc(at), event.messageId().value())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE rm_message").update();
    }

    /** The newsletter a message belongs to, for the progress of its sending. */
    private static UUID newsletterOf(MessageQueued event) {
        String id = event.parameters() == null ? null : event.parameters().get("newsletterId");
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A message to a staff member belongs to no family. */
    private static UUID familyOf(MessageQueued event) {
        return event.familyId() == null ? null : UUID.fromString(event.familyId());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
