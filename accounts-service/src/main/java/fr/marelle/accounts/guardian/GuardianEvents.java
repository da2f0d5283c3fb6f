package fr.marelle.accounts.guardian;

import fr.marelle.accounts.family.FamilyId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Facts about guardians and their logins. No password, hash or link token ever appears here. */
public final class GuardianEvents {

    private GuardianEvents() {
    }

    @Revision("1")
    public record GuardianRegistered(GuardianId guardianId, FamilyId familyId, RegistrationOrigin origin,
                                     GuardianProfile profile, String loginEmail, boolean newsletterConsent,
                                     AccountStatus status) {
    }

    @Revision("1")
    public record LoginInvitationSent(GuardianId guardianId, FamilyId familyId, String loginEmail, String requestId,
                                      Instant expiresAt, String firstName) {
    }

    @Revision("1")
    public record LoginInvitationAccepted(GuardianId guardianId, FamilyId familyId, String loginEmail) {
    }

    @Revision("1")
    public record EmailVerificationRequested(GuardianId guardianId, FamilyId familyId, String email,
                                             String requestId, Instant expiresAt) {
    }

    @Revision("1")
    public record EmailVerified(GuardianId guardianId, FamilyId familyId, String email) {
    }

    @Revision("1")
    public record AccountActivated(GuardianId guardianId, FamilyId familyId) {
    }

    @Revision("1")
    public record AccountRefused(GuardianId guardianId, FamilyId familyId, String reason) {
    }

    @Revision("1")
    public record GuardianProfileUpdated(GuardianId guardianId, FamilyId familyId, GuardianProfile profile) {
    }

    @Revision("1")
    public record NewsletterConsentChanged(GuardianId guardianId, FamilyId familyId, boolean consent) {
    }

    @Revision("1")
    public record LoginEmailChangeRequested(GuardianId guardianId, FamilyId familyId, String newEmail,
                                            String requestId, Instant expiresAt) {
    }

    @Revision("1")
    public record LoginEmailChanged(GuardianId guardianId, FamilyId familyId, String previousEmail,
                                    String newEmail) {
    }

    @Revision("1")
    public record PasswordChanged(GuardianId guardianId, FamilyId familyId) {
    }

    @Revision("1")
    public record PasswordResetRequested(GuardianId guardianId, FamilyId familyId, String email, String requestId,
                                         Instant expiresAt) {
    }

    @Revision("1")
    public record PasswordReset(GuardianId guardianId, FamilyId familyId) {
    }

    @Revision("1")
    public record RegistrationAttemptedWithExistingEmail(GuardianId guardianId, FamilyId familyId, String email) {
    }
}
