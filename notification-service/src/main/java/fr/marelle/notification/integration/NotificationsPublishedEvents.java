package fr.marelle.notification.integration;

import fr.marelle.contracts.notifications.NotificationFailed;
import fr.marelle.contracts.notifications.NotificationSent;
import fr.marelle.notification.message.MessageEvents.MessageFailed;
import fr.marelle.notification.message.MessageEvents.MessageSent;
import fr.marelle.notification.message.MessageTemplate;
import fr.marelle.notification.message.NotificationKind;
import fr.marelle.platform.integration.IntegrationEventMapper;
import org.axonframework.eventhandling.EventMessage;
import fr.marelle.platform.integration.OutgoingIntegrationEvent;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;

/**
 * The notification context's public events, for the audit console: a message reached its provider
 * ({@code NotificationSent}) or was given up ({@code NotificationFailed}). Keyed by family, so that a family's facts
 * stay in order; no address and no content cross.
 */
@Component
class NotificationsPublishedEvents implements IntegrationEventMapper {

    @Override
    public List<OutgoingIntegrationEvent> map(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof MessageSent e) {
            String messageId = e.messageId().toString();
            return List.of(new OutgoingIntegrationEvent(NotificationSent.TYPE.topic(),
                    NotificationSent.TYPE.qualifiedName(), keyOf(e.familyId(), messageId),
                    new NotificationSent(messageId, e.familyId(), e.channel() == null ? "EMAIL" : e.channel().name(),
                            e.template(), kindOf(e.template()), e.attempt(), e.sentAt())));
        }
        if (payload instanceof MessageFailed e) {
            String messageId = e.messageId().toString();
            return List.of(new OutgoingIntegrationEvent(NotificationFailed.TYPE.topic(),
                    NotificationFailed.TYPE.qualifiedName(), keyOf(e.familyId(), messageId),
                    new NotificationFailed(messageId, e.familyId(), e.channel() == null ? "EMAIL" : e.channel().name(),
                            e.template(), kindOf(e.template()), e.reasonCode().name(), e.attempt(), e.failedAt())));
        }
        return List.of();
    }

    private static String keyOf(String familyId, String messageId) {
        return familyId != null ? familyId : messageId;
    }

    /** The kind of a template; {@code null} for an event from before templates were repeated in outcomes. */
    private static String kindOf(String template) {
        return template == null ? null : Arrays.stream(MessageTemplate.values())
                .filter(t -> t.name().equals(template)).findFirst()
                .map(MessageTemplate::kind).map(NotificationKind::name).orElse(null);
    }
}
