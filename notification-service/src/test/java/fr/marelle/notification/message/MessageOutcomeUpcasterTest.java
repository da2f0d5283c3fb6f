package fr.marelle.notification.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.marelle.notification.message.MessageEvents.MessageFailed;
import fr.marelle.notification.message.MessageEvents.MessageSent;
import fr.marelle.platform.eventstore.EventStoreAutoConfiguration;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code MessageSent} and {@code MessageFailed} stored at revision 1 (emails only, SMTP {@code Message-ID}) read as
 * revision 2 (provider reference, family, channel and template).
 */
class MessageOutcomeUpcasterTest {

    static final String MESSAGE_ID = "6f1c0b0e-3c1e-4d5a-9f00-7a2b3c4d5e6f";
    static final String SENT_1 = """
            {"messageId":"6f1c0b0e-3c1e-4d5a-9f00-7a2b3c4d5e6f","attempt":1,
             "smtpMessageId":"<6f1c0b0e@vincey.fr>","serverReply":"250 OK","sentAt":"2026-09-01T07:45:02Z"}""";
    static final String SENT_2 = """
            {"messageId":"6f1c0b0e-3c1e-4d5a-9f00-7a2b3c4d5e6f","attempt":1,
             "providerReference":"<6f1c0b0e@vincey.fr>","serverReply":"250 OK","sentAt":"2026-09-01T07:45:02Z",
             "familyId":null,"channel":"EMAIL","template":null}""";
    static final String FAILED_1 = """
            {"messageId":"6f1c0b0e-3c1e-4d5a-9f00-7a2b3c4d5e6f","attempt":6,"reasonCode":"SMTP_UNAVAILABLE",
             "reason":"Serveur SMTP injoignable","failedAt":"2026-09-01T17:00:00Z"}""";

    final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(EventStoreAutoConfiguration.eventObjectMapper())
            .revisionResolver(new AnnotationRevisionResolver())
            .converter(new ChainingConverter(getClass().getClassLoader()))
            .build();
    final MessageOutcomeUpcaster upcaster = new MessageOutcomeUpcaster();

    GenericDomainEventEntry<byte[]> stored(Class<?> type, String json, String revision) {
        return new GenericDomainEventEntry<>("OutgoingMessage", MESSAGE_ID, 3, UUID.randomUUID().toString(),
                "2026-09-01T07:45:02Z", type.getName(), revision, json.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_sent_email_of_revision_1_names_its_message_id_the_provider_reference_and_is_an_email() throws Exception {
        IntermediateEventRepresentation upcast = upcaster.upcast(Stream.of(
                new InitialEventRepresentation(stored(MessageSent.class, SENT_1, "1"), serializer)))
                .findFirst().orElseThrow();

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat(upcast.getData(JsonNode.class).getData()).isEqualTo(new ObjectMapper().readTree(SENT_2));
    }

    @Test
    void stored_outcomes_of_revision_1_read_as_the_current_events() {
        var events = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(
                stored(MessageSent.class, SENT_1, "1"), stored(MessageFailed.class, FAILED_1, "1")), serializer,
                upcaster);

        assertThat(events.next().getPayload()).isEqualTo(new MessageSent(MessageId.of(MESSAGE_ID), 1,
                "<6f1c0b0e@vincey.fr>", "250 OK", Instant.parse("2026-09-01T07:45:02Z"), null, Channel.EMAIL, null));
        assertThat(events.next().getPayload()).isEqualTo(new MessageFailed(MessageId.of(MESSAGE_ID), 6,
                DeliveryFailureCode.SMTP_UNAVAILABLE, "Serveur SMTP injoignable",
                Instant.parse("2026-09-01T17:00:00Z"), null, Channel.EMAIL, null));
    }

    @Test
    void leaves_revision_2_alone() {
        assertThat(upcaster.upcast(Stream.of(new InitialEventRepresentation(
                stored(MessageSent.class, SENT_2, "2"), serializer))).findFirst().orElseThrow()
                .getType().getRevision()).isEqualTo("2");
    }
}
