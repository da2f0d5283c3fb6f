package fr.marelle.notification.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.marelle.notification.message.MessageEvents.MessageQueued;
import fr.marelle.platform.eventstore.EventStoreAutoConfiguration;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code MessageQueued} stored at revisions 1 (before {@code linkRequestId}) and 2 (before {@code notBefore}) reads as revision 3. */
class MessageQueuedUpcasterTest {

    static final String MESSAGE_ID = "6f1c0b0e-3c1e-4d5a-9f00-7a2b3c4d5e6f";
    static final String REVISION_1 = """
            {"messageId":"6f1c0b0e-3c1e-4d5a-9f00-7a2b3c4d5e6f","familyId":"5b0f7c1e-2f55-4d3a-9d53-1c1b7f0e9a01",
             "channel":"EMAIL","recipient":"camille.martin@example.org","template":"WELCOME","language":"fr",
             "parameters":{"firstName":"Camille","lastName":"Martin","registeredBy":"STAFF"},
             "sourceEventId":"event-1"}""";
    static final String REVISION_2 = """
            {"messageId":"6f1c0b0e-3c1e-4d5a-9f00-7a2b3c4d5e6f","familyId":"5b0f7c1e-2f55-4d3a-9d53-1c1b7f0e9a01",
             "channel":"EMAIL","recipient":"camille.martin@example.org","template":"WELCOME","language":"fr",
             "parameters":{"firstName":"Camille","lastName":"Martin","registeredBy":"STAFF"},
             "sourceEventId":"event-1","linkRequestId":null}""";
    static final String REVISION_3 = """
            {"messageId":"6f1c0b0e-3c1e-4d5a-9f00-7a2b3c4d5e6f","familyId":"5b0f7c1e-2f55-4d3a-9d53-1c1b7f0e9a01",
             "channel":"EMAIL","recipient":"camille.martin@example.org","template":"WELCOME","language":"fr",
             "parameters":{"firstName":"Camille","lastName":"Martin","registeredBy":"STAFF"},
             "sourceEventId":"event-1","linkRequestId":null,"notBefore":null}""";

    final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(EventStoreAutoConfiguration.eventObjectMapper())
            .revisionResolver(new AnnotationRevisionResolver())
            .converter(new ChainingConverter(getClass().getClassLoader()))
            .build();
    final MessageQueuedUpcaster upcaster = new MessageQueuedUpcaster();

    GenericDomainEventEntry<byte[]> stored(String json, String revision) {
        return new GenericDomainEventEntry<>("OutgoingMessage", MESSAGE_ID, 0, UUID.randomUUID().toString(),
                "2026-09-01T07:45:00Z", MessageQueued.class.getName(), revision,
                json.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void adds_an_empty_link_request_and_no_deferral_and_moves_revision_1_to_revision_3() throws Exception {
        IntermediateEventRepresentation upcast = upcaster.upcast(Stream.of(
                        new InitialEventRepresentation(stored(REVISION_1, "1"), serializer)))
                .findFirst().orElseThrow();

        assertThat(upcast.getType().getRevision()).isEqualTo("3");
        JsonNode json = upcast.getData(JsonNode.class).getData();
        assertThat(json).isEqualTo(new ObjectMapper().readTree(REVISION_3));
    }

    @Test
    void adds_no_deferral_and_moves_revision_2_to_revision_3() throws Exception {
        IntermediateEventRepresentation upcast = upcaster.upcast(Stream.of(
                        new InitialEventRepresentation(stored(REVISION_2, "2"), serializer)))
                .findFirst().orElseThrow();

        assertThat(upcast.getType().getRevision()).isEqualTo("3");
        assertThat(upcast.getData(JsonNode.class).getData()).isEqualTo(new ObjectMapper().readTree(REVISION_3));
    }

    @Test
    void a_stored_revision_1_event_reads_as_the_current_message_queued() {
        DomainEventStream events = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(stored(REVISION_1, "1")), serializer, upcaster);

        MessageQueued event = (MessageQueued) events.next().getPayload();
        assertThat(event).isEqualTo(new MessageQueued(MessageId.of(MESSAGE_ID),
                "5b0f7c1e-2f55-4d3a-9d53-1c1b7f0e9a01", Channel.EMAIL, "camille.martin@example.org", "WELCOME", "fr",
                Map.of("firstName", "Camille", "lastName", "Martin", "registeredBy", "STAFF"), null, "event-1", null));
    }

    @Test
    void leaves_revision_3_alone() {
        assertThat(upcaster.upcast(Stream.of(new InitialEventRepresentation(stored(REVISION_3, "3"), serializer)))
                .findFirst().orElseThrow().getType().getRevision()).isEqualTo("3");
    }
}
