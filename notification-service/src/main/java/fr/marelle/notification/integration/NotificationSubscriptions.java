package fr.marelle.notification.integration;

import fr.marelle.contracts.accounts.FamilyRegistered;
import fr.marelle.notification.message.Channel;
import fr.marelle.notification.message.MessageCommands.QueueMessage;
import fr.marelle.notification.message.MessageId;
import fr.marelle.platform.integration.IntegrationSubscriptions;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/** The facts of other contexts that make notification-service write to families. */
@Configuration
class NotificationSubscriptions {

    static final String WELCOME = "WELCOME";

    @Bean
    IntegrationSubscriptions notificationEvents(CommandGateway commands) {
        return IntegrationSubscriptions.create()
                .on(FamilyRegistered.TYPE.topic(), FamilyRegistered.TYPE.qualifiedName(), FamilyRegistered.class,
                        (event, envelope) -> commands.sendAndWait(new QueueMessage(
                                MessageId.causedBy(envelope.eventId(), WELCOME), event.familyId(), Channel.EMAIL,
                                event.email(), WELCOME, event.language(),
                                Map.of("firstName", event.firstName(), "lastName", event.lastName(),
                                        "registeredBy", event.registeredBy()),
                                envelope.eventId())));
    }
}
