package fr.marelle.notification.newsletter.query;

import fr.marelle.notification.message.query.MessageHistory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Queries of the newsletters, and the progress of one being sent. */
@Component
public class Newsletters {

    /**
     * A newsletter; {@code status} DRAFT or SENT (its sending started); {@code audience}: the guardians it goes to,
     * once counted.
     */
    public record NewsletterView(UUID newsletterId, String subject, String body, String status, String writtenBy,
                                 OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime sentAt,
                                 Integer audience) {
    }

    /**
     * Where a sending stands: recipients chosen, emails not queued yet, skipped (consent withdrawn or address gone
     * meanwhile), and emails waiting, sent and failed; {@code done} once every recipient is sent, failed or skipped.
     */
    public record Progress(Integer audience, long toQueue, long skipped, long waiting, long sent, long failed,
                           boolean done) {
    }

    private final JdbcClient jdbc;
    private final MessageHistory messages;

    Newsletters(JdbcClient jdbc, MessageHistory messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    public List<NewsletterView> latest(int limit) {
        return jdbc.sql("SELECT * FROM rm_newsletter ORDER BY created_at DESC LIMIT ?").param(limit)
                .query(NewsletterView.class).list();
    }

    public Optional<NewsletterView> byId(UUID newsletterId) {
        return jdbc.sql("SELECT * FROM rm_newsletter WHERE newsletter_id = ?").param(newsletterId)
                .query(NewsletterView.class).optional();
    }

    public Progress progress(NewsletterView newsletter) {
        long toQueue = count("SELECT count(*) FROM newsletter_recipient WHERE newsletter_id = ? AND queued_at IS NULL "
                + "AND skipped IS NULL", newsletter.newsletterId());
        long skipped = count("SELECT count(*) FROM newsletter_recipient WHERE newsletter_id = ? "
                + "AND skipped IS NOT NULL", newsletter.newsletterId());
        Map<String, Long> statuses = messages.newsletterStatuses(newsletter.newsletterId());
        long sent = statuses.getOrDefault("SENT", 0L);
        long failed = statuses.getOrDefault("FAILED", 0L);
        long waiting = statuses.values().stream().mapToLong(Long::longValue).sum() - sent - failed;
        boolean done = newsletter.audience() != null && toQueue == 0 && waiting == 0
                && sent + failed + skipped >= newsletter.audience();
        return new Progress(newsletter.audience(), toQueue, skipped, waiting, sent, failed, done);
    }

    private long count(String sql, UUID newsletterId) {
        return jdbc.sql(sql).param(newsletterId).query(Long.class).single();
    }
}
