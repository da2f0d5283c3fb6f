package fr.marelle.notification.integration;

import fr.marelle.contracts.ContractType;
import fr.marelle.contracts.accounts.AccountActivated;
import fr.marelle.contracts.accounts.AccountRefused;
import fr.marelle.contracts.accounts.EmailVerificationRequested;
import fr.marelle.contracts.accounts.FamilyAddressChanged;
import fr.marelle.contracts.accounts.FamilyRegistered;
import fr.marelle.contracts.accounts.GuardianProfileUpdated;
import fr.marelle.contracts.accounts.GuardianRegistered;
import fr.marelle.contracts.accounts.LoginEmailChangeRequested;
import fr.marelle.contracts.accounts.LoginEmailChanged;
import fr.marelle.contracts.accounts.LoginInvitationSent;
import fr.marelle.contracts.accounts.NewsletterConsentChanged;
import fr.marelle.contracts.accounts.PasswordResetRequested;
import fr.marelle.contracts.accounts.RegistrationAttempted;
import fr.marelle.notification.directory.RecipientDirectory;
import fr.marelle.platform.integration.IntegrationEventHandler;
import fr.marelle.platform.integration.IntegrationSubscriptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The facts of other contexts that notification-service follows: who to write to (the recipient directory) and
 * what to write (the account emails). Each record is applied once, in one transaction with its processed-message
 * row, in the order of its family's events.
 */
@Configuration(proxyBeanMethods = false)
class NotificationSubscriptions {

    @Bean
    IntegrationSubscriptions notificationEvents(AccountMessages messages, RecipientDirectory directory) {
        IntegrationSubscriptions subscriptions = IntegrationSubscriptions.create();
        // who to write to
        on(subscriptions, GuardianRegistered.TYPE, (e, env) -> directory.guardianRegistered(e, env.occurredAt()));
        on(subscriptions, GuardianProfileUpdated.TYPE,
                (e, env) -> directory.guardianProfileUpdated(e, env.occurredAt()));
        on(subscriptions, NewsletterConsentChanged.TYPE,
                (e, env) -> directory.newsletterConsentChanged(e, env.occurredAt()));
        on(subscriptions, FamilyAddressChanged.TYPE, (e, env) -> directory.familyAddressChanged(e, env.occurredAt()));
        on(subscriptions, LoginEmailChanged.TYPE, (e, env) -> {
            messages.loginEmailChanged(e, env); // to the previous address, greeted as the directory knew them
            directory.loginEmailChanged(e, env.occurredAt());
        });
        // what to write
        on(subscriptions, FamilyRegistered.TYPE, messages::familyRegistered);
        on(subscriptions, EmailVerificationRequested.TYPE, messages::emailVerificationRequested);
        on(subscriptions, AccountActivated.TYPE, messages::accountActivated);
        on(subscriptions, AccountRefused.TYPE, messages::accountRefused);
        on(subscriptions, PasswordResetRequested.TYPE, messages::passwordResetRequested);
        on(subscriptions, LoginEmailChangeRequested.TYPE, messages::loginEmailChangeRequested);
        on(subscriptions, RegistrationAttempted.TYPE, messages::registrationAttempted);
        on(subscriptions, LoginInvitationSent.TYPE, messages::loginInvitationSent);
        return subscriptions;
    }

    private static <T> void on(IntegrationSubscriptions subscriptions, ContractType<T> type,
                               IntegrationEventHandler<T> handler) {
        subscriptions.on(type.topic(), type.qualifiedName(), type.payloadType(), handler);
    }
}
