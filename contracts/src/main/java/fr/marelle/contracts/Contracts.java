package fr.marelle.contracts;

import fr.marelle.contracts.accounts.AccountActivated;
import fr.marelle.contracts.accounts.AccountRefused;
import fr.marelle.contracts.accounts.EmailVerificationRequested;
import fr.marelle.contracts.accounts.EmergencyContactsChanged;
import fr.marelle.contracts.accounts.FamilyAddressChanged;
import fr.marelle.contracts.accounts.FamilyRegistered;
import fr.marelle.contracts.accounts.GuardianProfileUpdated;
import fr.marelle.contracts.accounts.GuardianRegistered;
import fr.marelle.contracts.accounts.LoginEmailChangeRequested;
import fr.marelle.contracts.accounts.LoginEmailChanged;
import fr.marelle.contracts.accounts.LoginInvitationSent;
import fr.marelle.contracts.accounts.NewsletterConsentChanged;
import fr.marelle.contracts.accounts.PasswordResetRequested;
import fr.marelle.contracts.accounts.QuotientFamilialChanged;
import fr.marelle.contracts.accounts.RegistrationAttempted;
import fr.marelle.contracts.billing.ChargesReleased;
import fr.marelle.contracts.billing.ChargesScheduled;
import fr.marelle.contracts.billing.ChargesSettled;
import fr.marelle.contracts.billing.ChargesWaived;
import fr.marelle.contracts.billing.CreditNoteIssued;
import fr.marelle.contracts.billing.InvoiceIssued;
import fr.marelle.contracts.billing.OrderPlaced;
import fr.marelle.contracts.children.ChildArchived;
import fr.marelle.contracts.children.ChildDetailsUpdated;
import fr.marelle.contracts.children.ChildRegistered;
import fr.marelle.contracts.children.ChildRequirementsChanged;
import fr.marelle.contracts.children.DocumentReviewed;
import fr.marelle.contracts.children.QuotientFamilialAttested;
import fr.marelle.contracts.children.SchoolChanged;
import fr.marelle.contracts.notifications.NotificationFailed;
import fr.marelle.contracts.notifications.NotificationSent;
import fr.marelle.contracts.planning.AttendanceSettled;
import fr.marelle.contracts.planning.BookingsCancelled;
import fr.marelle.contracts.planning.BookingsSubmitted;
import fr.marelle.contracts.planning.ServiceChanged;
import fr.marelle.contracts.planning.ServiceDayCancelled;
import fr.marelle.contracts.planning.WaitlistPlaceGranted;
import fr.marelle.contracts.wallet.TopUpFailed;
import fr.marelle.contracts.wallet.TopUpSucceeded;
import fr.marelle.contracts.wallet.WalletBalanceLow;
import fr.marelle.contracts.wallet.WalletCredited;
import fr.marelle.contracts.wallet.WalletDebited;
import fr.marelle.contracts.wallet.WalletOverdrawn;

import java.util.List;
import java.util.Optional;

/** Every published event type of Marelle. */
public final class Contracts {

    public static final List<ContractType<?>> ALL = List.of(
            AccountActivated.TYPE,
            AccountRefused.TYPE,
            EmailVerificationRequested.TYPE,
            EmergencyContactsChanged.TYPE,
            FamilyAddressChanged.TYPE,
            FamilyRegistered.TYPE,
            GuardianProfileUpdated.TYPE,
            GuardianRegistered.TYPE,
            LoginEmailChangeRequested.TYPE,
            LoginEmailChanged.TYPE,
            LoginInvitationSent.TYPE,
            NewsletterConsentChanged.TYPE,
            PasswordResetRequested.TYPE,
            QuotientFamilialChanged.TYPE,
            RegistrationAttempted.TYPE,
            ChildArchived.TYPE,
            ChildDetailsUpdated.TYPE,
            ChildRegistered.TYPE,
            ChildRequirementsChanged.TYPE,
            DocumentReviewed.TYPE,
            QuotientFamilialAttested.TYPE,
            SchoolChanged.TYPE,
            AttendanceSettled.TYPE,
            BookingsCancelled.TYPE,
            BookingsSubmitted.TYPE,
            ServiceChanged.TYPE,
            ServiceDayCancelled.TYPE,
            WaitlistPlaceGranted.TYPE,
            ChargesReleased.TYPE,
            ChargesScheduled.TYPE,
            ChargesSettled.TYPE,
            ChargesWaived.TYPE,
            CreditNoteIssued.TYPE,
            InvoiceIssued.TYPE,
            OrderPlaced.TYPE,
            TopUpFailed.TYPE,
            TopUpSucceeded.TYPE,
            WalletBalanceLow.TYPE,
            WalletCredited.TYPE,
            WalletDebited.TYPE,
            WalletOverdrawn.TYPE,
            NotificationFailed.TYPE,
            NotificationSent.TYPE
    );

    private Contracts() {
    }

    public static Optional<ContractType<?>> byQualifiedName(String qualifiedName) {
        return ALL.stream().filter(t -> t.qualifiedName().equals(qualifiedName)).findFirst();
    }
}
