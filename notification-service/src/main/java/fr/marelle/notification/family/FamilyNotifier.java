package fr.marelle.notification.family;

import fr.marelle.notification.directory.RecipientDirectory;
import fr.marelle.notification.directory.RecipientDirectory.Recipient;
import fr.marelle.notification.family.FamilyNotificationsCommands.PlanNotification;
import fr.marelle.notification.message.Channel;
import fr.marelle.notification.message.Language;
import fr.marelle.notification.message.MessageCommands.QueueMessage;
import fr.marelle.notification.message.MessageId;
import fr.marelle.notification.message.MessageTemplate;
import fr.marelle.notification.message.sms.SmsAvailability;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes to a family because of a fact: decides the channels ({@link FamilyNotifications}: the family's choices, no
 * SMS at night, one SMS per kind and day), then queues one message per guardian reachable on each channel (their
 * notification address, their mobile number), in their language, greeting them by name.
 *
 * <p>Runs in the Kafka consumer's transaction: the decision, the messages and the processed-message row commit
 * together or not at all. Message ids derive from the cause (a fact's own identity, e.g. a wallet's crossing, or the
 * event id), the channel and the guardian, so the same fact delivered twice, or published again, queues nothing new.
 */
@Component
public class FamilyNotifier {

    private static final Logger log = LoggerFactory.getLogger(FamilyNotifier.class);

    private final CommandGateway commands;
    private final RecipientDirectory directory;
    private final SmsAvailability sms;
    private final Clock clock;

    FamilyNotifier(CommandGateway commands, RecipientDirectory directory, SmsAvailability sms, Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.sms = sms;
        this.clock = clock;
    }

    /**
     * @param causeId       what the message is about, the same each time the fact comes (e.g.
     *                      {@code wallet-low:<family>:<crossedAt>})
     * @param sourceEventId the Kafka event that brought the fact
     * @return the plan, or empty when the family has nobody to write to (unknown to the directory, or no address)
     */
    public Optional<NotificationPlan> notify(String familyId, MessageTemplate template, Map<String, String> parameters,
                                             String causeId, String sourceEventId) {
        if (!isUuid(familyId)) {
            log.warn("{} for a family id that is not one ({}): nothing sent", template, sourceEventId);
            return Optional.empty();
        }
        List<Recipient> emails = template.supports(Channel.EMAIL)
                ? directory.recipientsOf(familyId, Channel.EMAIL) : List.of();
        List<Recipient> mobiles = sms.configured() && template.supports(Channel.SMS)
                ? directory.recipientsOf(familyId, Channel.SMS) : List.of();
        if (emails.isEmpty() && mobiles.isEmpty()) {
            log.info("{} ({}): family {} has no address or mobile in the directory; nothing sent", template,
                    sourceEventId, familyId);
            return Optional.empty();
        }
        Instant now = clock.instant();
        NotificationPlan plan = commands.sendAndWait(new PlanNotification(FamilyId.of(familyId), template.kind(),
                causeId, now, !emails.isEmpty(), !mobiles.isEmpty()));
        if (plan.email()) {
            emails.forEach(recipient -> queue(familyId, template, parameters, causeId, sourceEventId, recipient,
                    null));
        }
        if (plan.sms()) {
            Instant notBefore = plan.smsAt().isAfter(now) ? plan.smsAt() : null;
            mobiles.forEach(recipient -> queue(familyId, template, parameters, causeId, sourceEventId, recipient,
                    notBefore));
        }
        if (plan.smsWithheld() != null) {
            log.info("{} ({}): no SMS to family {}: {}", template, causeId, familyId, plan.smsWithheld());
        }
        return Optional.of(plan);
    }

    private void queue(String familyId, MessageTemplate template, Map<String, String> parameters, String causeId,
                       String sourceEventId, Recipient recipient, Instant notBefore) {
        Map<String, String> personal = new HashMap<>(parameters);
        personal.values().removeIf(java.util.Objects::isNull);
        if (recipient.firstName() != null && !recipient.firstName().isBlank()
                && template.optionalParameters().contains("firstName")) {
            personal.put("firstName", recipient.firstName().strip());
        }
        MessageId messageId = MessageId.causedBy(causeId + "/" + recipient.channel() + "/" + recipient.guardianId(),
                template.name());
        commands.sendAndWait(new QueueMessage(messageId, familyId, recipient.channel(), recipient.address(),
                template.name(), Language.normalise(recipient.language()), personal, null, sourceEventId,
                notBefore));
    }

    private static boolean isUuid(String id) {
        try {
            UUID.fromString(id);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
