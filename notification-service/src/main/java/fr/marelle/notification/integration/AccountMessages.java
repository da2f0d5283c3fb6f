package fr.marelle.notification.integration;

import fr.marelle.contracts.accounts.AccountActivated;
import fr.marelle.contracts.accounts.AccountRefused;
import fr.marelle.contracts.accounts.EmailVerificationRequested;
import fr.marelle.contracts.accounts.FamilyRegistered;
import fr.marelle.contracts.accounts.LoginEmailChangeRequested;
import fr.marelle.contracts.accounts.LoginEmailChanged;
import fr.marelle.contracts.accounts.LoginInvitationSent;
import fr.marelle.contracts.accounts.PasswordResetRequested;
import fr.marelle.contracts.accounts.RegistrationAttempted;
import fr.marelle.notification.directory.RecipientDirectory;
import fr.marelle.notification.directory.RecipientDirectory.GuardianContact;
import fr.marelle.notification.message.Channel;
import fr.marelle.notification.message.Language;
import fr.marelle.notification.message.MessageCommands.QueueMessage;
import fr.marelle.notification.message.MessageId;
import fr.marelle.notification.message.MessageTemplate;
import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.integration.IntegrationEnvelope;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The emails accounts-service's facts call for: which template, to which address, in which language, greeting whom.
 *
 * <p>Each runs in the Kafka consumer's transaction, after the facts before it in the family's stream (the directory
 * is up to date with them). The message id derives from the Kafka event id and the template, so a redelivered
 * record queues nothing new. Addresses the event carries are used as they are: the login address being confirmed,
 * the new address to confirm, the previous address to warn. The others come from the directory (the guardian's
 * notification address). First names and languages come from the event when it has them, else from the directory,
 * else the email greets without a name, in French. Links are never in the message: only the request id of
 * accounts-service, which the link is minted for when the email is written.
 */
@Component
class AccountMessages {

    static final String STAFF = "STAFF";
    private static final Logger log = LoggerFactory.getLogger(AccountMessages.class);

    private final CommandGateway commands;
    private final RecipientDirectory directory;

    AccountMessages(CommandGateway commands, RecipientDirectory directory) {
        this.commands = commands;
        this.directory = directory;
    }

    /**
     * Rule: only a family file opened by staff gets a welcome (to the address it has, if any); a parent who
     * registered themselves is welcomed by the email that asks them to confirm their address.
     */
    void familyRegistered(FamilyRegistered event, IntegrationEnvelope envelope) {
        if (!STAFF.equals(event.registeredBy()) || isBlank(event.email())) {
            return;
        }
        Map<String, String> parameters = new HashMap<>();
        parameters.put("firstName", event.firstName());
        parameters.put("lastName", event.lastName());
        parameters.put("registeredBy", event.registeredBy());
        queue(envelope, MessageTemplate.WELCOME, event.familyId(), event.email(), event.language(), parameters, null);
    }

    void emailVerificationRequested(EmailVerificationRequested event, IntegrationEnvelope envelope) {
        Optional<GuardianContact> guardian = directory.guardian(event.guardianId());
        queue(envelope, MessageTemplate.VERIFY_EMAIL, event.familyId(), event.email(), languageOf(guardian),
                greeting(guardian), event.requestId());
    }

    void accountActivated(AccountActivated event, IntegrationEnvelope envelope) {
        GuardianContact guardian = known(event.guardianId(), envelope);
        toNotificationAddress(envelope, MessageTemplate.ACCOUNT_ACTIVATED, guardian, greeting(Optional.of(guardian)));
    }

    void accountRefused(AccountRefused event, IntegrationEnvelope envelope) {
        GuardianContact guardian = known(event.guardianId(), envelope);
        Map<String, String> parameters = greeting(Optional.of(guardian));
        parameters.put("reason", event.reason());
        toNotificationAddress(envelope, MessageTemplate.ACCOUNT_REFUSED, guardian, parameters);
    }

    void passwordResetRequested(PasswordResetRequested event, IntegrationEnvelope envelope) {
        Optional<GuardianContact> guardian = directory.guardian(event.guardianId());
        queue(envelope, MessageTemplate.PASSWORD_RESET, event.familyId(), event.email(), languageOf(guardian),
                greeting(guardian), event.requestId());
    }

