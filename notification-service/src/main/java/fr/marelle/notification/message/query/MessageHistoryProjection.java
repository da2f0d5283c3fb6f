package fr.marelle.notification.message.query;

import fr.marelle.notification.message.MessageEvents.MessageQueued;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** Every message of a family with its status, for the family's history and the staff console. */
@Component
@ProcessingGroup("message-history")
class MessageHistoryProjection {

    private final JdbcClient jdbc;

    MessageHistoryProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MessageQueued event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO rm_message (message_id, family_id, channel, recipient, template, language, status,
                            queued_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?)
                        ON CONFLICT (message_id) DO NOTHING""")
                .params(event.messageId().value(), UUID.fromString(event.familyId()), event.channel().name(),
                        event.recipient(), event.template(), event.language(), Timestamp.from(at),
                        Timestamp.from(at))
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE rm_message").update();
    }
}
