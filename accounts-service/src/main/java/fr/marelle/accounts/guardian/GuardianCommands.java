package fr.marelle.accounts.guardian;

import fr.marelle.accounts.family.FamilyId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** What may be asked of a guardian and their login. Secrets (passwords, link tokens) are never in commands. */
public final class GuardianCommands {

    private GuardianCommands() {
    }

    /** A parent registers on the portal; a verification link is due. */
    public record RegisterGuardian(@TargetAggregateIdentifier GuardianId guardianId, FamilyId familyId,
                                   GuardianProfile profile, String loginEmail, boolean newsletterConsent,
                                   String verificationRequestId, Instant verificationExpiresAt) {
    }

    /** Staff record a guardian of a family that does not use the portal. */
    public record RecordGuardianWithoutLogin(@TargetAggregateIdentifier GuardianId guardianId, FamilyId familyId,
                                             GuardianProfile profile) {
    }

    /** Staff invite a guardian to choose a password and log in with this address. */
    public record InviteGuardianToLogIn(@TargetAggregateIdentifier GuardianId guardianId, String loginEmail,
                                        String requestId, Instant expiresAt) {
    }

    public record AcceptLoginInvitation(@TargetAggregateIdentifier GuardianId guardianId, String requestId) {
    }

    public record RequestEmailVerification(@TargetAggregateIdentifier GuardianId guardianId, String requestId,
                                           Instant expiresAt) {
    }

    public record VerifyEmail(@TargetAggregateIdentifier GuardianId guardianId, String requestId) {
    }

    public record ActivateAccount(@TargetAggregateIdentifier GuardianId guardianId) {
    }

    public record RefuseAccount(@TargetAggregateIdentifier GuardianId guardianId, String reason) {
    }

    public record UpdateGuardianProfile(@TargetAggregateIdentifier GuardianId guardianId, GuardianProfile profile) {
    }

    public record ChangeNewsletterConsent(@TargetAggregateIdentifier GuardianId guardianId, boolean consent) {
    }

    public record RequestLoginEmailChange(@TargetAggregateIdentifier GuardianId guardianId, String newEmail,
                                          String requestId, Instant expiresAt) {
    }

    public record ConfirmLoginEmailChange(@TargetAggregateIdentifier GuardianId guardianId, String requestId) {
    }

    public record RecordPasswordChange(@TargetAggregateIdentifier GuardianId guardianId) {
    }

    public record RequestPasswordReset(@TargetAggregateIdentifier GuardianId guardianId, String requestId,
                                       Instant expiresAt) {
    }

    public record CompletePasswordReset(@TargetAggregateIdentifier GuardianId guardianId, String requestId) {
    }

    /** Someone tried to register with this guardian's address: its owner is told. */
    public record RecordRegistrationAttempt(@TargetAggregateIdentifier GuardianId guardianId) {
    }
}
