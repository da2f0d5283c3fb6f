package fr.marelle.notification.newsletter;

import fr.marelle.notification.message.rendering.NewsletterContents;
import fr.marelle.notification.newsletter.NewsletterEvents.NewsletterSendingStarted;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sent newsletter's words, read from its own events (the {@code NewsletterSendingStarted} that froze them), not
 * from a read model: a newsletter email renders the same whatever read model is being rebuilt. Words are final once
 * sent, so they are kept in memory after the first read.
 */
@Component
public class EventStoreNewsletterContents implements NewsletterContents {

    /**
     * A newsletter as its own events tell it, for the moments the read model has not caught up yet (just after it
     * was written): its latest words, whether its sending started, who wrote it and when.
     */
    public record Current(String subject, String body, boolean sent, String writtenBy, java.time.Instant writtenAt,
                          java.time.Instant sentAt) {
    }

    private final EventStore events;
    private final Map<String, NewsletterContent> sent = new ConcurrentHashMap<>();

    EventStoreNewsletterContents(EventStore events) {
        this.events = events;
    }

    public Optional<Current> current(String newsletterId) {
        try {
            UUID.fromString(newsletterId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        DomainEventStream stream = events.readEvents(newsletterId);
        Current current = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            Object payload = event.getPayload();
            if (payload instanceof NewsletterEvents.NewsletterWritten written) {
                Object actor = event.getMetaData().get(fr.marelle.platform.audit.AuditMetadata.ACTOR_ID);
                current = new Current(written.subject(), written.body(), false,
                        actor == null ? null : actor.toString(), written.at(), null);
            } else if (current != null && payload instanceof NewsletterEvents.NewsletterRevised revised) {
                current = new Current(revised.subject(), revised.body(), false, current.writtenBy(),
                        current.writtenAt(), null);
            } else if (current != null && payload instanceof NewsletterSendingStarted started) {
                current = new Current(started.subject(), started.body(), true, current.writtenBy(),
                        current.writtenAt(), started.at());
            }
        }
        return Optional.ofNullable(current);
    }

    @Override
    public Optional<NewsletterContent> contentOf(String newsletterId) {
        if (newsletterId == null) {
            return Optional.empty();
        }
        NewsletterContent known = sent.get(newsletterId);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            UUID.fromString(newsletterId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        DomainEventStream stream = events.readEvents(newsletterId);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getPayload() instanceof NewsletterSendingStarted started) {
                NewsletterContent content = new NewsletterContent(started.subject(), started.body());
                sent.put(newsletterId, content);
                return Optional.of(content);
            }
        }
        return Optional.empty();
    }
}
