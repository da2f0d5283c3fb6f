package fr.marelle.platform.integration;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The processed-message table: at most one effect per (consumer, event id). */
public class ProcessedMessages {

    private final JdbcClient jdbc;

    public ProcessedMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the event as processed by the consumer, in the caller's transaction.
     *
     * @return {@code false} when it already was: the caller must not apply it again
     */
    public boolean markProcessed(String consumer, String eventId, String type, String topic) {
        return jdbc.sql("""
                        INSERT INTO processed_message (consumer, event_id, event_type, topic)
                        VALUES (:consumer, :eventId, :type, :topic)
                        ON CONFLICT (consumer, event_id) DO NOTHING""")
                .param("consumer", consumer)
                .param("eventId", eventId)
                .param("type", type)
                .param("topic", topic)
                .update() == 1;
    }

    public long count(String consumer) {
        return jdbc.sql("SELECT count(*) FROM processed_message WHERE consumer = :consumer")
                .param("consumer", consumer).query(Long.class).single();
    }
}
