package fr.marelle.platform.sample;

import fr.marelle.platform.integration.IntegrationEventMapper;
import fr.marelle.platform.integration.IntegrationSubscriptions;
import fr.marelle.platform.integration.OutgoingIntegrationEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

/** Publishes NoteCreated as a public event, and consumes it back into rm_note_seen (the "effect"). */
@Configuration
public class SampleIntegration {

    public static final String TOPIC = "marelle.sample";
    public static final String NOTE_PUBLISHED = "sample.NotePublished.v1";

    public record NotePublished(String noteId, String text) {
    }

    @Bean
    IntegrationEventMapper sampleEvents() {
        return event -> event.getPayload() instanceof Note.NoteCreated created
                ? List.of(new OutgoingIntegrationEvent(TOPIC, NOTE_PUBLISHED, created.noteId(),
                new NotePublished(created.noteId(), created.text())))
                : List.of();
    }

    @Bean
    IntegrationSubscriptions sampleSubscriptions(JdbcClient jdbc) {
        return IntegrationSubscriptions.create().on(TOPIC, NOTE_PUBLISHED, NotePublished.class,
                (event, envelope) -> {
                    if (event.text().startsWith("poison")) {
                        throw new IllegalStateException("cannot digest " + event.noteId());
                    }
                    // not idempotent on purpose: a second application would add a second row
                    jdbc.sql("INSERT INTO rm_note_seen (note_id, event_id, correlation_id) VALUES (?, ?, ?)")
                            .params(event.noteId(), envelope.eventId(), envelope.correlationId()).update();
                });
    }
}
