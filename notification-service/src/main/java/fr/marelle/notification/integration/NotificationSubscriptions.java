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
import fr.marelle.contracts.billing.InvoiceIssued;
import fr.marelle.contracts.children.ChildDetailsUpdated;
import fr.marelle.contracts.children.ChildRegistered;
import fr.marelle.contracts.children.DocumentReviewed;
import fr.marelle.contracts.planning.BookingsSubmitted;
import fr.marelle.contracts.planning.ServiceChanged;
import fr.marelle.contracts.planning.ServiceDayCancelled;
import fr.marelle.contracts.planning.WaitlistPlaceGranted;
import fr.marelle.contracts.wallet.TopUpFailed;
import fr.marelle.contracts.wallet.TopUpSucceeded;
import fr.marelle.contracts.wallet.WalletBalanceLow;
import fr.marelle.contracts.wallet.WalletOverdrawn;
import fr.marelle.notification.directory.NameDirectory;
import fr.marelle.notification.directory.RecipientDirectory;
import fr.marelle.platform.integration.IntegrationEventHandler;
import fr.marelle.platform.integration.IntegrationSubscriptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The facts of other contexts that notification-service follows: who to write to (the recipient directory), the
 * names messages use (children, services), and what to write (the account emails; the wallet alerts and every other
 * message a family chooses channels for). Each record is applied once, in one transaction with its processed-message
 * row, in the order of its key's events (the family for most; the service-day for a closure).
 */
@Configuration(proxyBeanMethods = false)
class NotificationSubscriptions {

    @Bean
    IntegrationSubscriptions notificationEvents(AccountMessages messages, RecipientDirectory directory,
                                                FamilyMessages family, NameDirectory names) {
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
        // names that messages use
        on(subscriptions, ChildRegistered.TYPE, (e, env) -> names.childRegistered(e, env.occurredAt()));
        on(subscriptions, ChildDetailsUpdated.TYPE, (e, env) -> names.childDetailsUpdated(e, env.occurredAt()));
        on(subscriptions, ServiceChanged.TYPE, (e, env) -> names.serviceChanged(e, env.occurredAt()));
        // what families choose to be told, by email and/or SMS
        on(subscriptions, WalletBalanceLow.TYPE, family::walletBalanceLow);
        on(subscriptions, WalletOverdrawn.TYPE, family::walletOverdrawn);
        on(subscriptions, TopUpSucceeded.TYPE, family::topUpSucceeded);
        on(subscriptions, TopUpFailed.TYPE, family::topUpFailed);
        on(subscriptions, BookingsSubmitted.TYPE, family::bookingsSubmitted);
        on(subscriptions, WaitlistPlaceGranted.TYPE, family::waitlistPlaceGranted);
        on(subscriptions, ServiceDayCancelled.TYPE, family::serviceDayCancelled);
        on(subscriptions, DocumentReviewed.TYPE, family::documentReviewed);
        on(subscriptions, InvoiceIssued.TYPE, family::invoiceIssued);
        return subscriptions;
    }

    private static <T> void on(IntegrationSubscriptions subscriptions, ContractType<T> type,
                               IntegrationEventHandler<T> handler) {
        subscriptions.on(type.topic(), type.qualifiedName(), type.payloadType(), handler);
    }
}
