package fr.marelle.accounts.guardian;

import fr.marelle.accounts.family.FamilyId;
import fr.marelle.accounts.guardian.GuardianCommands.AcceptLoginInvitation;
import fr.marelle.accounts.guardian.GuardianCommands.ActivateAccount;
import fr.marelle.accounts.guardian.GuardianCommands.ChangeNewsletterConsent;
import fr.marelle.accounts.guardian.GuardianCommands.CompletePasswordReset;
import fr.marelle.accounts.guardian.GuardianCommands.ConfirmLoginEmailChange;
import fr.marelle.accounts.guardian.GuardianCommands.InviteGuardianToLogIn;
import fr.marelle.accounts.guardian.GuardianCommands.RecordGuardianWithoutLogin;
import fr.marelle.accounts.guardian.GuardianCommands.RecordPasswordChange;
import fr.marelle.accounts.guardian.GuardianCommands.RecordRegistrationAttempt;
import fr.marelle.accounts.guardian.GuardianCommands.RefuseAccount;
import fr.marelle.accounts.guardian.GuardianCommands.RegisterGuardian;
import fr.marelle.accounts.guardian.GuardianCommands.RequestEmailVerification;
import fr.marelle.accounts.guardian.GuardianCommands.RequestLoginEmailChange;
import fr.marelle.accounts.guardian.GuardianCommands.RequestPasswordReset;
import fr.marelle.accounts.guardian.GuardianCommands.UpdateGuardianProfile;
import fr.marelle.accounts.guardian.GuardianCommands.VerifyEmail;
import fr.marelle.accounts.guardian.GuardianEvents.AccountActivated;
import fr.marelle.accounts.guardian.GuardianEvents.AccountRefused;
import fr.marelle.accounts.guardian.GuardianEvents.EmailVerificationRequested;
import fr.marelle.accounts.guardian.GuardianEvents.EmailVerified;
import fr.marelle.accounts.guardian.GuardianEvents.GuardianProfileUpdated;
import fr.marelle.accounts.guardian.GuardianEvents.GuardianRegistered;
import fr.marelle.accounts.guardian.GuardianEvents.LoginEmailChangeRequested;
import fr.marelle.accounts.guardian.GuardianEvents.LoginEmailChanged;
import fr.marelle.accounts.guardian.GuardianEvents.LoginInvitationAccepted;
import fr.marelle.accounts.guardian.GuardianEvents.LoginInvitationSent;
import fr.marelle.accounts.guardian.GuardianEvents.NewsletterConsentChanged;
import fr.marelle.accounts.guardian.GuardianEvents.PasswordChanged;
import fr.marelle.accounts.guardian.GuardianEvents.PasswordReset;
import fr.marelle.accounts.guardian.GuardianEvents.PasswordResetRequested;
import fr.marelle.accounts.guardian.GuardianEvents.RegistrationAttemptedWithExistingEmail;
import fr.marelle.platform.errors.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A parent (legal guardian) of a family, and their login: registration, address confirmation, activation by staff,
 * profile, login address and password changes. Passwords live outside the event store; this aggregate records that
 * they changed.
 */
@Aggregate
public class Guardian {

    @AggregateIdentifier
    private GuardianId guardianId;
    private FamilyId familyId;
    private AccountStatus status;
    private String loginEmail;
    private boolean newsletterConsent;
    private GuardianProfile profile;
    private PendingRequest verification;
    private PendingRequest invitation;
    private PendingRequest emailChange;
    private PendingRequest reset;

    protected Guardian() {
    }

    @CommandHandler
    public Guardian(RegisterGuardian command) {
        GuardianRules.profileIsComplete(command.profile());
        apply(new GuardianRegistered(command.guardianId(), command.familyId(), RegistrationOrigin.SELF,
                command.profile(), command.loginEmail(), command.newsletterConsent(),
                AccountStatus.EMAIL_UNVERIFIED));
        apply(new EmailVerificationRequested(command.guardianId(), command.familyId(), command.loginEmail(),
                command.verificationRequestId(), command.verificationExpiresAt()));
    }

    @CommandHandler
    public Guardian(RecordGuardianWithoutLogin command) {
        GuardianRules.profileIsComplete(command.profile());
        apply(new GuardianRegistered(command.guardianId(), command.familyId(), RegistrationOrigin.STAFF,
                command.profile(), null, false, AccountStatus.NO_LOGIN));
    }

    @CommandHandler
    void handle(InviteGuardianToLogIn command) {
        GuardianRules.invitationNeedsNoLoginYet(status);
        apply(new LoginInvitationSent(guardianId, familyId, command.loginEmail(), command.requestId(),
                command.expiresAt(), profile.firstName()));
    }

    @CommandHandler
    void handle(AcceptLoginInvitation command, Clock clock) {
        if (invitation == null || !invitation.matches(command.requestId(), clock.instant())) {
            throw GuardianRules.linkNoLongerValid();
        }
        apply(new LoginInvitationAccepted(guardianId, familyId, loginEmail));
    }

    @CommandHandler
    void handle(RequestEmailVerification command) {
        if (status != AccountStatus.EMAIL_UNVERIFIED) {
            return; // already verified: nothing to send, and nothing to reveal
        }
        apply(new EmailVerificationRequested(guardianId, familyId, loginEmail, command.requestId(),
                command.expiresAt()));
    }