    /** The new address confirms itself: the link goes there, never to the current one. */
    void loginEmailChangeRequested(LoginEmailChangeRequested event, IntegrationEnvelope envelope) {
        Optional<GuardianContact> guardian = directory.guardian(event.guardianId());
        queue(envelope, MessageTemplate.EMAIL_CHANGE_CONFIRM, event.familyId(), event.newEmail(),
                languageOf(guardian), greeting(guardian), event.requestId());
    }

    /** The previous address is told, so that a change its owner did not make is noticed. */
    void loginEmailChanged(LoginEmailChanged event, IntegrationEnvelope envelope) {
        if (isBlank(event.previousEmail())) {
            return;
        }
        Optional<GuardianContact> guardian = directory.guardian(event.guardianId());
        queue(envelope, MessageTemplate.EMAIL_CHANGED_NOTICE, event.familyId(), event.previousEmail(),
                languageOf(guardian), greeting(guardian), null);
    }

    void registrationAttempted(RegistrationAttempted event, IntegrationEnvelope envelope) {
        Optional<GuardianContact> guardian = directory.guardian(event.guardianId());
        queue(envelope, MessageTemplate.REGISTRATION_ATTEMPT_ON_EXISTING, event.familyId(), event.email(),
                languageOf(guardian), greeting(guardian), null);
    }

    /**
     * A guardian invited by staff (in their language, greeted by the name the directory has) or a staff member
     * invited by an administrator (no family; French; greeted by the name the event carries).
     */
    void loginInvitationSent(LoginInvitationSent event, IntegrationEnvelope envelope) {
        Optional<GuardianContact> guardian = event.staff() ? Optional.empty() : directory.guardian(event.userId());
        Map<String, String> parameters = greeting(guardian);
        if (!isBlank(event.firstName())) {
            parameters.put("firstName", event.firstName().strip());
        }
        parameters.put("invitee", event.staff() ? MessageTemplate.INVITEE_STAFF : MessageTemplate.INVITEE_GUARDIAN);
        queue(envelope, MessageTemplate.LOGIN_INVITATION, event.staff() ? null : event.familyId(), event.email(),
                languageOf(guardian), parameters, event.requestId());
    }

    private void toNotificationAddress(IntegrationEnvelope envelope, MessageTemplate template,
                                       GuardianContact guardian, Map<String, String> parameters) {
        Optional<String> address = guardian.addressOn(Channel.EMAIL);
        if (address.isEmpty()) {
            log.info("{} {}: guardian {} has no email address; nothing sent", envelope.type(), envelope.eventId(),
                    guardian.guardianId());
            return;
        }
        queue(envelope, template, guardian.familyId().toString(), address.get(), guardian.language(), parameters,
                null);
    }

    /**
     * Rule: a fact about a guardian the directory has never seen cannot be addressed; since a family's facts arrive
     * in order, that is a gap in the stream, kept on the dead-letter topic for someone to look at.
     */
    private GuardianContact known(String guardianId, IntegrationEnvelope envelope) {
        return directory.guardian(guardianId).orElseThrow(() -> DomainException.rule("RECIPIENT_UNKNOWN",
                envelope.type() + " " + envelope.eventId() + " : tuteur " + guardianId
                        + " inconnu de l'annuaire des destinataires"));
    }

    private void queue(IntegrationEnvelope envelope, MessageTemplate template, String familyId, String recipient,
                       String language, Map<String, String> parameters, String linkRequestId) {
        commands.sendAndWait(new QueueMessage(MessageId.causedBy(envelope.eventId(), template.name()), familyId,
                Channel.EMAIL, recipient == null ? null : recipient.strip(), template.name(),
                Language.normalise(language), parameters, linkRequestId, envelope.eventId()));
    }

    private static Map<String, String> greeting(Optional<GuardianContact> guardian) {
        Map<String, String> parameters = new HashMap<>();
        guardian.map(GuardianContact::firstName).filter(name -> !isBlank(name))
                .ifPresent(name -> parameters.put("firstName", name));
        return parameters;
    }

    private static String languageOf(Optional<GuardianContact> guardian) {
        return guardian.map(GuardianContact::language).orElse(Language.FRENCH);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
