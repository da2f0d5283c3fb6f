package fr.marelle.notification.message.query;

import fr.marelle.notification.message.MessageTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Queries of {@code rm_message}. */
@Component
public class MessageHistory {

    /**
     * A message and where its delivery stands.
     *
     * @param familyId          the family written to; {@code null} for a message to a staff member
     * @param channel           EMAIL or SMS
     * @param kind              the kind of message ({@code NotificationKind}: ACCOUNT, WALLET_BALANCE_LOW…)
     * @param status            QUEUED, SENDING, RETRY_SCHEDULED, SENT or FAILED
     * @param statusCode        why the last attempt failed (a {@code DeliveryFailureCode}), while retrying or failed
     * @param statusReason      the same, in words
     * @param attempts          delivery attempts so far
     * @param nextAttemptAt     when the next attempt is due, while retrying
     * @param notBefore         an SMS decided at night leaves then (the morning), else {@code null}
     * @param smtpMessageId     the {@code Message-ID} of a sent email
     * @param providerReference the provider's reference of a sent message (the email's {@code Message-ID}, the SMS
     *                          gateway's reference)
     */
    public record MessageView(UUID messageId, UUID familyId, String channel, String recipient, String template,
                              String kind, String language, String status, String statusCode, String statusReason,
                              int attempts, OffsetDateTime nextAttemptAt, OffsetDateTime notBefore,
                              OffsetDateTime sentAt, String smtpMessageId, String providerReference,
                              OffsetDateTime queuedAt, OffsetDateTime updatedAt) {
    }

    private static final String COLUMNS = """
            message_id, family_id, channel, recipient, template, NULL AS kind, language, status, status_code,
            status_reason, attempts, next_attempt_at, not_before, sent_at, smtp_message_id, provider_reference,
            queued_at, updated_at""";

    private final JdbcClient jdbc;

    MessageHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A family's messages, the most recent first (at most {@code limit}). */
    public List<MessageView> ofFamily(UUID familyId, int limit) {
        return withKinds(jdbc.sql("SELECT " + COLUMNS + " FROM rm_message WHERE family_id = ? "
                        + "ORDER BY queued_at DESC, message_id LIMIT ?")
                .params(familyId, limit).query(MessageView.class).list());
    }

    public Optional<MessageView> byId(UUID messageId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rm_message WHERE message_id = ?")
                .param(messageId).query(MessageView.class).optional().map(MessageHistory::withKind);
    }

    /** The failed messages of every family, most recent first, for staff to requeue. */
    public List<MessageView> failed(int limit) {
        return withKinds(jdbc.sql("SELECT " + COLUMNS + " FROM rm_message WHERE status = 'FAILED' "
                        + "ORDER BY updated_at DESC LIMIT ?")
                .param(limit).query(MessageView.class).list());
    }

    /** How many messages of a newsletter are in each status. */
    public Map<String, Long> newsletterStatuses(UUID newsletterId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT status, count(*) AS n FROM rm_message WHERE newsletter_id = ? GROUP BY status")
                .param(newsletterId)
                .query((rs, row) -> counts.put(rs.getString("status"), rs.getLong("n")))
                .list();
        return counts;
    }

    private static List<MessageView> withKinds(List<MessageView> views) {
        return views.stream().map(MessageHistory::withKind).toList();
    }

    /** The kind follows from the template (a message of an unknown template is of no kind). */
    private static MessageView withKind(MessageView v) {
        String kind = java.util.Arrays.stream(MessageTemplate.values()).filter(t -> t.name().equals(v.template()))
                .findFirst().map(t -> t.kind().name()).orElse(null);
        return new MessageView(v.messageId(), v.familyId(), v.channel(), v.recipient(), v.template(), kind,
                v.language(), v.status(), v.statusCode(), v.statusReason(), v.attempts(), v.nextAttemptAt(),
                v.notBefore(), v.sentAt(), v.smtpMessageId(), v.providerReference(), v.queuedAt(), v.updatedAt());
    }
}
