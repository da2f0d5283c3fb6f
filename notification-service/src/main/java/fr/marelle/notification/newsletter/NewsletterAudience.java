package fr.marelle.notification.newsletter;

import fr.marelle.notification.newsletter.NewsletterCommands.RecordAudience;
import fr.marelle.notification.newsletter.NewsletterEvents.NewsletterSendingStarted;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Chooses the guardians a newsletter goes to when its sending starts, in one statement: those who consented in their
 * profile, with an email address, whose family did not turn the newsletter off ("Mes notifications", or the
 * unsubscribe link of an earlier one). The dispatcher then queues their emails in small batches.
 *
 * <p>It feeds a side effect, so it is never replayed: rebuilding the read models sends nothing. Its rows move with
 * its token in one transaction.
 */
@Component
@ProcessingGroup(NewsletterAudience.PROCESSING_GROUP)
@DisallowReplay
class NewsletterAudience {

    static final String PROCESSING_GROUP = "newsletter-audience";

    private final JdbcClient jdbc;
    private final CommandGateway commands;
    private final ObjectProvider<NewsletterDispatcher> dispatcher;

    NewsletterAudience(JdbcClient jdbc, CommandGateway commands, ObjectProvider<NewsletterDispatcher> dispatcher) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.dispatcher = dispatcher;
    }

    @EventHandler
    void on(NewsletterSendingStarted event) {
        jdbc.sql("""
                        INSERT INTO newsletter_recipient (newsletter_id, guardian_id, family_id)
                        SELECT ?, g.guardian_id, g.family_id FROM directory_guardian g
                        WHERE g.newsletter_consent
                          AND coalesce(g.notification_email, g.login_email) IS NOT NULL
                          AND NOT EXISTS (SELECT 1 FROM rm_notification_preferences p
                                          WHERE p.family_id = g.family_id AND p.kind = 'NEWSLETTER' AND NOT p.email)
                        ON CONFLICT DO NOTHING""")
                .param(event.newsletterId().value())
                .update();
        int recipients = jdbc.sql("SELECT count(*) FROM newsletter_recipient WHERE newsletter_id = ?")
                .param(event.newsletterId().value()).query(Integer.class).single();
        commands.sendAndWait(new RecordAudience(event.newsletterId(), recipients));
        NewsletterDispatcher sending = dispatcher.getIfAvailable();
        if (sending != null && CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> sending.wake());
        }
    }
}
