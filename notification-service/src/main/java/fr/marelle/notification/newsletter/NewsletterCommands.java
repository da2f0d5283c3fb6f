package fr.marelle.notification.newsletter;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public final class NewsletterCommands {

    private NewsletterCommands() {
    }

    /** Staff write a news item for the families: a subject and a text (paragraphs separated by a blank line). */
    public record WriteNewsletter(@TargetAggregateIdentifier NewsletterId newsletterId, String subject, String body,
                                  Instant at) {
    }

    /** Staff change a news item not sent yet. */
    public record ReviseNewsletter(@TargetAggregateIdentifier NewsletterId newsletterId, String subject, String body,
                                   Instant at) {
    }

    /** Staff send it to the families who consented: its words are final from now on. */
    public record SendNewsletter(@TargetAggregateIdentifier NewsletterId newsletterId, Instant at) {
    }

    /** The guardians it goes to were counted (by the newsletter's audience, when the sending started). */
    public record RecordAudience(@TargetAggregateIdentifier NewsletterId newsletterId, int recipients) {
    }
}