    @CommandHandler
    void handle(VerifyEmail command, Clock clock) {
        if (verification == null || !verification.matches(command.requestId(), clock.instant())) {
            throw GuardianRules.linkNoLongerValid();
        }
        apply(new EmailVerified(guardianId, familyId, loginEmail));
    }

    @CommandHandler
    void handle(ActivateAccount command) {
        GuardianRules.activationNeedsAConfirmedAddress(status);
        if (status != AccountStatus.ACTIVE) {
            apply(new AccountActivated(guardianId, familyId));
        }
    }

    @CommandHandler
    void handle(RefuseAccount command) {
        GuardianRules.refusalNeedsAReason(command.reason());
        GuardianRules.refusalOnlyBeforeActivation(status);
        apply(new AccountRefused(guardianId, familyId, command.reason().strip()));
    }

    @CommandHandler
    void handle(UpdateGuardianProfile command) {
        GuardianRules.profileIsComplete(command.profile());
        if (!command.profile().equals(profile)) {
            apply(new GuardianProfileUpdated(guardianId, familyId, command.profile()));
        }
    }

    @CommandHandler
    void handle(ChangeNewsletterConsent command) {
        if (command.consent() != newsletterConsent) {
            apply(new NewsletterConsentChanged(guardianId, familyId, command.consent()));
        }
    }

    @CommandHandler
    void handle(RequestLoginEmailChange command) {
        GuardianRules.loginRequired(status);
        if (Objects.equals(loginEmail, command.newEmail())) {
            throw DomainException.rule("EMAIL_UNCHANGED", "C'est déjà votre adresse de connexion.");
        }
        apply(new LoginEmailChangeRequested(guardianId, familyId, command.newEmail(), command.requestId(),
                command.expiresAt()));
    }

    @CommandHandler
    void handle(ConfirmLoginEmailChange command, Clock clock) {
        if (emailChange == null || !emailChange.matches(command.requestId(), clock.instant())) {
            throw GuardianRules.linkNoLongerValid();
        }
        apply(new LoginEmailChanged(guardianId, familyId, loginEmail, emailChange.email()));
    }

    @CommandHandler
    void handle(RecordPasswordChange command) {
        GuardianRules.loginRequired(status);
        apply(new PasswordChanged(guardianId, familyId));
    }

    @CommandHandler
    void handle(RequestPasswordReset command) {
        if (!status.hasLogin() || status == AccountStatus.INVITED) {
            return; // nothing to reset; the caller answers the same whatever happens
        }
        apply(new PasswordResetRequested(guardianId, familyId, loginEmail, command.requestId(),
                command.expiresAt()));
    }

    @CommandHandler
    void handle(CompletePasswordReset command, Clock clock) {
        if (reset == null || !reset.matches(command.requestId(), clock.instant())) {
            throw GuardianRules.linkNoLongerValid();
        }
        apply(new PasswordReset(guardianId, familyId));
    }

    @CommandHandler
    void handle(RecordRegistrationAttempt command) {
        apply(new RegistrationAttemptedWithExistingEmail(guardianId, familyId, loginEmail));
    }

    @EventSourcingHandler
    void on(GuardianRegistered event) {
        guardianId = event.guardianId();
        familyId = event.familyId();
        status = event.status();
        loginEmail = event.loginEmail();
        profile = event.profile();
        newsletterConsent = event.newsletterConsent();
    }

    @EventSourcingHandler
    void on(LoginInvitationSent event) {
        status = AccountStatus.INVITED;
        loginEmail = event.loginEmail();
        invitation = new PendingRequest(event.requestId(), event.expiresAt(), event.loginEmail());
    }

    @EventSourcingHandler
    void on(LoginInvitationAccepted event) {
        status = AccountStatus.ACTIVE; // staff invited: the account is active once the password is chosen
        invitation = null;
    }

    @EventSourcingHandler
    void on(EmailVerificationRequested event) {
        verification = new PendingRequest(event.requestId(), event.expiresAt(), event.email());
    }

    @EventSourcingHandler
    void on(EmailVerified event) {
        status = AccountStatus.AWAITING_ACTIVATION;
        verification = null;
    }

    @EventSourcingHandler
    void on(AccountActivated event) {
        status = AccountStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(AccountRefused event) {
        status = AccountStatus.REFUSED;
    }

    @EventSourcingHandler
    void on(GuardianProfileUpdated event) {
        profile = event.profile();
    }

    @EventSourcingHandler
    void on(NewsletterConsentChanged event) {
        newsletterConsent = event.consent();
    }

    @EventSourcingHandler
    void on(LoginEmailChangeRequested event) {
        emailChange = new PendingRequest(event.requestId(), event.expiresAt(), event.newEmail());
    }

    @EventSourcingHandler
    void on(LoginEmailChanged event) {
        loginEmail = event.newEmail();
        emailChange = null;
    }

    @EventSourcingHandler
    void on(PasswordResetRequested event) {
        reset = new PendingRequest(event.requestId(), event.expiresAt(), event.email());
    }

    @EventSourcingHandler
    void on(PasswordReset event) {
        reset = null;
    }
}
