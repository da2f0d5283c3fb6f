package fr.marelle.platform.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.marelle.platform.audit.Actor;
import fr.marelle.platform.audit.ActorContext;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.ErrorKind;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Consumes integration events idempotently: the processed-message row and the effect commit in one transaction,
 * so the same record delivered twice has one effect. Commands sent by a handler run as the service itself, under
 * the correlation id of the flow that caused the event.
 */
public class IntegrationEventListener implements MessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(IntegrationEventListener.class);

    private final IntegrationSubscriptions subscriptions;
    private final ProcessedMessages processed;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final String consumer;

    public IntegrationEventListener(IntegrationSubscriptions subscriptions, ProcessedMessages processed,
                                    TransactionTemplate transactions, ObjectMapper json, String consumer) {
        this.subscriptions = subscriptions;
        this.processed = processed;
        this.transactions = transactions;
        this.json = json;
        this.consumer = consumer;
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        String type = header(record, IntegrationHeaders.EVENT_TYPE);
        String eventId = header(record, IntegrationHeaders.EVENT_ID);
        if (type == null || eventId == null) {
            throw new UnprocessableIntegrationEventException("Record without event id or type at "
                    + record.topic() + "-" + record.partition() + "@" + record.offset(), null);
        }
        subscriptions.forType(type).ifPresentOrElse(
                subscription -> apply(subscription, record, eventId, type),
                () -> log.trace("{} ignores {} {}", consumer, type, eventId));
    }

    private <T> void apply(IntegrationSubscriptions.Subscription<T> subscription, ConsumerRecord<String, byte[]> record,
                           String eventId, String type) {
        T payload;
        try {
            payload = json.readValue(record.value(), subscription.payloadType());
        } catch (IOException e) {
            throw new UnprocessableIntegrationEventException("Unreadable " + type + " " + eventId, e);
        }
        IntegrationEnvelope envelope = new IntegrationEnvelope(eventId, type, record.topic(), record.key(),
                header(record, IntegrationHeaders.SOURCE), header(record, IntegrationHeaders.CORRELATION_ID),
                header(record, IntegrationHeaders.ACTOR_ID), header(record, IntegrationHeaders.ACTOR_ROLE),
                occurredAt(record));
        transactions.executeWithoutResult(status -> {
            if (!processed.markProcessed(consumer, eventId, type, record.topic())) {
                log.debug("{} already processed {} {}", consumer, type, eventId);
                return;
            }
            ActorContext.runAs(Actor.system(consumer), envelope.correlationId(), () -> handle(subscription, payload,
                    envelope));
        });
    }

    private <T> void handle(IntegrationSubscriptions.Subscription<T> subscription, T payload,
                            IntegrationEnvelope envelope) {
        try {
            subscription.handler().handle(payload, envelope);
        } catch (DomainException e) {
            if (e.kind() == ErrorKind.CONFLICT || e.kind() == ErrorKind.UNAVAILABLE) {
                throw e;
            }
            // a refusal is deterministic: retrying gives the same answer, so it goes to the dead-letter topic
            throw new UnprocessableIntegrationEventException(envelope.type() + " " + envelope.eventId()
                    + " refused: " + e.code(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant occurredAt(ConsumerRecord<String, byte[]> record) {
        String value = header(record, IntegrationHeaders.OCCURRED_AT);
        return value != null ? Instant.parse(value) : Instant.ofEpochMilli(record.timestamp());
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Retrying cannot help: the record goes to the dead-letter topic at once. */
    public static class UnprocessableIntegrationEventException extends RuntimeException {
        public UnprocessableIntegrationEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
