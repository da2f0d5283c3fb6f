package fr.marelle.notification.message.query;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queries of {@code rm_message}. */
@Component
public class MessageHistory {

    /**
     * A message and where its delivery stands.
     *
     * @param familyId      the family written to; {@code null} for a message to a staff member
     * @param status        QUEUED, SENDING, RETRY_SCHEDULED, SENT or FAILED
     * @param statusCode    why the last attempt failed (a {@code DeliveryFailureCode}), while retrying or failed
     * @param statusReason  the same, in words
     * @param attempts      delivery attempts so far
     * @param nextAttemptAt when the next attempt is due, while retrying
     */
    public record MessageView(UUID messageId, UUID familyId, String channel, String recipient, String template,
                              String language, String status, String statusCode, String statusReason, int attempts,
                              OffsetDateTime nextAttemptAt, OffsetDateTime sentAt, String smtpMessageId,
                              OffsetDateTime queuedAt, OffsetDateTime updatedAt) {
    }

    private static final String COLUMNS = """
            message_id, family_id, channel, recipient, template, language, status, status_code, status_reason,
            attempts, next_attempt_at, sent_at, smtp_message_id, queued_at, updated_at""";

    private final JdbcClient jdbc;

    MessageHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<MessageView> ofFamily(UUID familyId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rm_message WHERE family_id = ? ORDER BY queued_at DESC")
                .param(familyId).query(MessageView.class).list();
    }

    public Optional<MessageView> byId(UUID messageId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rm_message WHERE message_id = ?")
                .param(messageId).query(MessageView.class).optional();
    }

    /** The failed messages of every family, most recent first, for staff to requeue. */
    public List<MessageView> failed(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rm_message WHERE status = 'FAILED' ORDER BY updated_at DESC "
                        + "LIMIT ?")
                .param(limit).query(MessageView.class).list();
    }
}
