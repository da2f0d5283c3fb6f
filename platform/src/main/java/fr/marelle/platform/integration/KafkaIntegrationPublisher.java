package fr.marelle.platform.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.marelle.platform.audit.AuditMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes a service's public events to Kafka from a streaming processor: the event store is the outbox.
 *
 * <p>Records of one batch are sent asynchronously and awaited before the batch's token moves. When Kafka is down
 * the batch fails, the token stays, and the processor retries with a growing back-off: nothing is lost, and what is
 * sent twice carries the same event id, which consumers recognise. Never replayed.
 */
@ProcessingGroup(KafkaIntegrationPublisher.PROCESSING_GROUP)
@DisallowReplay
public class KafkaIntegrationPublisher {

    public static final String PROCESSING_GROUP = "integration-publisher";
    private static final Logger log = LoggerFactory.getLogger(KafkaIntegrationPublisher.class);
    private static final String PENDING = KafkaIntegrationPublisher.class.getName() + ".pending";

    private final List<IntegrationEventMapper> mappers;
    private final KafkaTemplate<String, byte[]> kafka;
    private final ProducerFactory<String, byte[]> producerFactory;
    private final ObjectMapper json;
    private final String source;
    private final Duration sendTimeout;

    public KafkaIntegrationPublisher(List<IntegrationEventMapper> mappers, KafkaTemplate<String, byte[]> kafka,
                                     ObjectMapper json, String source, Duration sendTimeout) {
        this.mappers = mappers;
        this.kafka = kafka;
        this.producerFactory = kafka.getProducerFactory();
        this.json = json;
        this.source = source;
        this.sendTimeout = sendTimeout;
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> event) throws JsonProcessingException {
        List<OutgoingIntegrationEvent> outgoing = new ArrayList<>();
        for (IntegrationEventMapper mapper : mappers) {
            outgoing.addAll(mapper.map(event));
        }
        for (int i = 0; i < outgoing.size(); i++) {
            String eventId = i == 0 ? event.getIdentifier() : event.getIdentifier() + "#" + i;
            pending().add(kafka.send(record(outgoing.get(i), eventId, event)));
        }
    }

    private ProducerRecord<String, byte[]> record(OutgoingIntegrationEvent out, String eventId,
                                                  EventMessage<?> cause) throws JsonProcessingException {
        RecordHeaders headers = new RecordHeaders();
        header(headers, IntegrationHeaders.EVENT_ID, eventId);
        header(headers, IntegrationHeaders.EVENT_TYPE, out.type());
        header(headers, IntegrationHeaders.SOURCE, source);
        header(headers, IntegrationHeaders.OCCURRED_AT, cause.getTimestamp().toString());
        header(headers, IntegrationHeaders.CAUSATION_ID, cause.getIdentifier());
        Object correlation = cause.getMetaData().getOrDefault(AuditMetadata.CORRELATION_ID, cause.getIdentifier());
        header(headers, IntegrationHeaders.CORRELATION_ID, String.valueOf(correlation));
        Object actorId = cause.getMetaData().get(AuditMetadata.ACTOR_ID);
        if (actorId != null) {
            header(headers, IntegrationHeaders.ACTOR_ID, actorId.toString());
        }
        Object role = cause.getMetaData().get(AuditMetadata.ACTOR_ROLE);
        if (role != null) {
            header(headers, IntegrationHeaders.ACTOR_ROLE, role.toString());
        }
        return new ProducerRecord<>(out.topic(), null, out.key(), json.writeValueAsBytes(out.payload()), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The sends of the current batch, awaited once before the batch commits its token. */
    private List<CompletableFuture<?>> pending() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.getOrComputeResource(PENDING, key -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> awaitAll(sends));
            return sends;
        });
    }

    private void awaitAll(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntegrationPublishingException("Interrupted while publishing to Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            // A fresh producer next time: the broker may have been replaced, and an idempotent producer's
            // sequence state is worthless then.
            producerFactory.reset();
            log.warn("Publishing {} integration event(s) to Kafka failed; the batch will be retried: {}",
                    sends.size(), e.getMessage());
            throw new IntegrationPublishingException("Publishing to Kafka failed", e);
        }
    }

    static class IntegrationPublishingException extends RuntimeException {
        IntegrationPublishingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
