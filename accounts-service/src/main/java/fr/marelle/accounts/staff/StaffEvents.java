package fr.marelle.accounts.staff;

import fr.marelle.platform.audit.Role;
import org.axonframework.serialization.Revision;

public final class StaffEvents {

    private StaffEvents() {
    }

    @Revision("1")
    public record StaffMemberCreated(StaffId staffId, String email, String firstName, String lastName, Role role) {
    }

    @Revision("1")
    public record StaffInvitationSent(StaffId staffId, String email, String firstName, String requestId,
                                      java.time.Instant expiresAt) {
    }

    @Revision("1")
    public record StaffRoleChanged(StaffId staffId, Role previousRole, Role role) {
    }

    @Revision("1")
    public record StaffMemberDeactivated(StaffId staffId) {
    }

    @Revision("1")
    public record StaffMemberReactivated(StaffId staffId) {
    }

    @Revision("1")
    public record SecondFactorEnrolled(StaffId staffId) {
    }

    @Revision("1")
    public record RecoveryCodeUsed(StaffId staffId, int remaining) {
    }

    @Revision("1")
    public record StaffPasswordChanged(StaffId staffId) {
    }

    @Revision("1")
    public record SecondFactorReset(StaffId staffId) {
    }
}
