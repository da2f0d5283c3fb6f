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

import java.util.List;
import java.util.Optional;

/** Every published event type of Marelle. */
public final class Contracts {

    public static final List<ContractType<?>> ALL = List.of(
            FamilyRegistered.TYPE,
            GuardianRegistered.TYPE,
            GuardianProfileUpdated.TYPE,
            NewsletterConsentChanged.TYPE,
            EmailVerificationRequested.TYPE,
            AccountActivated.TYPE,
            AccountRefused.TYPE,
            PasswordResetRequested.TYPE,
            LoginEmailChangeRequested.TYPE,
            LoginEmailChanged.TYPE,
            RegistrationAttempted.TYPE,
            LoginInvitationSent.TYPE,
            QuotientFamilialChanged.TYPE,
            FamilyAddressChanged.TYPE,
            EmergencyContactsChanged.TYPE
    );

    private Contracts() {
    }

    public static Optional<ContractType<?>> byQualifiedName(String qualifiedName) {
        return ALL.stream().filter(t -> t.qualifiedName().equals(qualifiedName)).findFirst();
    }
}
