package fr.marelle.accounts.staff;

import fr.marelle.platform.audit.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public final class StaffCommands {

    private StaffCommands() {
    }

    public record CreateStaffMember(@TargetAggregateIdentifier StaffId staffId, String email, String firstName,
                                    String lastName, Role role) {
    }

    /** An invitation link to choose a password is due (the link's token is minted when the email is written). */
    public record RecordStaffInvitation(@TargetAggregateIdentifier StaffId staffId, String requestId,
                                        java.time.Instant expiresAt) {
    }

    public record ChangeStaffRole(@TargetAggregateIdentifier StaffId staffId, Role role) {
    }

    public record DeactivateStaffMember(@TargetAggregateIdentifier StaffId staffId) {
    }

    public record ReactivateStaffMember(@TargetAggregateIdentifier StaffId staffId) {
    }

    /** The staff member confirmed a second factor (the seed is kept with the credentials, never here). */
    public record RecordSecondFactorEnrollment(@TargetAggregateIdentifier StaffId staffId) {
    }

    public record RecordRecoveryCodeUse(@TargetAggregateIdentifier StaffId staffId, int remaining) {
    }

    public record RecordStaffPasswordChange(@TargetAggregateIdentifier StaffId staffId) {
    }

    /** An administrator resets a staff member's second factor (lost phone): enrolment starts again. */
    public record ResetSecondFactor(@TargetAggregateIdentifier StaffId staffId) {
    }
}
