package fr.marelle.notification.newsletter;

import fr.marelle.notification.newsletter.NewsletterCommands.RecordAudience;
import fr.marelle.notification.newsletter.NewsletterCommands.ReviseNewsletter;
import fr.marelle.notification.newsletter.NewsletterCommands.SendNewsletter;
import fr.marelle.notification.newsletter.NewsletterCommands.WriteNewsletter;
import fr.marelle.notification.newsletter.NewsletterEvents.NewsletterAudienceCounted;
import fr.marelle.notification.newsletter.NewsletterEvents.NewsletterRevised;
import fr.marelle.notification.newsletter.NewsletterEvents.NewsletterSendingStarted;
import fr.marelle.notification.newsletter.NewsletterEvents.NewsletterWritten;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A news item of the town for the families (the old portal's newsletter opt-in, screen 4 and 7): written and
 * revised by staff, then sent once, by email, to the guardians who consented. Its words are final once sent.
 */
@Aggregate
public class Newsletter {

    @AggregateIdentifier
    private NewsletterId newsletterId;
    private String subject;
    private String body;
    private boolean sent;
    private boolean audienceCounted;

    protected Newsletter() {
    }

    @CommandHandler
    public Newsletter(WriteNewsletter command) {
        NewsletterRules.wordsAreComplete(command.subject(), command.body());
        apply(new NewsletterWritten(command.newsletterId(), command.subject().strip(), command.body().strip(),
                command.at()));
    }

    @CommandHandler
    public void handle(ReviseNewsletter command) {
        NewsletterRules.notSentYet(sent);
        NewsletterRules.wordsAreComplete(command.subject(), command.body());
        if (command.subject().strip().equals(subject) && command.body().strip().equals(body)) {
            return;
        }
        apply(new NewsletterRevised(newsletterId, command.subject().strip(), command.body().strip(), command.at()));
    }

    @CommandHandler
    public void handle(SendNewsletter command) {
        NewsletterRules.notSentYet(sent);
        apply(new NewsletterSendingStarted(newsletterId, subject, body, command.at()));
    }

    /** Counted once, when the sending started. */
    @CommandHandler
    public void handle(RecordAudience command) {
        if (!sent || audienceCounted) {
            return;
        }
        apply(new NewsletterAudienceCounted(newsletterId, command.recipients()));
    }

    @EventSourcingHandler
    void on(NewsletterWritten event) {
        this.newsletterId = event.newsletterId();
        this.subject = event.subject();
        this.body = event.body();
    }

    @EventSourcingHandler
    void on(NewsletterRevised event) {
        this.subject = event.subject();
        this.body = event.body();
    }

    @EventSourcingHandler
    void on(NewsletterSendingStarted event) {
        this.sent = true;
    }

    @EventSourcingHandler
    void on(NewsletterAudienceCounted event) {
        this.audienceCounted = true;
    }
}
