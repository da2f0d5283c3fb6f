package fr.marelle.notification.newsletter.query;

import fr.marelle.notification.newsletter.NewsletterEvents.NewsletterAudienceCounted;
import fr.marelle.notification.newsletter.NewsletterEvents.NewsletterRevised;
import fr.marelle.notification.newsletter.NewsletterEvents.NewsletterSendingStarted;
import fr.marelle.notification.newsletter.NewsletterEvents.NewsletterWritten;
import fr.marelle.platform.audit.AuditMetadata;
import fr.marelle.platform.audit.history.ProjectionTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The newsletters as staff see them ({@code rm_newsletter}); rebuilt by resetting "newsletters", sends nothing. */
@Component
@ProcessingGroup(NewsletterProjection.PROCESSING_GROUP)
@ProjectionTables("rm_newsletter")
class NewsletterProjection {

    static final String PROCESSING_GROUP = "newsletters";

    private final JdbcClient jdbc;

    NewsletterProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(NewsletterWritten event, @MetaDataValue(AuditMetadata.ACTOR_ID) String actor) {
        jdbc.sql("""
                        INSERT INTO rm_newsletter (newsletter_id, subject, body, status, written_by, created_at,
                            updated_at)
                        VALUES (?, ?, ?, 'DRAFT', ?, ?, ?)
                        ON CONFLICT (newsletter_id) DO NOTHING""")
                .params(event.newsletterId().value(), event.subject(), event.body(), actor, utc(event.at()),
                        utc(event.at()))
                .update();
    }

    @EventHandler
    void on(NewsletterRevised event) {
        jdbc.sql("UPDATE rm_newsletter SET subject = ?, body = ?, updated_at = ? WHERE newsletter_id = ?")
                .params(event.subject(), event.body(), utc(event.at()), event.newsletterId().value())
                .update();
    }

    @EventHandler
    void on(NewsletterSendingStarted event) {
        jdbc.sql("""
                        UPDATE rm_newsletter SET status = 'SENT', subject = ?, body = ?, sent_at = ?, updated_at = ?
                        WHERE newsletter_id = ?""")
                .params(event.subject(), event.body(), utc(event.at()), utc(event.at()),
                        event.newsletterId().value())
                .update();
    }

    @EventHandler
    void on(NewsletterAudienceCounted event) {
        jdbc.sql("UPDATE rm_newsletter SET audience = ? WHERE newsletter_id = ?")
                .params(event.recipients(), event.newsletterId().value())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE rm_newsletter").update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
