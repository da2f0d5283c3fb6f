package fr.marelle.notification.message.query;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Component
public class MessageHistory {

    public record MessageView(UUID messageId, UUID familyId, String channel, String recipient, String template,
                              String language, String status, String statusReason, OffsetDateTime queuedAt,
                              OffsetDateTime updatedAt) {
    }

    private final JdbcClient jdbc;

    MessageHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<MessageView> ofFamily(UUID familyId) {
        return jdbc.sql("""
                        SELECT message_id, family_id, channel, recipient, template, language, status, status_reason,
                               queued_at, updated_at
                        FROM rm_message WHERE family_id = ? ORDER BY queued_at DESC""")
                .param(familyId).query(MessageView.class).list();
    }
}
