package fr.marelle.notification.newsletter;

import org.axonframework.serialization.Revision;

import java.time.Instant;

public final class NewsletterEvents {

    private NewsletterEvents() {
    }

    @Revision("1")
    public record NewsletterWritten(NewsletterId newsletterId, String subject, String body, Instant at) {
    }

    @Revision("1")
    public record NewsletterRevised(NewsletterId newsletterId, String subject, String body, Instant at) {
    }

    /** The sending began, with the words as sent (final). */
    @Revision("1")
    public record NewsletterSendingStarted(NewsletterId newsletterId, String subject, String body, Instant at) {
    }

    /** The guardians it goes to: those who consented, whose family did not turn the newsletter off. */
    @Revision("1")
    public record NewsletterAudienceCounted(NewsletterId newsletterId, int recipients) {
    }
}
